using System.Text.Json;
using Cordon.Audit;
using Cordon.Lists;
using Cordon.Model;
using Cordon.Storage;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cordon.Server;

/// <summary>Errors as ProblemDetails: one shape for every refusal, naming the field or line at fault.</summary>
internal static class Problems
{
    /// <summary>The answer for anything the asker may not see, word for word the answer for what does not exist.</summary>
    public static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found", detail: $"no {what}");

    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: detail);

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: detail);

    /// <summary>Reads a JSON body of at most <paramref name="maxBytes"/>; a body that is too big, malformed or mistyped is a <see cref="ModelException"/> or a 413.</summary>
    public static async Task<T> ReadJsonAsync<T>(HttpRequest request, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, long maxBytes, CancellationToken cancellationToken)
        where T : class
    {
        LimitBody(request, maxBytes);
        if (!request.HasJsonContentType())
        {
            throw new BadHttpRequestException("send the body as application/json", StatusCodes.Status415UnsupportedMediaType);
        }

        try
        {
            await using var body = new LimitedReadStream(request.Body, maxBytes);
            return await JsonSerializer.DeserializeAsync(body, type, cancellationToken).ConfigureAwait(false)
                ?? throw new ModelException("body", "expected a JSON object, found null");
        }
        catch (JsonException ex)
        {
            throw FromJson(ex, "body");
        }
    }

    /// <summary>A JSON reader's complaint as a refusal naming the field it was reading (<paramref name="whole"/> when none).</summary>
    public static ModelException FromJson(JsonException ex, string whole)
    {
        var field = ex.Path is { Length: > 2 } path ? path.TrimStart('$', '.') : whole;
        var reason = ex.Message.Contains("could not be mapped", StringComparison.Ordinal)
            ? "unknown field"
            : ex.Message.Split(" Path:", 2)[0].Split(". LineNumber:", 2)[0];
        return new ModelException(field, reason);
    }

    /// <summary>Sets the most a request body may hold, and refuses at once one that says it is bigger.</summary>
    public static void LimitBody(HttpRequest request, long maxBytes)
    {
        if (request.ContentLength > maxBytes)
        {
            throw new BadHttpRequestException($"the body is {request.ContentLength} bytes; at most {maxBytes} are taken here", StatusCodes.Status413PayloadTooLarge);
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = maxBytes;
        }
    }
}

/// <summary>Turns the engine's refusals into 4xx ProblemDetails, and anything else into a logged 500 that reveals nothing.</summary>
internal sealed class CordonExceptionHandler(IProblemDetailsService problems, ILogger<CordonExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail, field) = exception switch
        {
            ModelException ex => (400, "Bad Request", $"{ex.Field}: {ex.Reason}", ex.Field),
            ImportException ex => (400, "Bad Request", ex.Message, ex.Field),
            StoreException ex => (400, "Bad Request", ex.Message, null),
            BadHttpRequestException ex when ex.StatusCode == 413 || ex.Message.Contains("too large", StringComparison.OrdinalIgnoreCase) =>
                (413, "Payload Too Large", ex.Message, null),
            BadHttpRequestException ex => (ex.StatusCode, ReasonPhrase(ex.StatusCode), ex.Message, null),
            ServiceNotReadyException ex => (503, "Service Unavailable", ex.Message, null),
            AuditUnavailableException ex => (503, "Service Unavailable", ex.Message, null),
            _ when Cordon.Postgres.PostgresStore.IsUnavailable(exception) =>
                (503, "Service Unavailable", "the database cannot be reached just now; try again shortly", null),
            OperationCanceledException when context.RequestAborted.IsCancellationRequested => (499, "Client Closed Request", "", null),
            _ => (500, "Internal Server Error", "the server failed to answer; the error is in its log", (string?)null),
        };
        if (status == 500)
        {
            LogMessages.Unhandled(logger, exception, context.Request.Method, context.Request.Path);
        }

        if (context.Response.HasStarted)
        {
            return true;
        }

        context.Response.StatusCode = status;
        if (status == 503)
        {
            context.Response.Headers.RetryAfter = "1";
        }
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Title = title, Detail = detail };
        if (field is not null)
        {
            problem.Extensions["field"] = field;
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception })
            .ConfigureAwait(false);
    }

    private static string ReasonPhrase(int status) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);
}
