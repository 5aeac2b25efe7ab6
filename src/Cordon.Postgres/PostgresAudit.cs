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
        var (seq, previous) = ReadHead(connection, transaction, begin: false);
        using var batch = new NpgsqlBatch(connection, transaction);
        var writes = AddWrites(batch, seq, previous, entries, notifications, reviews, node, expected: null);
        if (batch.BatchCommands.Count > 0)
        {
            batch.ExecuteNonQuery();
        }

        return writes.First;
    }

    /// <summary>
    /// Appends and commits on a connection with no transaction, in one round trip when <paramref name="head"/> still
    /// knows the chain's head, as it does while this node is the only one appending; in two otherwise. Returns the first
    /// entry's sequence number.
    /// </summary>
    /// <remarks>
    /// The one round trip is a single batch, one transaction: take the lock, write each row on the condition that the
    /// head is still the one this node last wrote. A head that moved (another node appended) writes nothing; the
    /// append is then done again from the head as read under the lock.
    /// </remarks>
    public static long AppendAndCommit(NpgsqlConnection connection, IReadOnlyList<AuditEntry> entries, IReadOnlyList<Notification> notifications,
        IReadOnlyList<ReviewItem> reviews, string node, AuditHead head)
    {
        if (entries.Count > 0 && head.Known() is var (knownSeq, knownHash))
        {
            // No BEGIN or COMMIT: a batch on a connection with no transaction is one implicit transaction, which ends
            // with the batch (committed, or rolled back whole if a statement fails).
            using var batch = new NpgsqlBatch(connection) { BatchCommands = { Lock() } };
            var writes = AddWrites(batch, knownSeq, knownHash, entries, notifications, reviews, node, expected: knownSeq);
            try
            {
                batch.ExecuteNonQuery();
            }
            catch
            {
                head.Forget();
                throw;
            }

            // The audit rows are the batch's last write: all of them went in, or (the head moved) nothing did.
            if (batch.BatchCommands[^1].RecordsAffected == entries.Count)
            {
                head.Wrote(writes.LastSeq, writes.LastHash);
                return writes.First;
            }

            head.Missed();
        }

        try
        {
            var (seq, previous) = ReadHead(connection, transaction: null, begin: true);
            using var batch = new NpgsqlBatch(connection);
            var writes = AddWrites(batch, seq, previous, entries, notifications, reviews, node, expected: null);
            batch.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
            batch.ExecuteNonQuery();
            head.Wrote(writes.LastSeq, writes.LastHash);
            return writes.First;
        }
        catch
        {
            head.Forget();
            Rollback(connection);
            throw;
        }
    }

    private static NpgsqlBatchCommand Lock() => new($"SELECT pg_advisory_xact_lock({LockKey})");

    /// <summary>Takes the lock (beginning a transaction first when <paramref name="begin"/>) and reads the chain's head.</summary>
    private static (long Seq, string Hash) ReadHead(NpgsqlConnection connection, NpgsqlTransaction? transaction, bool begin)
    {
        using var head = new NpgsqlBatch(connection, transaction);
        if (begin)
        {
            head.BatchCommands.Add(new NpgsqlBatchCommand("BEGIN"));
        }

        head.BatchCommands.Add(Lock());
        head.BatchCommands.Add(new NpgsqlBatchCommand("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1"));
        using var reader = head.ExecuteReader();
        while (reader.FieldCount != 2 && reader.NextResult())
        {
            // Past the lock's result to the head's.
        }

        return reader.Read() ? (reader.GetInt64(0), reader.GetString(1)) : (0, AuditChain.Genesis);
    }

    /// <summary>A failed batch leaves its transaction open and aborted; the connection goes back to the pool without it.</summary>
    private static void Rollback(NpgsqlConnection connection)
    {
        try
        {
            if (connection.State == System.Data.ConnectionState.Open)
            {
                using var rollback = new NpgsqlCommand("ROLLBACK", connection);
                rollback.ExecuteNonQuery();
            }
        }
        catch (NpgsqlException)
        {
            // The connection is broken: the server ends its transaction, and the pool drops it.
        }
    }

    /// <summary>
    /// Adds the writes to <paramref name="batch"/>, the audit rows last, chained from <paramref name="seq"/> and
    /// <paramref name="previous"/>. With <paramref name="expected"/>, each row is written only if the chain's head is
    /// still that sequence number when the statement runs.
    /// </summary>
    private static (long First, long LastSeq, string LastHash) AddWrites(NpgsqlBatch batch, long seq, string previous, IReadOnlyList<AuditEntry> entries,
        IReadOnlyList<Notification> notifications, IReadOnlyList<ReviewItem> reviews, string node, long? expected)
    {
        // The condition reads the head before any audit row of this batch is written, so it holds for all or none. Its
        // values are parameters, so that each statement's text stays the same and stays prepared.
        object[] condition = expected is null ? [] : [expected.Value, previous];
        // The head is read as max(seq), which is one step down the primary key however the plan is made: a "no later
        // row exists" test planned for any number (the statements are prepared) can read the whole table to find none.
        string Only(int at) => expected is null ? ""
            : $" WHERE (SELECT coalesce(max(seq), 0) FROM audit) = ${at} AND (${at} = 0 OR (SELECT hash FROM audit WHERE seq = ${at}) = ${at + 1})";
        var first = seq + 1;
        // Each table's rows go in as one statement of arrays: one parse and plan however many rows a batch has.
        if (notifications.Count > 0)
        {
            var texts = Columns(9, notifications.Count);
            var scores = new double[notifications.Count];
            for (var i = 0; i < notifications.Count; i++)
            {
                var n = notifications[i];
                (texts[0][i], texts[1][i], texts[2][i], texts[3][i], texts[4][i], texts[5][i], texts[6][i], texts[7][i], texts[8][i], scores[i]) =
                    (n.Reference, n.Agency, AuditEntry.FormatTime(n.At), n.Kind, n.FromAgency, n.FromKey, n.Purpose, n.Query, n.EntityId, n.Score);
            }

            batch.BatchCommands.Add(Statement($"""
                INSERT INTO notifications (reference, agency, at, kind, from_agency, from_key, purpose, query, entity_id, score)
                SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::float8[]){Only(11)}
                """, [.. texts, scores, .. condition]));
        }

        if (reviews.Count > 0)
        {
            var texts = Columns(15, reviews.Count);
            var scores = new double[reviews.Count];
            for (var i = 0; i < reviews.Count; i++)
            {
                var r = reviews[i];
                (texts[0][i], texts[1][i], texts[2][i], texts[3][i], texts[4][i], texts[5][i], texts[6][i], texts[7][i], texts[8][i], texts[9][i]) =
                    (r.Id, r.Agency, r.Subject, r.EntityId, r.Fingerprint, r.Owner, r.Reference, r.Dataset, r.Caption, r.Band);
                (scores[i], texts[10][i], texts[11][i], texts[12][i], texts[13][i], texts[14][i]) =
                    (r.Score, r.Origin, r.Purpose, r.Query, AuditEntry.FormatTime(r.CreatedAt), r.Key);
            }

            batch.BatchCommands.Add(Statement($"""
                INSERT INTO review_items (id, agency, subject, entity_id, fingerprint, owner, reference, dataset, caption, band, score, origin,
                    purpose, query, created_at, key, status)
                SELECT *, 'open' FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                    $9::text[], $10::text[], $11::float8[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[]){Only(17)}
                """, [.. texts[..10], scores, .. texts[10..], .. condition]));
        }

        if (reviews.Count > 0)
        {
            // Other nodes keep every review item's state in memory: they read the new ones when this commits.
            batch.BatchCommands.Add(Statement("SELECT pg_notify($1, $2)", PostgresStore.ChangeChannel, PostgresStore.ReviewsChanged + " " + node));
        }

        if (entries.Count > 0)
        {
            var seqs = new long[entries.Count];
            var columns = Columns(7, entries.Count);

            for (var i = 0; i < entries.Count; i++)
            {
                var entry = entries[i];
                seq++;
                previous = AuditChain.Hash(previous, seq, entry);
                seqs[i] = seq;
                (columns[0][i], columns[1][i], columns[2][i], columns[3][i], columns[4][i], columns[5][i], columns[6][i]) =
                    (entry.AtText, entry.Agency, entry.Key, entry.Action, entry.Subject, entry.Details, previous);
            }

            batch.BatchCommands.Add(Statement($"""
                INSERT INTO audit (seq, at, agency, key, action, subject, details, hash)
                SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[]){Only(9)}
                """, [seqs, columns[0], columns[1], columns[2], columns[3], columns[4], columns[5], columns[6], .. condition]));
        }

        return (first, seq, previous);
    }

    /// <summary>Text columns of a batch's rows, to be sent as arrays.</summary>
    private static string?[][] Columns(int count, int rows)
    {
        var columns = new string?[count][];
        for (var c = 0; c < count; c++)
        {
            columns[c] = new string?[rows];
        }

        return columns;
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
}

/// <summary>
/// The chain's head as this node last wrote it, for appending in one round trip. Only a hint: an append checks it
/// under the lock, and a wrong one costs a retry, never a fork.
/// </summary>
internal sealed class AuditHead
{
    /// <summary>After a miss (another node appended) this many appends read the head first, then one tries again.</summary>
    private const int ReadAfterMiss = 16;

    private readonly Lock _lock = new();
    private (long Seq, string Hash)? _head;
    private int _readFirst;

    public (long Seq, string Hash)? Known()
    {
        lock (_lock)
        {
            if (_readFirst > 0)
            {
                _readFirst--;
                return null;
            }

            return _head;
        }
    }

    public void Wrote(long seq, string hash)
    {
        lock (_lock)
        {
            _head = (seq, hash);
        }
    }

    public void Missed()
    {
        lock (_lock)
        {
            _head = null;
            _readFirst = ReadAfterMiss;
        }
    }

    public void Forget()
    {
        lock (_lock)
        {
            _head = null;
        }
    }
}
