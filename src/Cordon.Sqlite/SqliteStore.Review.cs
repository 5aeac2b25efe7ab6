using Cordon.Audit;
using Cordon.Model;
using Cordon.Sharing;
using Microsoft.Data.Sqlite;

namespace Cordon.Sqlite;

/// <summary>Review items (hits awaiting an analyst's decision) and monitored subjects.</summary>
public sealed partial class SqliteStore
{
    private const string ReviewColumns = """
        seq, id, agency, subject, entity_id, fingerprint, owner, reference, dataset, caption, band, score, origin, purpose, query,
        created_at, key, status, decided_at, decided_by, note
        """;

    private const string MonitoredColumns = "agency, subject, name, birth_date, country, schema, identifiers, purpose, key, created_at";

    /// <summary>Separates stored identifiers (which are refused when they hold control characters).</summary>
    private const char IdentifierSeparator = '\u001f';

    public IReadOnlyList<StoredReviewItem> GetReviewItems(string agency, ReviewStatus? status = null, long afterSeq = 0, int limit = 100) => status is { } s
        ? Query($"SELECT {ReviewColumns} FROM review_items WHERE agency = $agency AND status = $status AND seq > $after ORDER BY seq LIMIT $limit",
            ReadReview, ("$agency", agency), ("$status", ReviewStatuses.Name(s)), ("$after", afterSeq), ("$limit", limit))
        : Query($"SELECT {ReviewColumns} FROM review_items WHERE agency = $agency AND seq > $after ORDER BY seq LIMIT $limit",
            ReadReview, ("$agency", agency), ("$after", afterSeq), ("$limit", limit));

    public ReviewItem? GetReviewItem(string id) =>
        Query($"SELECT {ReviewColumns} FROM review_items WHERE id = $id", ReadReview, ("$id", id)).FirstOrDefault()?.Item;

    public IEnumerable<ReviewItem> ReadReviewItems()
    {
        using var connection = Connect();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {ReviewColumns} FROM review_items ORDER BY seq";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return ReadReview(reader).Item;
        }
    }

    public bool DecideReview(string id, ReviewStatus decision, string note, string key, DateTimeOffset at, AuditEntry audit, Notification? notification)
    {
        if (decision == ReviewStatus.Open)
        {
            throw new ArgumentOutOfRangeException(nameof(decision), "a decision confirms or dismisses");
        }

        using var connection = Connect();
        using var transaction = connection.BeginTransaction(deferred: false);
        using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = """
                UPDATE review_items SET status = $status, decided_at = $at, decided_by = $key, note = $note
                WHERE id = $id AND status = 'open'
                """;
            command.Parameters.AddWithValue("$status", ReviewStatuses.Name(decision));
            command.Parameters.AddWithValue("$at", AuditEntry.FormatTime(at));
            command.Parameters.AddWithValue("$key", key);
            command.Parameters.AddWithValue("$note", note);
            command.Parameters.AddWithValue("$id", id);
            if (command.ExecuteNonQuery() != 1)
            {
                return false;
            }
        }

        SqliteAudit.Append(connection, transaction, [audit], notification is null ? [] : [notification]);
        transaction.Commit();
        return true;
    }

    public void AddMonitored(MonitoredSubject subject, AuditEntry audit) => Write(audit, (connection, transaction) =>
        Execute(connection, transaction, $"""
            INSERT OR REPLACE INTO monitored ({MonitoredColumns})
            VALUES ($agency, $subject, $name, $birth, $country, $schema, $identifiers, $purpose, $key, $at)
            """,
            ("$agency", subject.Agency), ("$subject", subject.Subject), ("$name", subject.Name), ("$birth", (object?)subject.BirthDate ?? DBNull.Value),
            ("$country", (object?)subject.Country ?? DBNull.Value), ("$schema", (object?)subject.Schema ?? DBNull.Value),
            ("$identifiers", string.Join(IdentifierSeparator, subject.Identifiers)), ("$purpose", subject.Purpose), ("$key", subject.Key),
            ("$at", AuditEntry.FormatTime(subject.CreatedAt))));

    public bool RemoveMonitored(string agency, string subject, AuditEntry audit)
    {
        using var connection = Connect();
        using var transaction = connection.BeginTransaction(deferred: false);
        using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "DELETE FROM monitored WHERE agency = $agency AND subject = $subject";
            command.Parameters.AddWithValue("$agency", agency);
            command.Parameters.AddWithValue("$subject", subject);
            if (command.ExecuteNonQuery() != 1)
            {
                return false;
            }
        }

        SqliteAudit.Append(connection, transaction, [audit], []);
        transaction.Commit();
        return true;
    }

    public IReadOnlyList<MonitoredSubject> GetMonitored(string agency, string? afterSubject = null, int limit = 100) =>
        Query($"SELECT {MonitoredColumns} FROM monitored WHERE agency = $agency AND subject > $after ORDER BY subject LIMIT $limit",
            ReadMonitored, ("$agency", agency), ("$after", afterSubject ?? ""), ("$limit", limit));

    public IReadOnlyList<MonitoredSubject> GetAllMonitored() =>
        Query($"SELECT {MonitoredColumns} FROM monitored ORDER BY agency, subject", ReadMonitored);

    public IReadOnlyList<Entity> ReadChangedEntities(string dataset, int afterVersion) =>
        Query("SELECT id, schema, dataset, source_ref, properties FROM entities WHERE dataset = $dataset AND version > $after ORDER BY id",
            ReadEntity, ("$dataset", dataset), ("$after", afterVersion));

    public IReadOnlyList<string> ReadRemovedIds(string dataset, int afterVersion) =>
        Query("SELECT DISTINCT id FROM removed_entities WHERE dataset = $dataset AND version > $after ORDER BY id",
            r => r.GetString(0), ("$dataset", dataset), ("$after", afterVersion));

    private static StoredReviewItem ReadReview(SqliteDataReader r) => new(r.GetInt64(0), new ReviewItem(
        Id: r.GetString(1),
        Agency: r.GetString(2),
        Subject: r.GetString(3),
        EntityId: r.GetString(4),
        Fingerprint: r.GetString(5),
        Owner: r.GetString(6),
        Reference: NullableString(r, 7),
        Dataset: NullableString(r, 8),
        Caption: NullableString(r, 9),
        Band: r.GetString(10),
        Score: r.GetDouble(11),
        Origin: r.GetString(12),
        Purpose: r.GetString(13),
        Query: r.GetString(14),
        CreatedAt: ParseTime(r.GetString(15)),
        Key: r.GetString(16),
        Status: ReviewStatuses.Parse(r.GetString(17)) ?? throw new InvalidDataException($"review item {r.GetString(1)} has an unknown status"),
        DecidedAt: r.IsDBNull(18) ? null : ParseTime(r.GetString(18)),
        DecidedBy: NullableString(r, 19),
        Note: NullableString(r, 20)));

    private static MonitoredSubject ReadMonitored(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), NullableString(r, 3), NullableString(r, 4), NullableString(r, 5),
        r.GetString(6).Split(IdentifierSeparator, StringSplitOptions.RemoveEmptyEntries), r.GetString(7), r.GetString(8), ParseTime(r.GetString(9)));

    private static string? NullableString(SqliteDataReader r, int column) => r.IsDBNull(column) ? null : r.GetString(column);
}
