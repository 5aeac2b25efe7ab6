using Cordon.Audit;
using Cordon.Model;
using Cordon.Screening;
using Cordon.Sharing;
using Cordon.Text;

namespace Cordon.Server;

/// <summary>One query to screen on behalf of an asker: the subject it is about, the query, why, and which endpoint asked.</summary>
internal sealed record ScreeningJob(string Subject, ScreeningQuery Query, string Purpose, string QueryJson, string Origin)
{
    /// <summary>Keeps only the records it accepts (the datasets a yente-style query chose); null keeps all.</summary>
    public Func<Entity, bool>? Scope { get; init; }
}

/// <summary>A hit's review item as the asker is shown it.</summary>
public sealed record ReviewRef(string Id, string Status);

/// <summary>
/// A screened query: the shared answer, the review item standing for each hit and referral (null below the review
/// threshold), the review items of the hits left out as dismissed, and the items this query raised (to be written with
/// its audit entry).
/// </summary>
internal sealed record ScreeningOutcome(
    ScreeningJob Job,
    SharedScreening Result,
    ReviewRef?[] HitReviews,
    ReviewRef?[] ReferralReviews,
    IReadOnlyList<string> Suppressed,
    IReadOnlyList<ReviewItem> NewItems);

/// <summary>
/// The one screening path every endpoint takes (single, batch, yente-compatible, continuous): the shared view's answer,
/// the asker's earlier dismissals applied, review items raised for new hits, and the audit entries that record it.
/// </summary>
internal static class ScreeningRun
{
    public static ScreeningOutcome Run(ServerState state, SharedView view, Asker asker, ScreeningJob job, DateTimeOffset now)
    {
        var book = state.Reviews;
        var reviewAt = state.ReviewThreshold;
        var result = view.Screen(asker, job.Query, job.Purpose, job.QueryJson, now, hit =>
            hit.Score >= reviewAt
            && book.Find(asker.Agency, job.Subject, hit.Entity.Id) is { Status: ReviewStatus.Dismissed } dismissed
            && string.Equals(dismissed.Fingerprint, ReviewKeys.Fingerprint(hit.Entity), StringComparison.Ordinal), job.Scope);
        List<ReviewItem>? items = null;
        var hits = result.Response.Results;
        var hitReviews = new ReviewRef?[hits.Count];
        for (var i = 0; i < hits.Count; i++)
        {
            hitReviews[i] = Claim(book, asker, job, hits[i], null, view.Handling.OwnerOf(hits[i].Entity) ?? "", now, reviewAt, ref items);
        }

        var referralReviews = new ReviewRef?[result.Referrals.Count];
        for (var i = 0; i < referralReviews.Length; i++)
        {
            referralReviews[i] = Claim(book, asker, job, result.ReferredHits[i], result.Referrals[i], result.Referrals[i].Owner, now, reviewAt, ref items);
        }

        var suppressed = result.Suppressed.Count == 0
            ? []
            : result.Suppressed.Select(h => book.Find(asker.Agency, job.Subject, h.Entity.Id)?.Id).OfType<string>().ToList();
        return new ScreeningOutcome(job, result, hitReviews, referralReviews, suppressed, items ?? []);
    }

    /// <summary>
    /// Commits the audit entries of screened queries, with the notifications and review items the queries raised, and
    /// returns the first entry's sequence number. If the commit fails, the review claims are let go (so that the next
    /// screen raises them again) and the error goes to the caller.
    /// </summary>
    public static async Task<long> CommitAsync(ServerState state, IReadOnlyList<AuditEntry> entries, IReadOnlyList<ScreeningOutcome> outcomes, CancellationToken cancellationToken)
    {
        try
        {
            return await state.Audit.AppendAsync(entries, outcomes.SelectMany(o => o.Result.Notifications).ToList(),
                outcomes.SelectMany(o => o.NewItems).ToList(), cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Release(state, outcomes);
            throw;
        }
    }

    /// <summary>Audits one screened query (<see cref="AddEntries"/>) and commits it; returns the asker's entry's sequence number.</summary>
    public static Task<long> AuditAsync(ServerState state, Asker asker, DateTimeOffset now, ScreeningOutcome outcome, CancellationToken cancellationToken,
        string action = AuditActions.Screen)
    {
        var entries = new List<AuditEntry>(1 + outcome.Result.Notifications.Count);
        AddEntries(entries, asker, now, outcome, action);
        return CommitAsync(state, entries, [outcome], cancellationToken);
    }

    private static void Release(ServerState state, IEnumerable<ScreeningOutcome> outcomes)
    {
        foreach (var item in outcomes.SelectMany(o => o.NewItems))
        {
            state.Reviews.Release(item);
        }
    }

    /// <summary>
    /// The asker's audit entry for a screened query (purpose, subject, query, what it was shown and the review items),
    /// then one <c>disclosure</c> entry in each owner's trail per hit-no-hit referral.
    /// </summary>
    public static void AddEntries(List<AuditEntry> entries, Asker asker, DateTimeOffset now, ScreeningOutcome outcome, string action = AuditActions.Screen)
    {
        entries.Add(new AuditEntry(now, asker.Agency, asker.Key, action, outcome.Job.Query.Name, JsonText.Object(w => WriteDetails(w, outcome))));
        AddDisclosures(entries, asker, now, outcome.Result);
    }

    /// <summary>One <c>disclosure</c> entry in the owner's trail per hit-no-hit referral: which record, to whom, under which reference.</summary>
    public static void AddDisclosures(List<AuditEntry> entries, Asker asker, DateTimeOffset now, SharedScreening result)
    {
        foreach (var n in result.Notifications)
        {
            entries.Add(new AuditEntry(now, n.Agency, asker.Key, AuditActions.Disclosure, n.EntityId, JsonText.Object(w =>
            {
                w.WriteString("reference", n.Reference);
                w.WriteString("to", n.FromAgency);
                w.WriteString("purpose", n.Purpose);
                w.WriteString("band", ScoreBands.Of(n.Score));
                w.WriteNumber("score", n.Score);
            })));
        }
    }

    /// <summary>What the asker asked and was told, as written in its audit entry.</summary>
    public static void WriteDetails(System.Text.Json.Utf8JsonWriter w, ScreeningOutcome outcome)
    {
        w.WriteString("purpose", outcome.Job.Purpose);
        w.WriteString("subject", outcome.Job.Subject);
        w.WriteString("origin", outcome.Job.Origin);
        w.WritePropertyName("query");
        w.WriteRawValue(outcome.Job.QueryJson, skipInputValidation: true);
        var result = outcome.Result;
        w.WriteStartArray("results");
        for (var i = 0; i < result.Response.Results.Count; i++)
        {
            var hit = result.Response.Results[i];
            w.WriteStartObject();
            w.WriteString("id", hit.Entity.Id);
            w.WriteNumber("score", hit.Score);
            if (outcome.HitReviews[i] is { } review)
            {
                w.WriteString("review", review.Id);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("referrals");
        for (var i = 0; i < result.Referrals.Count; i++)
        {
            var r = result.Referrals[i];
            w.WriteStartObject();
            w.WriteString("reference", r.Reference);
            w.WriteString("owner", r.Owner);
            w.WriteString("band", r.Band);
            if (outcome.ReferralReviews[i] is { } review)
            {
                w.WriteString("review", review.Id);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (outcome.Suppressed.Count > 0)
        {
            w.WriteStartArray("suppressed");
            foreach (var id in outcome.Suppressed)
            {
                w.WriteStringValue(id);
            }

            w.WriteEndArray();
        }
    }

    private static ReviewRef? Claim(
        ReviewBook book, Asker asker, ScreeningJob job, ScreeningHit hit, Referral? referral, string owner, DateTimeOffset now, double reviewAt,
        ref List<ReviewItem>? items)
    {
        if (hit.Score < reviewAt)
        {
            return null;
        }

        var outcome = book.TryClaim(asker.Agency, job.Subject, hit.Entity.Id, ReviewItem.NewId, () => ReviewKeys.Fingerprint(hit.Entity), out var state);
        if (outcome != ReviewOutcome.Raise)
        {
            return new ReviewRef(state.Id, ReviewStatuses.Name(state.Status));
        }

        (items ??= []).Add(new ReviewItem(
            Id: state.Id,
            Agency: asker.Agency,
            Subject: job.Subject,
            EntityId: hit.Entity.Id,
            Fingerprint: state.Fingerprint,
            Owner: owner,
            Reference: referral?.Reference,
            Dataset: referral is null ? hit.Entity.Dataset : null,
            Caption: referral is null ? hit.Entity.Caption : null,
            Band: ScoreBands.Of(hit.Score),
            Score: hit.Score,
            Origin: job.Origin,
            Purpose: job.Purpose,
            Query: job.QueryJson,
            CreatedAt: now,
            Key: asker.Key));
        return new ReviewRef(state.Id, ReviewStatuses.Name(ReviewStatus.Open));
    }
}
