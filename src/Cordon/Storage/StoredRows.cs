using System.Data.Common;
using System.Globalization;
using Cordon.Audit;
using Cordon.Sharing;

namespace Cordon.Storage;

/// <summary>
/// The tables' rows as both stores select and read them: the same columns in the same order, times as ISO 8601
/// text (the audit chain hashes them as written), identifiers joined by a separator no identifier may hold.
/// </summary>
public static class StoredRows
{
    public const string ReviewColumns = """
        seq, id, agency, subject, entity_id, fingerprint, owner, reference, dataset, caption, band, score, origin, purpose, query,
        created_at, key, status, decided_at, decided_by, note
        """;

    public const string MonitoredColumns = "agency, subject, name, birth_date, country, schema, identifiers, purpose, key, created_at";

    public const string KeyColumns = "id, agency, role, label, created_at, revoked_at, purpose";

    public const string AgencyColumns = "code, name, country, created_at";

    public const string NotificationColumns = "seq, reference, agency, at, kind, from_agency, from_key, purpose, query, entity_id, score";

    public const string AuditColumns = "seq, at, agency, key, action, subject, details, hash";

    /// <summary>Separates a monitored subject's stored identifiers (which are refused when they hold control characters).</summary>
    public const char IdentifierSeparator = '\u001f';

    public static string JoinIdentifiers(IEnumerable<string> identifiers) => string.Join(IdentifierSeparator, identifiers);

    public static DateTimeOffset Time(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    public const string EntityColumns = "id, schema, dataset, source_ref, properties";

    public const string DatasetColumns = "name, title, owner, format, version, records, entities, updated_at";

    public const string VersionColumns = "dataset, version, imported_at, source, added, changed, removed, unchanged, records, entities";

    public static Model.Entity Entity(DbDataReader r)
    {
        // The properties go to the parser as UTF-8 in the thread's scratch buffer: a server reads a million at start.
        var properties = r.GetString(4);
        using var scratch = Cordon.Text.JsonScratch.Take(relaxed: true);
        var buffer = scratch.Buffer.GetSpan(System.Text.Encoding.UTF8.GetMaxByteCount(properties.Length));
        var written = System.Text.Encoding.UTF8.GetBytes(properties, buffer);
        return Model.EntityJson.FromStored(r.GetString(0), r.GetString(1), DatasetName(r.GetString(2)), r.GetString(3), buffer[..written]);
    }

    /// <summary>Dataset names as one string each (a million entities read at start name a handful of datasets), up to a bound.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> DatasetNames = new(StringComparer.Ordinal);

    private static string DatasetName(string name) =>
        DatasetNames.TryGetValue(name, out var kept) ? kept : DatasetNames.Count < 4096 ? DatasetNames.GetOrAdd(name, name) : name;

    public static DatasetInfo Dataset(DbDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt32(4), r.GetInt32(5), r.GetInt32(6), Time(r.GetString(7)));

    public static DatasetVersion Version(DbDataReader r) => new(r.GetString(0), r.GetInt32(1), Time(r.GetString(2)), r.GetString(3),
        r.GetInt32(4), r.GetInt32(5), r.GetInt32(6), r.GetInt32(7), r.GetInt32(8), r.GetInt32(9));

    public static StoredReviewItem Review(DbDataReader r) => new(r.GetInt64(0), new ReviewItem(
        Id: r.GetString(1),
        Agency: r.GetString(2),
        Subject: r.GetString(3),
        EntityId: r.GetString(4),
        Fingerprint: r.GetString(5),
        Owner: r.GetString(6),
        Reference: Text(r, 7),
        Dataset: Text(r, 8),
        Caption: Text(r, 9),
        Band: r.GetString(10),
        Score: r.GetDouble(11),
        Origin: r.GetString(12),
        Purpose: r.GetString(13),
        Query: r.GetString(14),
        CreatedAt: Time(r.GetString(15)),
        Key: r.GetString(16),
        Status: ReviewStatuses.Parse(r.GetString(17)) ?? throw new InvalidDataException($"review item {r.GetString(1)} has an unknown status"),
        DecidedAt: r.IsDBNull(18) ? null : Time(r.GetString(18)),
        DecidedBy: Text(r, 19),
        Note: Text(r, 20)));

    public static MonitoredSubject Monitored(DbDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), Text(r, 3), Text(r, 4), Text(r, 5),
        r.GetString(6).Split(IdentifierSeparator, StringSplitOptions.RemoveEmptyEntries), r.GetString(7), r.GetString(8), Time(r.GetString(9)));

    public static ApiKey Key(DbDataReader r) => new(r.GetString(0), r.GetString(1), Roles.Parse(r.GetString(2)), r.GetString(3),
        Time(r.GetString(4)), r.IsDBNull(5) ? null : Time(r.GetString(5)), Text(r, 6));

    public static Agency Agency(DbDataReader r) => new(r.GetString(0), r.GetString(1), r.GetString(2), Time(r.GetString(3)));

    public static StoredNotification Notification(DbDataReader r) => new(r.GetInt64(0), new Notification(r.GetString(1), r.GetString(2),
        Time(r.GetString(3)), r.GetString(4), r.GetString(5), r.GetString(6), r.GetString(7), r.GetString(8), r.GetString(9), r.GetDouble(10)));

    public static AuditRecord Audit(DbDataReader r) => new(r.GetInt64(0),
        new AuditEntry(Time(r.GetString(1)), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6)), r.GetString(7));

    /// <summary>A dataset's owner and default rule, from <c>SELECT name, owner, handling, share_with FROM datasets</c>.</summary>
    public static DatasetHandling DatasetRule(DbDataReader r) => new(r.GetString(0), r.GetString(1), HandlingRule.FromStored(r.GetString(2), r.GetString(3)));

    /// <summary>An entity's own rule, from <c>SELECT id, dataset, handling, share_with FROM entity_handling</c>.</summary>
    public static EntityHandling EntityRule(DbDataReader r) => new(r.GetString(0), r.GetString(1), HandlingRule.FromStored(r.GetString(2), r.GetString(3)));

    private static string? Text(DbDataReader r, int column) => r.IsDBNull(column) ? null : r.GetString(column);
}
