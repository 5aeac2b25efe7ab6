namespace Cordon.Audit;

/// <summary>
/// One thing that happened: who (agency and key; <c>operator</c> for the command line), what (the action), to what
/// (the subject: an entity, dataset, key or query) and the details as compact JSON (query, purpose, what was disclosed).
/// </summary>
public sealed record AuditEntry(DateTimeOffset At, string Agency, string Key, string Action, string Subject, string Details)
{
    /// <summary>The actor recorded for changes made on the command line, which has no key.</summary>
    public const string Operator = "operator";

    /// <summary>The time as stored and hashed: UTC, seven fractional digits, so that it reads back to the same text.</summary>
    public string AtText => FormatTime(At);

    /// <summary>Times as the audit trail and notifications store them.</summary>
    public static string FormatTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>An entry as stored: its place in the chain and the hash that links it to the entry before.</summary>
public sealed record AuditRecord(long Seq, AuditEntry Entry, string Hash);

/// <summary>What changes a state: one constant per action, as written in the audit trail.</summary>
public static class AuditActions
{
    public const string AgencyAdd = "agency.add";
    public const string KeyCreate = "key.create";
    public const string KeyRevoke = "key.revoke";
    public const string DatasetCreate = "dataset.create";
    public const string DatasetHandling = "dataset.handling";
    public const string DatasetImport = "dataset.import";
    public const string EntityCreate = "entity.create";
    public const string EntityUpdate = "entity.update";
    public const string EntityWithdraw = "entity.withdraw";
    public const string EntityRead = "entity.read";
    public const string Screen = "screen";
    public const string Disclosure = "disclosure";
    public const string ScreenBatch = "screen.batch";
    public const string HitConfirm = "hit.confirm";
    public const string HitDismiss = "hit.dismiss";
    public const string MonitorAdd = "monitor.add";
    public const string MonitorRemove = "monitor.remove";
    public const string MonitorScreen = "monitor.screen";
}
