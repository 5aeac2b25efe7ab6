using Cordon.Audit;
using Cordon.Sharing;
using Microsoft.Data.Sqlite;

namespace Cordon.Sqlite;

/// <summary>
/// Appends to the audit chain (with the notifications and review items the entries raise) inside the caller's
/// transaction, which holds the write lock, so no two writers interleave. An instance keeps its statements compiled for
/// the next transaction on the same connection: the server's audit writer appends hundreds of times a second.
/// </summary>
internal sealed class SqliteAudit(SqliteConnection connection) : IDisposable
{
    private SqliteCommand? _head;
    private (SqliteCommand Command, SqliteParameter[] Parameters)? _insert;
    private (SqliteCommand Command, SqliteParameter[] Parameters)? _notify;
    private (SqliteCommand Command, SqliteParameter[] Parameters)? _review;

    /// <summary>Appends once on <paramref name="connection"/>, with statements made for the occasion.</summary>
    public static long Append(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<AuditEntry> entries, IReadOnlyList<Notification> notifications)
    {
        using var audit = new SqliteAudit(connection);
        return audit.Append(transaction, entries, notifications, []);
    }

    /// <summary>Appends the entries (consecutive in the chain), the notifications and the review items; returns the first entry's sequence number.</summary>
    public long Append(SqliteTransaction transaction, IReadOnlyList<AuditEntry> entries, IReadOnlyList<Notification> notifications, IReadOnlyList<ReviewItem> reviews)
    {
        long seq = 0;
        var previous = AuditChain.Genesis;
        _head ??= Command("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1");
        _head.Transaction = transaction;
        using (var reader = _head.ExecuteReader())
        {
            if (reader.Read())
            {
                seq = reader.GetInt64(0);
                previous = reader.GetString(1);
            }
        }

        var first = seq + 1;
        if (entries.Count > 0)
        {
            var (insert, p) = _insert ??= WithParameters("""
                INSERT INTO audit (seq, at, agency, key, action, subject, details, hash)
                VALUES ($seq, $at, $agency, $key, $action, $subject, $details, $hash)
                """, "$seq", "$at", "$agency", "$key", "$action", "$subject", "$details", "$hash");
            insert.Transaction = transaction;
            foreach (var entry in entries)
            {
                seq++;
                previous = AuditChain.Hash(previous, seq, entry);
                p[0].Value = seq;
                p[1].Value = entry.AtText;
                p[2].Value = entry.Agency;
                p[3].Value = entry.Key;
                p[4].Value = entry.Action;
                p[5].Value = entry.Subject;
                p[6].Value = entry.Details;
                p[7].Value = previous;
                insert.ExecuteNonQuery();
            }
        }

        if (notifications.Count > 0)
        {
            var (notify, p) = _notify ??= WithParameters("""
                INSERT INTO notifications (reference, agency, at, kind, from_agency, from_key, purpose, query, entity_id, score)
                VALUES ($reference, $agency, $at, $kind, $from_agency, $from_key, $purpose, $query, $entity_id, $score)
                """, "$reference", "$agency", "$at", "$kind", "$from_agency", "$from_key", "$purpose", "$query", "$entity_id", "$score");
            notify.Transaction = transaction;
            foreach (var n in notifications)
            {
                p[0].Value = n.Reference;
                p[1].Value = n.Agency;
                p[2].Value = AuditEntry.FormatTime(n.At);
                p[3].Value = n.Kind;
                p[4].Value = n.FromAgency;
                p[5].Value = n.FromKey;
                p[6].Value = n.Purpose;
                p[7].Value = n.Query;
                p[8].Value = n.EntityId;
                p[9].Value = n.Score;
                notify.ExecuteNonQuery();
            }
        }

        if (reviews.Count > 0)
        {
            var (insert, p) = _review ??= WithParameters("""
                INSERT INTO review_items (id, agency, subject, entity_id, fingerprint, owner, reference, dataset, caption, band, score, origin,
                    purpose, query, created_at, key, status)
                VALUES ($id, $agency, $subject, $entity, $fingerprint, $owner, $reference, $dataset, $caption, $band, $score, $origin,
                    $purpose, $query, $at, $key, 'open')
                """, "$id", "$agency", "$subject", "$entity", "$fingerprint", "$owner", "$reference", "$dataset", "$caption",
                "$band", "$score", "$origin", "$purpose", "$query", "$at", "$key");
            insert.Transaction = transaction;
            foreach (var item in reviews)
            {
                object?[] values = [item.Id, item.Agency, item.Subject, item.EntityId, item.Fingerprint, item.Owner, item.Reference, item.Dataset,
                    item.Caption, item.Band, item.Score, item.Origin, item.Purpose, item.Query, AuditEntry.FormatTime(item.CreatedAt), item.Key];
                for (var i = 0; i < p.Length; i++)
                {
                    p[i].Value = values[i] ?? DBNull.Value;
                }

                insert.ExecuteNonQuery();
            }
        }

        return first;
    }

    public void Dispose()
    {
        _head?.Dispose();
        _insert?.Command.Dispose();
        _notify?.Command.Dispose();
        _review?.Command.Dispose();
    }

    private SqliteCommand Command(string sql)
    {
        var command = connection.CreateCommand();
#pragma warning disable CA2100 // Only the constant statements above come here.
        command.CommandText = sql;
#pragma warning restore CA2100
        return command;
    }

    private (SqliteCommand, SqliteParameter[]) WithParameters(string sql, params string[] names)
    {
        var command = Command(sql);
        var result = new SqliteParameter[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            // No declared type: each value binds as what it is (integer, real, text).
            result[i] = command.Parameters.Add(new SqliteParameter { ParameterName = names[i] });
        }

        return (command, result);
    }
}
