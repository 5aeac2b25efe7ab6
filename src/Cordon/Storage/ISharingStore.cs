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
    /// Appends entries to the chain (and notifications to owners' feeds) in one transaction; returns the sequence number
    /// given to the first entry.
    /// </summary>
    long Append(IReadOnlyList<AuditEntry> entries, IReadOnlyList<Notification> notifications);

    /// <summary>The newest entry's sequence number and hash (0 and the genesis hash when the chain is empty).</summary>
    (long Seq, string Hash) GetAuditHead();

    /// <summary>The chain in order, from <paramref name="afterSeq"/>; only one agency's entries when <paramref name="agency"/> is set.</summary>
    IEnumerable<AuditRecord> ReadAudit(string? agency = null, long afterSeq = 0, int limit = int.MaxValue);

    /// <summary>An agency's notifications after <paramref name="afterSeq"/>, oldest first.</summary>
    IReadOnlyList<StoredNotification> GetNotifications(string agency, long afterSeq = 0, int limit = 100);
}
