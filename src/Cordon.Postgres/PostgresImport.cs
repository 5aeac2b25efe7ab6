using System.Text;
using Cordon.Model;
using Cordon.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Cordon.Postgres;

/// <summary>
/// One import inside one transaction. The new content is streamed into a temporary table by binary COPY. The delta by
/// source record is then worked out in SQL against the dataset's rows, by id and content hash, and only what changed
/// is written. A record changed when any of its entities was added, changed or removed.
/// </summary>
internal sealed class PostgresImport(NpgsqlConnection connection, NpgsqlTransaction transaction, string dataset, int version)
{
    private const int ProgressEvery = 10_000;

    /// <summary>Streams the entities into the staging table and counts the delta; writes nothing to the dataset yet.</summary>
    public ImportCounts Stage(
        IEnumerable<Entity> entities, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        Execute("""
            CREATE TEMP TABLE incoming (id text NOT NULL, source_ref text NOT NULL, schema text NOT NULL, caption text NOT NULL,
                properties text NOT NULL, hash bytea NOT NULL) ON COMMIT DROP
            """);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        long count = 0;
        using (var copy = connection.BeginBinaryImport("COPY incoming (id, source_ref, schema, caption, properties, hash) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var entity in entities)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!seen.Add(entity.Id))
                {
                    throw new StoreException($"entity id '{entity.Id}' appears twice in this import");
                }

                var sourceRef = entity.SourceRef ?? entity.Id;
                var properties = EntityJson.PropertiesUtf8(entity);
                copy.StartRow();
                copy.Write(entity.Id, NpgsqlDbType.Text);
                copy.Write(sourceRef, NpgsqlDbType.Text);
                copy.Write(entity.Schema.Name, NpgsqlDbType.Text);
                copy.Write(entity.Caption, NpgsqlDbType.Text);
                copy.Write(Encoding.UTF8.GetString(properties), NpgsqlDbType.Text);
                copy.Write(EntityJson.ContentHash(entity.Schema.Name, sourceRef, properties), NpgsqlDbType.Bytea);
                if (++count % ProgressEvery == 0)
                {
                    progress?.Report(count);
                }
            }

            copy.Complete();
        }

        progress?.Report(count);
        Execute("CREATE UNIQUE INDEX ON incoming (id);\nANALYZE incoming");
        if (PostgresSql.Scalar<string>(connection, transaction, """
            SELECT format('entity id ''%s'' already belongs to dataset ''%s''; ids are unique across datasets', i.id, e.dataset)
            FROM incoming i JOIN entities e ON e.id = i.id AND e.dataset <> $1 LIMIT 1
            """, dataset) is { } clash)
        {
            throw new StoreException(clash);
        }

        // The records this import touches: those of new and changed entities (under their new and old references) and
        // those of entities that disappear.
        Execute("""
            CREATE TEMP TABLE old_refs ON COMMIT DROP AS SELECT DISTINCT source_ref FROM entities WHERE dataset = $1;
            CREATE TEMP TABLE new_refs ON COMMIT DROP AS SELECT DISTINCT source_ref FROM incoming;
            CREATE TEMP TABLE touched ON COMMIT DROP AS
                SELECT i.source_ref FROM incoming i LEFT JOIN entities e ON e.id = i.id WHERE e.id IS NULL OR e.hash <> i.hash
                UNION SELECT e.source_ref FROM incoming i JOIN entities e ON e.id = i.id WHERE e.hash <> i.hash
                UNION SELECT e.source_ref FROM entities e WHERE e.dataset = $1 AND NOT EXISTS (SELECT 1 FROM incoming i WHERE i.id = e.id);
            """, dataset);
        using var counts = new NpgsqlCommand("""
            SELECT
                (SELECT count(*) FROM new_refs n WHERE NOT EXISTS (SELECT 1 FROM old_refs o WHERE o.source_ref = n.source_ref)),
                (SELECT count(*) FROM new_refs n WHERE EXISTS (SELECT 1 FROM old_refs o WHERE o.source_ref = n.source_ref)
                    AND EXISTS (SELECT 1 FROM touched t WHERE t.source_ref = n.source_ref)),
                (SELECT count(*) FROM old_refs o WHERE NOT EXISTS (SELECT 1 FROM new_refs n WHERE n.source_ref = o.source_ref)),
                (SELECT count(*) FROM new_refs)
            """, connection, transaction);
        using var reader = counts.ExecuteReader();
        reader.Read();
        var (added, changed, removed, records) = ((int)reader.GetInt64(0), (int)reader.GetInt64(1), (int)reader.GetInt64(2), (int)reader.GetInt64(3));
        return new ImportCounts(added, changed, removed, records - added - changed, records, seen.Count);
    }

    /// <summary>Writes the staged content as the new version: changed and new entities, withdrawals (logged by id), and the delta rows.</summary>
    public void Write()
    {
        Execute("""
            UPDATE entities e SET source_ref = i.source_ref, schema = i.schema, caption = i.caption, properties = i.properties,
                hash = i.hash, version = $2
            FROM incoming i WHERE e.id = i.id AND e.dataset = $1 AND e.hash <> i.hash;
            INSERT INTO entities (id, dataset, source_ref, schema, caption, properties, hash, version)
            SELECT i.id, $1, i.source_ref, i.schema, i.caption, i.properties, i.hash, $2 FROM incoming i
            WHERE NOT EXISTS (SELECT 1 FROM entities e WHERE e.id = i.id);
            DELETE FROM entity_handling h WHERE h.dataset = $1 AND NOT EXISTS (SELECT 1 FROM incoming i WHERE i.id = h.id)
                AND EXISTS (SELECT 1 FROM entities e WHERE e.id = h.id AND e.dataset = $1);
            INSERT INTO removed_entities (dataset, version, id)
            SELECT $1, $2, e.id FROM entities e WHERE e.dataset = $1 AND NOT EXISTS (SELECT 1 FROM incoming i WHERE i.id = e.id);
            DELETE FROM entities e WHERE e.dataset = $1 AND NOT EXISTS (SELECT 1 FROM incoming i WHERE i.id = e.id);
            INSERT INTO deltas (dataset, version, source_ref, kind)
            SELECT $1, $2, n.source_ref, CASE WHEN o.source_ref IS NULL THEN 0 ELSE 1 END
            FROM new_refs n LEFT JOIN old_refs o ON o.source_ref = n.source_ref
            WHERE o.source_ref IS NULL OR EXISTS (SELECT 1 FROM touched t WHERE t.source_ref = n.source_ref);
            INSERT INTO deltas (dataset, version, source_ref, kind)
            SELECT $1, $2, o.source_ref, 2 FROM old_refs o WHERE NOT EXISTS (SELECT 1 FROM new_refs n WHERE n.source_ref = o.source_ref);
            """, dataset, version);
    }

    /// <summary>
    /// Runs statements in order, each ending with a semicolon at the end of a line, as one batch (positional parameters
    /// allow one statement per command).
    /// </summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA2100", Justification = "Only constant SQL reaches here; values are parameters.")]
    private void Execute(string sql, params object[] values)
    {
        using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var statement in sql.Split(";\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var text = statement.TrimEnd(';');
            var command = new NpgsqlBatchCommand(text);
            // A statement is given $1 up to the highest $n it names: PostgreSQL refuses values a statement has no place for.
            var highest = values.Length;
            while (highest > 0 && !text.Contains($"${highest}", StringComparison.Ordinal))
            {
                highest--;
            }

            for (var i = 0; i < highest; i++)
            {
                command.Parameters.Add(new NpgsqlParameter { Value = values[i] });
            }

            batch.BatchCommands.Add(command);
        }

        batch.ExecuteNonQuery();
    }
}
