using Cordon.Model;
using Cordon.Server.Auth;
using Microsoft.Extensions.Options;

namespace Cordon.Server.Apis;

/// <summary>
/// <c>POST /v1/screen/batch</c>: NDJSON in, NDJSON out, streamed. Each input line is one query (the fields of
/// <c>/v1/screen</c>, plus the caller's <c>id</c>); each gets one output line in input order, either its answer or an
/// error naming the line and field. A last <c>summary</c> line says the batch is complete: a stream that ends without
/// one was cut short.
/// </summary>
public static class BatchApi
{
    /// <summary>The media types taken for NDJSON.</summary>
    public static readonly IReadOnlyList<string> MediaTypes = ["application/x-ndjson", "application/ndjson", "application/jsonl", "application/x-jsonlines"];

    public static IEndpointRouteBuilder MapBatchApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/screen/batch", Batch)
            .WithName("ScreenBatch")
            .WithTags("Screening")
            .WithSummary("Screen many queries, one JSON object per line; answers stream back one line each, in input order, then a summary line. "
                + "'purpose' applies to lines that give none (a line's own purpose wins; the key's standing purpose is the last resort).")
            .Accepts<BatchRow>("application/x-ndjson")
            .Produces<BatchLine>(StatusCodes.Status200OK, "application/x-ndjson")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .RequireAuthorization(Policies.Screener);
        return app;
    }

    internal static async Task Batch(HttpContext context, ServerState state, IOptions<ServerOptions> options, string? purpose, CancellationToken cancellationToken)
    {
        var request = context.Request;
        Problems.LimitBody(request, options.Value.MaxBatchBytes);
        if (!IsNdjson(request.ContentType))
        {
            throw new BadHttpRequestException("send the body as application/x-ndjson: one JSON query per line", StatusCodes.Status415UnsupportedMediaType);
        }

        if (purpose is { Length: > ScreeningApi.MaxTextLength })
        {
            throw new ModelException("purpose", $"longer than {ScreeningApi.MaxTextLength} characters");
        }

        // Refused with a 503 before the stream starts, rather than as an error line, while the lists are still loading.
        _ = state.View;
        var response = context.Response;
        response.ContentType = "application/x-ndjson; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        await response.StartAsync(cancellationToken).ConfigureAwait(false);
        var run = new BatchRun(state, context.Asker(), string.IsNullOrWhiteSpace(purpose) ? null : purpose.Trim(), Math.Max(1, options.Value.BatchChunk));
        await run.RunAsync(request.BodyReader, response.BodyWriter, cancellationToken).ConfigureAwait(false);
    }

    private static bool IsNdjson(string? contentType) =>
        contentType is not null && MediaTypes.Any(t => contentType.StartsWith(t, StringComparison.OrdinalIgnoreCase));
}
