using System.Text.Json;
using Cordon.Audit;
using Cordon.Model;
using Cordon.Server.Auth;
using Cordon.Sharing;
using Cordon.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Cordon.Server.Apis;

/// <summary>
/// <c>/v1/hits</c>: the agency's review queue. Every hit at or above the review threshold becomes an item; an analyst
/// confirms or dismisses it with a note. A dismissal suppresses the same (subject, record) pair in later screening
/// until the record changes; a confirmation notifies the record's owner.
/// </summary>
public static class ReviewApi
{
    /// <summary>Longest decision note.</summary>
    public const int MaxNote = 2000;

    public static IEndpointRouteBuilder MapReviewApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/hits").WithTags("Review").RequireAuthorization(Policies.Analyst);
        group.MapGet("", List).WithName("ListHits")
            .WithSummary("The agency's review items after 'after' (a seq), oldest first; 'status' keeps one of open, confirmed, dismissed.")
            .ProducesProblem(400);
        group.MapGet("/{id}", Get).WithName("GetHit").WithSummary("One review item of the agency.");
        group.MapPost("/{id}/decision", Decide).WithName("DecideHit")
            .WithSummary("Confirms or dismisses an open item, with a note. A dismissal holds until the record changes; a confirmation notifies the owner.")
            .Accepts<DecisionInput>("application/json")
            .ProducesProblem(400)
            .ProducesProblem(409);
        return app;
    }

    internal static Ok<HitPage> List(HttpContext context, ServerState state, string? status, long? after, int? limit)
    {
        var (from, take) = NotificationsApi.Paging(after, limit);
        ReviewStatus? wanted = null;
        if (status is not null)
        {
            wanted = ReviewStatuses.Parse(status) ?? throw new ModelException("status", $"unknown status '{status}': open, confirmed or dismissed");
        }

        var items = state.Store.GetReviewItems(context.Asker().Agency, wanted, from, take).Select(s => ToDto(s.Seq, s.Item)).ToList();
        return TypedResults.Ok(new HitPage(items, items.Count > 0 ? items[^1].Seq : from));
    }

    internal static Results<Ok<HitDto>, ProblemHttpResult> Get(HttpContext context, ServerState state, string id) =>
        Own(context, state, id) is { } item ? TypedResults.Ok(ToDto(0, item)) : Problems.NotFound($"review item '{id}'");

    internal static async Task<Results<Ok<HitDto>, ProblemHttpResult>> Decide(
        HttpContext context, ServerState state, IOptions<ServerOptions> options, string id, CancellationToken cancellationToken)
    {
        var input = await Problems.ReadJsonAsync(context.Request, ApiJson.Default.DecisionInput, options.Value.MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        var decision = ReviewStatuses.Parse(input.Decision) is { } d and not ReviewStatus.Open
            ? d
            : throw new ModelException("decision", input.Decision is null ? "missing: confirm or dismiss" : $"unknown decision '{input.Decision}': confirm or dismiss");
        var note = input.Note?.Trim();
        if (string.IsNullOrEmpty(note))
        {
            throw new ModelException("note", "missing: say why (the decision and its reason are audited)");
        }

        if (note.Length > MaxNote)
        {
            throw new ModelException("note", $"longer than {MaxNote} characters");
        }

        var asker = context.Asker();
        if (Own(context, state, id) is not { } item)
        {
            return Problems.NotFound($"review item '{id}'");
        }

        if (item.Status != ReviewStatus.Open)
        {
            return Problems.Conflict($"review item '{id}' was already {ReviewStatuses.Name(item.Status)}");
        }

        var now = state.Time.GetUtcNow();
        var action = decision == ReviewStatus.Confirmed ? AuditActions.HitConfirm : AuditActions.HitDismiss;
        var audit = new AuditEntry(now, asker.Agency, asker.Key, action, item.Id, JsonText.Object(w =>
        {
            w.WriteString("subject", item.Subject);
            if (item.Reference is null)
            {
                w.WriteString("entity", item.EntityId);
            }
            else
            {
                w.WriteString("reference", item.Reference);
            }

            w.WriteString("note", note);
        }));
        // The owner learns of a confirmation, unless it is the asker itself or not a member (a public list's publisher).
        Notification? notification = decision == ReviewStatus.Confirmed && item.Owner.Length > 0
            && !string.Equals(item.Owner, asker.Agency, StringComparison.Ordinal) && state.Store.GetAgency(item.Owner) is not null
            ? new Notification(ScoreBands.NewReference(), item.Owner, now, NotificationKinds.ConfirmedHit, asker.Agency, asker.Key,
                item.Purpose, item.Query, item.EntityId, item.Score)
            : null;
        if (!state.Store.DecideReview(item.Id, decision, note, asker.Key, now, audit, notification))
        {
            return Problems.Conflict($"review item '{id}' was decided meanwhile");
        }

        state.Reviews.Decided(item, decision);
        return TypedResults.Ok(ToDto(0, item with { Status = decision, DecidedAt = now, DecidedBy = asker.Key, Note = note }));
    }

    /// <summary>The item when it is the asker's agency's; another agency's is answered exactly as an absent one.</summary>
    private static ReviewItem? Own(HttpContext context, ServerState state, string id) =>
        id.Length <= 64 && state.Store.GetReviewItem(id) is { } item && string.Equals(item.Agency, context.Asker().Agency, StringComparison.Ordinal)
            ? item
            : null;

    /// <summary>An item as its agency sees it: a referral shows its reference, owner and band, never the record.</summary>
    internal static HitDto ToDto(long seq, ReviewItem item) => new(
        Seq: seq,
        Id: item.Id,
        Subject: item.Subject,
        Status: ReviewStatuses.Name(item.Status),
        Origin: item.Origin,
        Purpose: item.Purpose,
        Query: JsonDocument.Parse(item.Query).RootElement.Clone(),
        Band: item.Band,
        Score: item.IsReferral ? null : item.Score,
        EntityId: item.IsReferral ? null : item.EntityId,
        Caption: item.Caption,
        Dataset: item.Dataset,
        Owner: item.Owner,
        Reference: item.Reference,
        CreatedAt: item.CreatedAt,
        DecidedAt: item.DecidedAt,
        DecidedBy: item.DecidedBy,
        Note: item.Note);
}
