using Cordon.Audit;
using Cordon.Sharing;
using Npgsql;

namespace Cordon.Postgres;

/// <summary>Review items (hits awaiting an analyst's decision) and monitored subjects.</summary>
public sealed partial class PostgresStore
{
    private const string ReviewColumns = """
        seq, id, agency, subject, entity_id, fingerprint, owner, reference, dataset, caption, band, score, origin, purpose, query,
        created_at, key, status, decided_at, decided_by, note
        """;

    private const string MonitoredColumns = "agency, subject, name, birth_date, country, schema, identifiers, purpose, key, created_at";

    /// <summary>Separates stored identifiers (which are refused when they hold control characters).</summary>
    private const char IdentifierSeparator = '\u001f';

    public IReadOnlyList<StoredReviewItem> GetReviewItems(string agency, ReviewStatus? status = null, long afterSeq = 0, int limit = 100) => Query(
        $"SELECT {ReviewColumns} FROM review_items WHERE agency = $1 AND ($2::text IS NULL OR status = $2) AND seq > $3 ORDER BY seq LIMIT $4",
        ReadReview, agency, status is { } s ? ReviewStatuses.Name(s) : DBNull.Value, afterSeq, limit);

    public ReviewItem? GetReviewItem(string id) =>
        Query($"SELECT {ReviewColumns} FROM review_items WHERE id = $1", ReadReview, id).FirstOrDefault()?.Item;

    public IEnumerable<ReviewItem> ReadReviewItems()
    {
        using var connection = Connect();
        using var command = PostgresSql.Command(connection, null, $"SELECT {ReviewColumns} FROM review_items ORDER BY seq");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return ReadReview(reader).Item;
        }
    }

    /// <summary>
    /// The review items added or decided after <paramref name="afterRevision"/>, oldest change first, with the revision
    /// of the newest (<paramref name="afterRevision"/> when there are none). Revisions are given under the audit lock,
    /// which is held until commit, so a reader that saw revision r has seen every change before it.
    /// </summary>
    public (IReadOnlyList<ReviewItem> Items, long Revision) ReadReviewChanges(long afterRevision)
    {
        var rows = Query($"SELECT {ReviewColumns}, revision FROM review_items WHERE revision > $1 ORDER BY revision",
            r => (ReadReview(r).Item, r.GetInt64(21)), afterRevision);
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
        PostgresAudit.Append(connection, transaction, [audit], notification is null ? [] : [notification], []);
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
            INSERT INTO monitored ({MonitoredColumns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
            ON CONFLICT (agency, subject) DO UPDATE SET name = excluded.name, birth_date = excluded.birth_date, country = excluded.country,
                schema = excluded.schema, identifiers = excluded.identifiers, purpose = excluded.purpose, key = excluded.key,
                created_at = excluded.created_at
            """,
            subject.Agency, subject.Subject, subject.Name, (object?)subject.BirthDate ?? DBNull.Value, (object?)subject.Country ?? DBNull.Value,
            (object?)subject.Schema ?? DBNull.Value, string.Join(IdentifierSeparator, subject.Identifiers), subject.Purpose, subject.Key,
            AuditEntry.FormatTime(subject.CreatedAt)));

    public bool RemoveMonitored(string agency, string subject, AuditEntry audit) => WriteIf(audit, MonitoredChanged, (connection, transaction) =>
    {
        using var command = PostgresSql.Command(connection, transaction, "DELETE FROM monitored WHERE agency = $1 AND subject = $2", agency, subject);
        return command.ExecuteNonQuery() == 1;
    });

    public IReadOnlyList<MonitoredSubject> GetMonitored(string agency, string? afterSubject = null, int limit = 100) => Query(
        $"SELECT {MonitoredColumns} FROM monitored WHERE agency = $1 AND subject COLLATE \"C\" > $2 ORDER BY subject COLLATE \"C\" LIMIT $3",
        ReadMonitored, agency, afterSubject ?? "", limit);

    public IReadOnlyList<MonitoredSubject> GetAllMonitored() =>
        Query($"SELECT {MonitoredColumns} FROM monitored ORDER BY agency COLLATE \"C\", subject COLLATE \"C\"", ReadMonitored);

    private static StoredReviewItem ReadReview(NpgsqlDataReader r) => new(r.GetInt64(0), new ReviewItem(
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

    private static MonitoredSubject ReadMonitored(NpgsqlDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), NullableString(r, 3), NullableString(r, 4), NullableString(r, 5),
        r.GetString(6).Split(IdentifierSeparator, StringSplitOptions.RemoveEmptyEntries), r.GetString(7), r.GetString(8), ParseTime(r.GetString(9)));

    private static string? NullableString(NpgsqlDataReader r, int column) => r.IsDBNull(column) ? null : r.GetString(column);
}
