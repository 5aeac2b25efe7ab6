using Cordon.Audit;
using Cordon.Sharing;
using Microsoft.Data.Sqlite;

namespace Cordon.Sqlite;

/// <summary>Appends to the audit chain inside the caller's transaction, which holds the write lock, so no two writers interleave.</summary>
internal static class SqliteAudit
{
    public static long Append(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<AuditEntry> entries, IReadOnlyList<Notification> notifications)
    {
        long seq = 0;
        var previous = AuditChain.Genesis;
        using (var last = connection.CreateCommand())
        {
            last.Transaction = transaction;
            last.CommandText = "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1";
            using var reader = last.ExecuteReader();
            if (reader.Read())
            {
                seq = reader.GetInt64(0);
                previous = reader.GetString(1);
            }
        }

        var first = seq + 1;
        using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO audit (seq, at, agency, key, action, subject, details, hash)
                VALUES ($seq, $at, $agency, $key, $action, $subject, $details, $hash)
                """;
            var p = Parameters(insert, "$seq", "$at", "$agency", "$key", "$action", "$subject", "$details", "$hash");
            insert.Prepare();
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
            using var notify = connection.CreateCommand();
            notify.Transaction = transaction;
            notify.CommandText = """
                INSERT INTO notifications (reference, agency, at, kind, from_agency, from_key, purpose, query, entity_id, score)
                VALUES ($reference, $agency, $at, $kind, $from_agency, $from_key, $purpose, $query, $entity_id, $score)
                """;
            var p = Parameters(notify, "$reference", "$agency", "$at", "$kind", "$from_agency", "$from_key", "$purpose", "$query", "$entity_id", "$score");
            notify.Prepare();
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

        return first;
    }

    internal static SqliteParameter[] Parameters(SqliteCommand command, params string[] names)
    {
        var result = new SqliteParameter[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            // No declared type: each value binds as what it is (integer, real, text).
            result[i] = command.Parameters.Add(new SqliteParameter { ParameterName = names[i] });
        }

        return result;
    }
}
