using Cordon.Audit;
using Cordon.Sharing;
using Npgsql;

namespace Cordon.Postgres;

/// <summary>
/// Appends to the audit chain (with the notifications and review items the entries raise) inside the caller's
/// transaction. Several nodes append to one chain: each append first takes a transaction-level advisory lock, held
/// until its transaction ends, so the head it reads is still the head when it commits and the chain has no fork.
/// </summary>
internal static class PostgresAudit
{
    /// <summary>The advisory lock appends hold ("cordonau" as eight ASCII bytes).</summary>
    public const long LockKey = 0x636F72646F6E6175;

    /// <summary>Appends the entries (consecutive in the chain), the notifications and the review items; returns the first entry's sequence number. New review items are announced as <paramref name="node"/>'s.</summary>
    public static long Append(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<AuditEntry> entries,
        IReadOnlyList<Notification> notifications, IReadOnlyList<ReviewItem> reviews, string node)
    {
        long seq = 0;
        var previous = AuditChain.Genesis;
        using (var head = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand($"SELECT pg_advisory_xact_lock({LockKey})"),
                new NpgsqlBatchCommand("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1"),
            },
        })
        using (var reader = head.ExecuteReader())
        {
            reader.NextResult();
            if (reader.Read())
            {
                (seq, previous) = (reader.GetInt64(0), reader.GetString(1));
            }
        }

        var first = seq + 1;
        using var batch = new NpgsqlBatch(connection, transaction);
        if (entries.Count > 0)
        {
            // One statement for the whole batch, its rows as arrays: one parse and plan however many entries.
            var seqs = new long[entries.Count];
            var columns = new string[7][];
            for (var c = 0; c < columns.Length; c++)
            {
                columns[c] = new string[entries.Count];
            }

            for (var i = 0; i < entries.Count; i++)
            {
                var entry = entries[i];
                seq++;
                previous = AuditChain.Hash(previous, seq, entry);
                seqs[i] = seq;
                (columns[0][i], columns[1][i], columns[2][i], columns[3][i], columns[4][i], columns[5][i], columns[6][i]) =
                    (entry.AtText, entry.Agency, entry.Key, entry.Action, entry.Subject, entry.Details, previous);
            }

            batch.BatchCommands.Add(Statement("""
                INSERT INTO audit (seq, at, agency, key, action, subject, details, hash)
                SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
                """, seqs, columns[0], columns[1], columns[2], columns[3], columns[4], columns[5], columns[6]));
        }

        foreach (var n in notifications)
        {
            batch.BatchCommands.Add(Statement("""
                INSERT INTO notifications (reference, agency, at, kind, from_agency, from_key, purpose, query, entity_id, score)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
                """, n.Reference, n.Agency, AuditEntry.FormatTime(n.At), n.Kind, n.FromAgency, n.FromKey, n.Purpose, n.Query, n.EntityId, n.Score));
        }

        foreach (var item in reviews)
        {
            batch.BatchCommands.Add(Statement("""
                INSERT INTO review_items (id, agency, subject, entity_id, fingerprint, owner, reference, dataset, caption, band, score, origin,
                    purpose, query, created_at, key, status)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, 'open')
                """, item.Id, item.Agency, item.Subject, item.EntityId, item.Fingerprint, item.Owner, Nullable(item.Reference), Nullable(item.Dataset),
                Nullable(item.Caption), item.Band, item.Score, item.Origin, item.Purpose, item.Query, AuditEntry.FormatTime(item.CreatedAt), item.Key));
        }

        if (reviews.Count > 0)
        {
            // Other nodes keep every review item's state in memory: they read the new ones when this commits.
            batch.BatchCommands.Add(Statement("SELECT pg_notify($1, $2)", PostgresStore.ChangeChannel, PostgresStore.ReviewsChanged + " " + node));
        }

        if (batch.BatchCommands.Count > 0)
        {
            batch.ExecuteNonQuery();
        }

        return first;
    }

    /// <summary>One statement of a batch with its values as <c>$1…$n</c>.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA2100", Justification = "Only constant SQL reaches here; values are parameters.")]
    internal static NpgsqlBatchCommand Statement(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return command;
    }

    private static object Nullable(string? value) => (object?)value ?? DBNull.Value;
}
