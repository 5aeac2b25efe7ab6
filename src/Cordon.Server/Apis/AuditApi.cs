using System.Text.Json;
using Cordon.Screening;
using Cordon.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cordon.Server.Apis;

/// <summary>
/// <c>GET /v1/audit</c>: an agency's own trail, for its auditors: every entry with its chain hash, the chain's head, and
/// the list versions and matcher version in force, as regulators ask.
/// </summary>
public static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/audit", Read).WithTags("Audit").WithName("ReadAudit")
            .WithSummary("The agency's audit entries after 'after' (a seq), with the chain head, list versions and matcher version.")
            .ProducesProblem(400)
            .RequireAuthorization(Policies.Admin);
        return app;
    }

    internal static Ok<AuditPage> Read(HttpContext context, ServerState state, long? after, int? limit)
    {
        var (from, take) = NotificationsApi.Paging(after, limit);
        var asker = context.Asker();
        var entries = state.Store.ReadAudit(asker.Agency, from, take)
            .Select(r => new AuditDto(r.Seq, r.Entry.AtText, r.Entry.Agency, r.Entry.Key, r.Entry.Action, r.Entry.Subject,
                JsonDocument.Parse(r.Entry.Details).RootElement.Clone(), r.Hash))
            .ToList();
        var head = state.Store.GetAuditHead();
        var handling = state.View.Handling;
        var lists = state.Store.GetDatasets()
            .Where(d => handling.SeesAllOf(asker.Agency, d.Name))
            .Select(d => new ListVersion(d.Name, d.Version, d.UpdatedAt))
            .ToList();
        return TypedResults.Ok(new AuditPage(entries, entries.Count > 0 ? entries[^1].Seq : from, new AuditHead(head.Seq, head.Hash),
            MatcherVersion.Current, lists));
    }
}
