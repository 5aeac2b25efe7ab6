using Cordon.Audit;
using Cordon.Model;
using Cordon.Sharing;
using Cordon.Storage;

namespace Cordon.Sqlite;

/// <summary>Review items (hits awaiting an analyst's decision) and monitored subjects.</summary>
public sealed partial class SqliteStore
{

    public IReadOnlyList<StoredReviewItem> GetReviewItems(string agency, ReviewStatus? status = null, long afterSeq = 0, int limit = 100) => status is { } s
        ? Query($"SELECT {StoredRows.ReviewColumns} FROM review_items WHERE agency = $agency AND status = $status AND seq > $after ORDER BY seq LIMIT $limit",
            StoredRows.Review, ("$agency", agency), ("$status", ReviewStatuses.Name(s)), ("$after", afterSeq), ("$limit", limit))
        : Query($"SELECT {StoredRows.ReviewColumns} FROM review_items WHERE agency = $agency AND seq > $after ORDER BY seq LIMIT $limit",
            StoredRows.Review, ("$agency", agency), ("$after", afterSeq), ("$limit", limit));

    public ReviewItem? GetReviewItem(string id) =>
        Query($"SELECT {StoredRows.ReviewColumns} FROM review_items WHERE id = $id", StoredRows.Review, ("$id", id)).FirstOrDefault()?.Item;

    public IEnumerable<ReviewItem> ReadReviewItems()
    {
        using var connection = Connect();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {StoredRows.ReviewColumns} FROM review_items ORDER BY seq";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return StoredRows.Review(reader).Item;
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
            INSERT OR REPLACE INTO monitored ({StoredRows.MonitoredColumns})
            VALUES ($agency, $subject, $name, $birth, $country, $schema, $identifiers, $purpose, $key, $at)
            """,
            ("$agency", subject.Agency), ("$subject", subject.Subject), ("$name", subject.Name), ("$birth", (object?)subject.BirthDate ?? DBNull.Value),
            ("$country", (object?)subject.Country ?? DBNull.Value), ("$schema", (object?)subject.Schema ?? DBNull.Value),
            ("$identifiers", StoredRows.JoinIdentifiers(subject.Identifiers)), ("$purpose", subject.Purpose), ("$key", subject.Key),
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
        Query($"SELECT {StoredRows.MonitoredColumns} FROM monitored WHERE agency = $agency AND subject > $after ORDER BY subject LIMIT $limit",
            StoredRows.Monitored, ("$agency", agency), ("$after", afterSubject ?? ""), ("$limit", limit));

    public IReadOnlyList<MonitoredSubject> GetAllMonitored() =>
        Query($"SELECT {StoredRows.MonitoredColumns} FROM monitored ORDER BY agency, subject", StoredRows.Monitored);

    public IReadOnlyList<Entity> ReadChangedEntities(string dataset, int afterVersion) =>
        Query($"SELECT {StoredRows.EntityColumns} FROM entities WHERE dataset = $dataset AND version > $after ORDER BY id",
            StoredRows.Entity, ("$dataset", dataset), ("$after", afterVersion));

    public IReadOnlyList<string> ReadRemovedIds(string dataset, int afterVersion) =>
        Query("SELECT DISTINCT id FROM removed_entities WHERE dataset = $dataset AND version > $after ORDER BY id",
            r => r.GetString(0), ("$dataset", dataset), ("$after", afterVersion));
}
