using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Cordon.Model;

namespace Cordon.Sharing;

/// <summary>Where a review item stands.</summary>
public enum ReviewStatus
{
    Open,
    Confirmed,
    Dismissed,
}

/// <summary>Review statuses as the API and the store write them.</summary>
public static class ReviewStatuses
{
    public static string Name(ReviewStatus status) => status switch
    {
        ReviewStatus.Open => "open",
        ReviewStatus.Confirmed => "confirmed",
        ReviewStatus.Dismissed => "dismissed",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary>Reads a status; null when it is not one.</summary>
    public static ReviewStatus? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "open" => ReviewStatus.Open,
        "confirmed" or "confirm" => ReviewStatus.Confirmed,
        "dismissed" or "dismiss" => ReviewStatus.Dismissed,
        _ => null,
    };
}

/// <summary>
/// A hit above the threshold, waiting for (or given) an analyst's decision. A hit the agency may see names the entity
/// (<see cref="Caption"/>, <see cref="Dataset"/>); a hit-no-hit match carries only the <see cref="Reference"/> the agency
/// was given, the owner and the band — <see cref="EntityId"/> is kept for suppression and never shown to the agency.
/// <see cref="Fingerprint"/> is the entity's content when the hit was raised: a dismissal holds until it changes.
/// </summary>
public sealed record ReviewItem(
    string Id,
    string Agency,
    string Subject,
    string EntityId,
    string Fingerprint,
    string Owner,
    string? Reference,
    string? Dataset,
    string? Caption,
    string Band,
    double Score,
    string Origin,
    string Purpose,
    string Query,
    DateTimeOffset CreatedAt,
    string Key,
    ReviewStatus Status = ReviewStatus.Open,
    DateTimeOffset? DecidedAt = null,
    string? DecidedBy = null,
    string? Note = null)
{
    /// <summary>True for a hit-no-hit match, which the agency knows only by its reference.</summary>
    public bool IsReferral => Reference is not null;

    /// <summary>
    /// A new item id: the time in milliseconds, then 40 random bits. Ids made later sort later, so the store adds each
    /// to the end of its index instead of to a random page of it (one random page a hit made the write-ahead log grow
    /// by a page per hit under load).
    /// </summary>
    public static string NewId() =>
        "hit_" + DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString("x12", System.Globalization.CultureInfo.InvariantCulture)
        + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5));
}

/// <summary>A review item as stored, with its place in the agency's queue.</summary>
public sealed record StoredReviewItem(long Seq, ReviewItem Item);

/// <summary>Where a screening request came from, as review items record it.</summary>
public static class ReviewOrigins
{
    public const string Screen = "screen";
    public const string Batch = "batch";
    public const string Match = "match";
    public const string Monitor = "monitor";
}

/// <summary>What to do with a hit given the agency's earlier decisions on the same subject and entity.</summary>
public enum ReviewOutcome
{
    /// <summary>No item yet (or a dismissal the entity has since outgrown): raise one.</summary>
    Raise,

    /// <summary>An item already stands (open or confirmed): report it, raise nothing.</summary>
    Existing,

    /// <summary>Dismissed, and the entity has not changed since: leave it out of the answer.</summary>
    Suppressed,
}

/// <summary>The last decision state of one (agency, subject, entity) pair.</summary>
public sealed record ReviewState(string Id, ReviewStatus Status, string Fingerprint);

/// <summary>
/// The review states every screen consults, held in memory so that the inline path never waits on the store: one
/// entry per (agency, subject, entity), the newest item's. <see cref="TryClaim"/> is atomic, so two concurrent screens
/// of one subject raise one item.
/// </summary>
public sealed class ReviewBook
{
    private readonly ConcurrentDictionary<(string Agency, string Subject, string EntityId), ReviewState> _states = new();

    public int Count => _states.Count;

    /// <summary>Loads the newest state of each pair (items in creation order: later ones win).</summary>
    public void Load(IEnumerable<ReviewItem> items)
    {
        foreach (var item in items)
        {
            _states[(item.Agency, item.Subject, item.EntityId)] = new ReviewState(item.Id, item.Status, item.Fingerprint);
        }
    }

    /// <summary>The standing state of a pair, or null.</summary>
    public ReviewState? Find(string agency, string subject, string entityId) =>
        _states.TryGetValue((agency, subject, entityId), out var state) ? state : null;

    /// <summary>
    /// Decides what a new hit means: <see cref="ReviewOutcome.Raise"/> claims the pair for an id from <paramref name="newId"/>
    /// (the caller then writes the item); otherwise <paramref name="state"/> is the item that stands.
    /// <paramref name="newId"/> and <paramref name="fingerprint"/> are asked only when they are needed.
    /// </summary>
    public ReviewOutcome TryClaim(string agency, string subject, string entityId, Func<string> newId, Func<string> fingerprint, out ReviewState state)
    {
        var key = (agency, subject, entityId);
        while (true)
        {
            if (!_states.TryGetValue(key, out var current))
            {
                var claimed = new ReviewState(newId(), ReviewStatus.Open, fingerprint());
                if (_states.TryAdd(key, claimed))
                {
                    state = claimed;
                    return ReviewOutcome.Raise;
                }

                continue;
            }

            if (current.Status != ReviewStatus.Dismissed)
            {
                state = current;
                return ReviewOutcome.Existing;
            }

            var now = fingerprint();
            if (string.Equals(now, current.Fingerprint, StringComparison.Ordinal))
            {
                state = current;
                return ReviewOutcome.Suppressed;
            }

            var reopened = new ReviewState(newId(), ReviewStatus.Open, now);
            if (_states.TryUpdate(key, reopened, current))
            {
                state = reopened;
                return ReviewOutcome.Raise;
            }
        }
    }

    /// <summary>Records a decision once the store has it.</summary>
    public void Decided(ReviewItem item, ReviewStatus status)
    {
        _states.AddOrUpdate((item.Agency, item.Subject, item.EntityId),
            _ => new ReviewState(item.Id, status, item.Fingerprint),
            (_, current) => string.Equals(current.Id, item.Id, StringComparison.Ordinal) ? current with { Status = status } : current);
    }

    /// <summary>Forgets a claim whose item could not be written, so that the next screen raises it again.</summary>
    public void Release(ReviewItem item) =>
        _states.TryRemove(new KeyValuePair<(string, string, string), ReviewState>((item.Agency, item.Subject, item.EntityId),
            new ReviewState(item.Id, ReviewStatus.Open, item.Fingerprint)));
}

/// <summary>Names the subject of a query, and fingerprints entities, for review decisions.</summary>
public static class ReviewKeys
{
    /// <summary>Longest subject a client may give.</summary>
    public const int MaxSubjectLength = 200;

    /// <summary>
    /// The subject a query is about: the client's own reference when it gives one, otherwise one derived from the
    /// query itself (name, birth date, country, schema, read case- and space-insensitively), so that screening the
    /// same person again finds the earlier decisions.
    /// </summary>
    public static string Subject(string? given, string name, string? birthDate, string? country, string? schema)
    {
        if (!string.IsNullOrWhiteSpace(given))
        {
            return given.Trim();
        }

        var text = string.Join('\u001f', Fold(name), Fold(birthDate), Fold(country), Fold(schema));
        return "q_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 12));
    }

    /// <summary>
    /// The entity's content (schema, source and properties): equal exactly when the entity did not change. Computed
    /// once per entity object (entities are immutable, and a new store state makes new ones), as every new review item
    /// and every dismissed pair asks for it.
    /// </summary>
    public static string Fingerprint(Entity entity) => Fingerprints.GetValue(entity, static e =>
        Convert.ToHexStringLower(EntityJson.ContentHash(e.Schema.Name, e.SourceRef, EntityJson.PropertiesUtf8(e)).AsSpan(0, 16)));

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Entity, string> Fingerprints = new();

    private static string Fold(string? text) =>
        text is null ? "" : string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();
}
