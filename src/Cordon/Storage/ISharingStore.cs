using Cordon.Audit;
using Cordon.Model;
using Cordon.Sharing;

namespace Cordon.Storage;

/// <summary>One record to create or replace in an agency's dataset, with its own handling rule (null: the dataset's).</summary>
public sealed record EntityChange(Entity Entity, HandlingRule? Handling);

/// <summary>
/// The sharing half of the store contract: members, keys, handling rules, the audit chain and notifications. Every
/// change is written in one transaction together with its audit entry, so there is never a change without its entry.
/// </summary>
public interface ISharingStore
{
    /// <summary>Adds an agency; refused when the code is taken.</summary>
    void AddAgency(Agency agency, AuditEntry audit);

    IReadOnlyList<Agency> GetAgencies();

    Agency? GetAgency(string code);

    /// <summary>Stores a new key (its hash only); refused when the agency does not exist.</summary>
    void AddKey(ApiKey key, byte[] hash, AuditEntry audit);

    /// <summary>The key with this hash, revoked or not, or null.</summary>
    ApiKey? FindKey(byte[] hash);

    /// <summary>Revokes a key; false when there is no such key or it was already revoked.</summary>
    bool RevokeKey(string id, DateTimeOffset at, AuditEntry audit);

    IReadOnlyList<ApiKey> GetKeys(string? agency = null);

    /// <summary>Creates an empty dataset owned by an agency, under a default handling rule; refused when the name is taken.</summary>
    void CreateDataset(string name, string title, string owner, HandlingRule rule, AuditEntry audit);

    /// <summary>Changes a dataset's default rule.</summary>
    void SetDatasetHandling(string name, HandlingRule rule, AuditEntry audit);

    /// <summary>A short text that changes whenever a dataset's content, version or handling changes: a server compares it to know when to rebuild.</summary>
    string GetStateStamp();

    /// <summary>Every dataset's owner and default rule, and every entity's own rule.</summary>
    HandlingMap GetHandling();

    /// <summary>
    /// Creates or replaces some records of a dataset and withdraws others, as one new version with its delta (a handling
    /// change counts as a change). Refused as a whole when an id belongs to another dataset or a withdrawn id is absent.
    /// </summary>
    ImportResult ChangeEntities(string dataset, IReadOnlyList<EntityChange> upserts, IReadOnlyList<string> withdrawals, AuditEntry audit);

    /// <summary>
    /// Appends entries to the chain (and notifications to owners' feeds, and review items to askers' queues) in one transaction; returns the sequence number
    /// given to the first entry.
    /// </summary>
    long Append(IReadOnlyList<AuditEntry> entries, IReadOnlyList<Notification> notifications, IReadOnlyList<ReviewItem>? reviews = null);

    /// <summary>The newest entry's sequence number and hash (0 and the genesis hash when the chain is empty).</summary>
    (long Seq, string Hash) GetAuditHead();

    /// <summary>The chain in order, from <paramref name="afterSeq"/>; only one agency's entries when <paramref name="agency"/> is set.</summary>
    IEnumerable<AuditRecord> ReadAudit(string? agency = null, long afterSeq = 0, int limit = int.MaxValue);

    /// <summary>An agency's notifications after <paramref name="afterSeq"/>, oldest first.</summary>
    IReadOnlyList<StoredNotification> GetNotifications(string agency, long afterSeq = 0, int limit = 100);

    /// <summary>An agency's review items after <paramref name="afterSeq"/>, oldest first; only those of one status when it is given.</summary>
    IReadOnlyList<StoredReviewItem> GetReviewItems(string agency, ReviewStatus? status = null, long afterSeq = 0, int limit = 100);

    /// <summary>One review item, or null.</summary>
    ReviewItem? GetReviewItem(string id);

    /// <summary>Every review item, oldest first: what a server loads its review states from.</summary>
    IEnumerable<ReviewItem> ReadReviewItems();

    /// <summary>
    /// Records an analyst's decision on an open item, with its audit entry and (for a confirmation) the owner's
    /// notification, in one transaction; false when the item is not open (decided meanwhile, or absent).
    /// </summary>
    bool DecideReview(string id, ReviewStatus decision, string note, string key, DateTimeOffset at, AuditEntry audit, Notification? notification);

    /// <summary>Registers a subject for continuous screening, replacing the agency's earlier registration of the same subject.</summary>
    void AddMonitored(MonitoredSubject subject, AuditEntry audit);

    /// <summary>Stops monitoring a subject; false when the agency does not monitor it.</summary>
    bool RemoveMonitored(string agency, string subject, AuditEntry audit);

    /// <summary>One agency's monitored subjects after <paramref name="afterSubject"/>, in subject order.</summary>
    IReadOnlyList<MonitoredSubject> GetMonitored(string agency, string? afterSubject = null, int limit = 100);

    /// <summary>Every monitored subject of every agency.</summary>
    IReadOnlyList<MonitoredSubject> GetAllMonitored();

    /// <summary>The entities of a dataset written by a version after <paramref name="afterVersion"/> (created, replaced or re-ruled since).</summary>
    IReadOnlyList<Entity> ReadChangedEntities(string dataset, int afterVersion);
}
