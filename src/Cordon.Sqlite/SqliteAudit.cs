using Cordon.Audit;
using Cordon.Sharing;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Cordon.Sqlite;

/// <summary>
/// Appends to the audit chain (with the notifications and review items the entries raise) inside the caller's
/// transaction, which holds the write lock, so no two writers interleave. An instance keeps its statements compiled for
/// the next transaction on the same connection: the server's audit writer appends hundreds of times a second.
/// </summary>
internal sealed class SqliteAudit(SqliteConnection connection) : IDisposable
{
    private SqliteRawStatement? _head;
    private SqliteRawStatement? _insert;
    private SqliteRawStatement? _notify;
    private SqliteRawStatement? _review;

    /// <summary>Appends once on <paramref name="connection"/>, with statements made for the occasion.</summary>
    public static long Append(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<AuditEntry> entries, IReadOnlyList<Notification> notifications)
    {
        using var audit = new SqliteAudit(connection);
        return audit.Append(transaction, entries, notifications, []);
    }

    /// <summary>
    /// Appends the entries (consecutive in the chain), the notifications and the review items; returns the first entry's
    /// sequence number. <paramref name="transaction"/> must be the connection's open write transaction.
    /// </summary>
    public long Append(SqliteTransaction transaction, IReadOnlyList<AuditEntry> entries, IReadOnlyList<Notification> notifications, IReadOnlyList<ReviewItem> reviews)
    {
        if (!ReferenceEquals(transaction.Connection, connection))
        {
            throw new InvalidOperationException("the transaction is not on the audit's connection");
        }

        _head ??= new SqliteRawStatement(connection, "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1");
        var (seq, previous) = _head.First(static row => (raw.sqlite3_column_int64(row, 0), raw.sqlite3_column_text(row, 1).utf8_to_string()));
        previous ??= AuditChain.Genesis;
        var first = seq + 1;
        if (entries.Count > 0)
        {
            var insert = _insert ??= new SqliteRawStatement(connection, """
                INSERT INTO audit (seq, at, agency, key, action, subject, details, hash)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                """);
            foreach (var entry in entries)
            {
                seq++;
                previous = AuditChain.Hash(previous, seq, entry);
                insert.Bind(1, seq);
                insert.Bind(2, entry.AtText);
                insert.Bind(3, entry.Agency);
                insert.Bind(4, entry.Key);
                insert.Bind(5, entry.Action);
                insert.Bind(6, entry.Subject);
                insert.Bind(7, entry.Details);
                insert.Bind(8, previous);
                insert.Execute();
            }
        }

        if (notifications.Count > 0)
        {
            var notify = _notify ??= new SqliteRawStatement(connection, """
                INSERT INTO notifications (reference, agency, at, kind, from_agency, from_key, purpose, query, entity_id, score)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
                """);
            foreach (var n in notifications)
            {
                notify.Bind(1, n.Reference);
                notify.Bind(2, n.Agency);
                notify.Bind(3, AuditEntry.FormatTime(n.At));
                notify.Bind(4, n.Kind);
                notify.Bind(5, n.FromAgency);
                notify.Bind(6, n.FromKey);
                notify.Bind(7, n.Purpose);
                notify.Bind(8, n.Query);
                notify.Bind(9, n.EntityId);
                notify.Bind(10, n.Score);
                notify.Execute();
            }
        }

        if (reviews.Count > 0)
        {
            var insert = _review ??= new SqliteRawStatement(connection, """
                INSERT INTO review_items (id, agency, subject, entity_id, fingerprint, owner, reference, dataset, caption, band, score, origin,
                    purpose, query, created_at, key, status)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, 'open')
                """);
            foreach (var item in reviews)
            {
                insert.Bind(1, item.Id);
                insert.Bind(2, item.Agency);
                insert.Bind(3, item.Subject);
                insert.Bind(4, item.EntityId);
                insert.Bind(5, item.Fingerprint);
                insert.Bind(6, item.Owner);
                insert.Bind(7, item.Reference);
                insert.Bind(8, item.Dataset);
                insert.Bind(9, item.Caption);
                insert.Bind(10, item.Band);
                insert.Bind(11, item.Score);
                insert.Bind(12, item.Origin);
                insert.Bind(13, item.Purpose);
                insert.Bind(14, item.Query);
                insert.Bind(15, AuditEntry.FormatTime(item.CreatedAt));
                insert.Bind(16, item.Key);
                insert.Execute();
            }
        }

        return first;
    }

    public void Dispose()
    {
        _head?.Dispose();
        _insert?.Dispose();
        _notify?.Dispose();
        _review?.Dispose();
    }
}
