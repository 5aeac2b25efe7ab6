namespace Cordon.Sharing;

/// <summary>Why an owner is told about one of its records.</summary>
public static class NotificationKinds
{
    /// <summary>Another member's screening matched a hit-no-hit record: the asker learnt only that it exists.</summary>
    public const string HitNoHit = "hit-no-hit";

    /// <summary>Another member's analyst confirmed that one of its subjects is this record.</summary>
    public const string ConfirmedHit = "confirmed-hit";
}

/// <summary>
/// What an owner agency is told when another member's query touches one of its records: who asked, when, why, with what
/// query, which record matched and how well. <see cref="Reference"/> is what the asker was given to quote.
/// </summary>
public sealed record Notification(
    string Reference,
    string Agency,
    DateTimeOffset At,
    string Kind,
    string FromAgency,
    string FromKey,
    string Purpose,
    string Query,
    string EntityId,
    double Score);

/// <summary>A notification as stored, with its place in the owner's feed.</summary>
public sealed record StoredNotification(long Seq, Notification Notification);

/// <summary>Score bands, the only measure of a match that a hit-no-hit answer carries.</summary>
public static class ScoreBands
{
    public static string Of(double score) => score switch
    {
        >= 0.9 => "high",
        >= 0.8 => "medium",
        _ => "low",
    };

    /// <summary>A fresh reference to quote: unguessable, and unrelated to the record's id.</summary>
    public static string NewReference() =>
        "ref_" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(10));
}
