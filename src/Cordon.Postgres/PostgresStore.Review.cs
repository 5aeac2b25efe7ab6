using Cordon.Audit;
using Cordon.Sharing;
using Cordon.Storage;

namespace Cordon.Postgres;

/// <summary>Review items (hits awaiting an analyst's decision) and monitored subjects.</summary>
public sealed partial class PostgresStore
{

    public IReadOnlyList<StoredReviewItem> GetReviewItems(string agency, ReviewStatus? status = null, long afterSeq = 0, int limit = 100) => Query(
        $"SELECT {StoredRows.ReviewColumns} FROM review_items WHERE agency = $1 AND ($2::text IS NULL OR status = $2) AND seq > $3 ORDER BY seq LIMIT $4",
        StoredRows.Review, agency, status is { } s ? ReviewStatuses.Name(s) : DBNull.Value, afterSeq, limit);

    public ReviewItem? GetReviewItem(string id) =>
        Query($"SELECT {StoredRows.ReviewColumns} FROM review_items WHERE id = $1", StoredRows.Review, id).FirstOrDefault()?.Item;

    public IEnumerable<ReviewItem> ReadReviewItems()
    {
        using var connection = Connect();
        using var command = PostgresSql.Command(connection, null, $"SELECT {StoredRows.ReviewColumns} FROM review_items ORDER BY seq");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return StoredRows.Review(reader).Item;
        }
    }

    /// <summary>
    /// The review items added or decided after <paramref name="afterRevision"/>, oldest change first, with the revision
    /// of the newest (<paramref name="afterRevision"/> when there are none). Revisions are given under the audit lock,
    /// which is held until commit, so a reader that saw revision r has seen every change before it.
    /// </summary>
    public (IReadOnlyList<ReviewItem> Items, long Revision) ReadReviewChanges(long afterRevision)
    {
        var rows = Query($"SELECT {StoredRows.ReviewColumns}, revision FROM review_items WHERE revision > $1 ORDER BY revision",
            r => (StoredRows.Review(r).Item, r.GetInt64(21)), afterRevision);
        return (rows.ConvertAll(r => r.Item), rows.Count == 0 ? afterRevision : rows[^1].Item2);
    }

    /// <summary>The newest review revision given: read before loading every item, it is where a node then starts following.</summary>
    public long GetReviewRevision() =>
        Query("SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM review_revisions", r => r.GetInt64(0))[0];

    public bool DecideReview(string id, ReviewStatus decision, string note, string key, DateTimeOffset at, AuditEntry audit, Notification? notification)
    {
        if (decision == ReviewStatus.Open)
        {
            throw new ArgumentOutOfRangeException(nameof(decision), "a decision confirms or dismisses");
        }

        using var connection = Connect();
        using var transaction = connection.BeginTransaction();
        // The audit append first: it takes the audit lock, under which the decision's revision is then given.
        PostgresAudit.Append(connection, transaction, [audit], notification is null ? [] : [notification], [], Node);
        using (var command = PostgresSql.Command(connection, transaction, """
            UPDATE review_items SET status = $1, decided_at = $2, decided_by = $3, note = $4, revision = nextval('review_revisions')
            WHERE id = $5 AND status = 'open'
            """, ReviewStatuses.Name(decision), AuditEntry.FormatTime(at), key, note, id))
        {
            if (command.ExecuteNonQuery() != 1)
            {
                return false;
            }
        }

        Announce(connection, transaction, ReviewsChanged);
        transaction.Commit();
        return true;
    }

    public void AddMonitored(MonitoredSubject subject, AuditEntry audit) => Write(audit, MonitoredChanged, (connection, transaction) =>
        PostgresSql.Execute(connection, transaction, $"""
            INSERT INTO monitored ({StoredRows.MonitoredColumns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
            ON CONFLICT (agency, subject) DO UPDATE SET name = excluded.name, birth_date = excluded.birth_date, country = excluded.country,
                schema = excluded.schema, identifiers = excluded.identifiers, purpose = excluded.purpose, key = excluded.key,
                created_at = excluded.created_at
            """,
            subject.Agency, subject.Subject, subject.Name, (object?)subject.BirthDate ?? DBNull.Value, (object?)subject.Country ?? DBNull.Value,
            (object?)subject.Schema ?? DBNull.Value, StoredRows.JoinIdentifiers(subject.Identifiers), subject.Purpose, subject.Key,
            AuditEntry.FormatTime(subject.CreatedAt)));

    public bool RemoveMonitored(string agency, string subject, AuditEntry audit) => WriteIf(audit, MonitoredChanged, (connection, transaction) =>
    {
        using var command = PostgresSql.Command(connection, transaction, "DELETE FROM monitored WHERE agency = $1 AND subject = $2", agency, subject);
        return command.ExecuteNonQuery() == 1;
    });

    public IReadOnlyList<MonitoredSubject> GetMonitored(string agency, string? afterSubject = null, int limit = 100) => Query(
        $"SELECT {StoredRows.MonitoredColumns} FROM monitored WHERE agency = $1 AND subject COLLATE \"C\" > $2 ORDER BY subject COLLATE \"C\" LIMIT $3",
        StoredRows.Monitored, agency, afterSubject ?? "", limit);

    public IReadOnlyList<MonitoredSubject> GetAllMonitored() =>
        Query($"SELECT {StoredRows.MonitoredColumns} FROM monitored ORDER BY agency COLLATE \"C\", subject COLLATE \"C\"", StoredRows.Monitored);
}
