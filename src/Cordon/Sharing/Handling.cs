using Cordon.Model;

namespace Cordon.Sharing;

/// <summary>How a record may be seen by members other than its owner.</summary>
public enum HandlingKind
{
    /// <summary>Every member sees the full record.</summary>
    Shared,

    /// <summary>Only the owner and the named agencies see it; others learn nothing, not even that it exists.</summary>
    Restricted,

    /// <summary>The owner and the named agencies see it; others learn only that a matching record exists, and the owner is told.</summary>
    HitNoHit,
}

/// <summary>What an asker may learn of one record.</summary>
public enum Disclosure
{
    /// <summary>Nothing: the record is answered exactly as if it did not exist.</summary>
    Nothing,

    /// <summary>That it exists: score band, owner agency and a reference to quote; the owner is notified.</summary>
    Existence,

    /// <summary>The whole record.</summary>
    Full,
}

/// <summary>A handling rule: its kind and the agencies, besides the owner, that see the full record.</summary>
public sealed record HandlingRule(HandlingKind Kind, IReadOnlyList<string> ShareWith)
{
    public static readonly HandlingRule Shared = new(HandlingKind.Shared, []);

    /// <summary>The rule's name in the API, the CLI and the store: <c>shared</c>, <c>restricted</c>, <c>hit-no-hit</c>.</summary>
    public string Name => NameOf(Kind);

    public static string NameOf(HandlingKind kind) => kind switch
    {
        HandlingKind.Shared => "shared",
        HandlingKind.Restricted => "restricted",
        HandlingKind.HitNoHit => "hit-no-hit",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Parses a rule name and its share-with list; <paramref name="field"/> names the input in errors.</summary>
    public static HandlingRule Parse(string? name, IEnumerable<string>? shareWith, string field = "handling")
    {
        var kind = name switch
        {
            "shared" => HandlingKind.Shared,
            "restricted" => HandlingKind.Restricted,
            "hit-no-hit" => HandlingKind.HitNoHit,
            _ => throw new ModelException(field, $"unknown handling rule '{name}' (known: shared, restricted, hit-no-hit)"),
        };
        var agencies = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var agency in shareWith ?? [])
        {
            if (!Agency.IsValidCode(agency))
            {
                throw new ModelException("share_with", $"invalid agency code '{agency}'");
            }

            agencies.Add(agency);
        }

        if (kind == HandlingKind.Shared && agencies.Count > 0)
        {
            throw new ModelException("share_with", "a shared record is seen by every member: share_with applies to restricted and hit-no-hit");
        }

        return kind == HandlingKind.Shared ? Shared : new HandlingRule(kind, [.. agencies]);
    }

    /// <summary>The share-with list as stored: agency codes joined by spaces.</summary>
    public string ShareWithText => string.Join(' ', ShareWith);

    /// <summary>Reads a stored rule (trusted: the store wrote it).</summary>
    public static HandlingRule FromStored(string name, string shareWith) =>
        Parse(name, shareWith.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    public bool Equals(HandlingRule? other) =>
        other is not null && Kind == other.Kind && ShareWith.SequenceEqual(other.ShareWith, StringComparer.Ordinal);

    public override int GetHashCode() => HashCode.Combine(Kind, ShareWith.Count);

    /// <summary>
    /// The one place disclosure is decided: every path (entity reads, search, screening, batch, exports, notifications,
    /// audit views) asks it, after the engine has answered, before anything reaches the asker.
    /// </summary>
    public Disclosure Decide(string asker, string owner)
    {
        if (Kind == HandlingKind.Shared || string.Equals(asker, owner, StringComparison.Ordinal))
        {
            return Disclosure.Full;
        }

        foreach (var agency in ShareWith)
        {
            if (string.Equals(agency, asker, StringComparison.Ordinal))
            {
                return Disclosure.Full;
            }
        }

        return Kind == HandlingKind.HitNoHit ? Disclosure.Existence : Disclosure.Nothing;
    }
}
