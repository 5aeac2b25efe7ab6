using Cordon.Audit;
using Cordon.Model;
using Cordon.Server.Auth;
using Cordon.Sharing;
using Cordon.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Cordon.Server.Apis;

/// <summary>
/// <c>/v1/monitored</c>: subjects an agency keeps screening. A subject is screened when it is registered, and again
/// whenever a list change comes near it (<see cref="ServerMonitor"/>); new hits become review items at <c>/v1/hits</c>.
/// </summary>
public static class MonitoredApi
{
    public static IEndpointRouteBuilder MapMonitoredApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/monitored").WithTags("Monitoring").RequireAuthorization(Policies.Analyst);
        group.MapPost("", Add).WithName("AddMonitored")
            .WithSummary("Registers (or replaces) a subject for continuous screening and screens it at once; later list changes that come near it screen it again.")
            .Accepts<MonitorInput>("application/json")
            .ProducesProblem(400);
        group.MapGet("", List).WithName("ListMonitored").WithSummary("The agency's monitored subjects after 'after' (a subject), in subject order.")
            .ProducesProblem(400);
        group.MapDelete("/{subject}", Remove).WithName("RemoveMonitored").WithSummary("Stops monitoring a subject.");
        return app;
    }

    internal static async Task<Created<MonitorAnswer>> Add(HttpContext context, ServerState state, IOptions<ServerOptions> options, CancellationToken cancellationToken)
    {
        var input = await Problems.ReadJsonAsync(context.Request, ApiJson.Default.MonitorInput, options.Value.MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(input.Subject))
        {
            throw new ModelException("subject", "missing: your own reference for whom to monitor (a case or person id)");
        }

        if (input.Subject.Any(char.IsControl) || input.Identifiers?.Any(i => i.Any(char.IsControl)) == true)
        {
            throw new ModelException(input.Subject.Any(char.IsControl) ? "subject" : "identifiers", "control characters are not taken");
        }

        var asker = context.Asker();
        var request = new ScreenRequest(input.Name, input.BirthDate, input.Country, input.Schema, input.Identifiers, input.Purpose, Subject: input.Subject.Trim());
        var job = ScreeningApi.ToJob(request, asker, ReviewOrigins.Monitor);
        // The facts as the engine checked them; an unknown schema, country or date is refused before anything is stored.
        var view = state.View;
        var now = state.Time.GetUtcNow();
        var subject = new MonitoredSubject(asker.Agency, job.Subject, job.Query.Name, job.Query.BirthDate, job.Query.Country, job.Query.Schema,
            job.Query.Identifiers, job.Purpose, asker.Key, now);
        job = job with { QueryJson = ServerMonitor.MonitoredJson(subject) };
        var outcome = ScreeningRun.Run(state, view, asker, job, now);
        state.Store.AddMonitored(subject, new AuditEntry(now, asker.Agency, asker.Key, AuditActions.MonitorAdd, subject.Subject,
            JsonText.Object(w =>
            {
                w.WriteString("purpose", subject.Purpose);
                w.WritePropertyName("query");
                w.WriteRawValue(job.QueryJson, skipInputValidation: true);
            })));
        state.MonitoredChanged();
        var seq = await ScreeningRun.AuditAsync(state, asker, now, outcome, cancellationToken, AuditActions.MonitorScreen).ConfigureAwait(false);

        return TypedResults.Created($"/v1/monitored/{Uri.EscapeDataString(subject.Subject)}",
            new MonitorAnswer(ToDto(subject), ScreeningApi.Answer(request, outcome, view, seq)));
    }

    internal static Ok<MonitoredPage> List(HttpContext context, ServerState state, string? after, int? limit)
    {
        var (_, take) = NotificationsApi.Paging(0, limit);
        var items = state.Store.GetMonitored(context.Asker().Agency, after, take).Select(ToDto).ToList();
        return TypedResults.Ok(new MonitoredPage(items, items.Count > 0 ? items[^1].Subject : after));
    }

    internal static Results<NoContent, ProblemHttpResult> Remove(HttpContext context, ServerState state, string subject)
    {
        var asker = context.Asker();
        var audit = new AuditEntry(state.Time.GetUtcNow(), asker.Agency, asker.Key, AuditActions.MonitorRemove, subject, "{}");
        if (subject.Length > ReviewKeys.MaxSubjectLength || !state.Store.RemoveMonitored(asker.Agency, subject, audit))
        {
            return Problems.NotFound($"monitored subject '{subject}'");
        }

        state.MonitoredChanged();
        return TypedResults.NoContent();
    }

    private static MonitoredDto ToDto(MonitoredSubject s) =>
        new(s.Subject, s.Name, s.BirthDate, s.Country, s.Schema, s.Identifiers, s.Purpose, s.Key, s.CreatedAt);
}
