using System.Text;
using Cordon.Model;
using Cordon.Storage;
using Microsoft.Data.Sqlite;

namespace Cordon.Sqlite;

/// <summary>
/// One import inside one transaction: streams the new entities, writes only what changed, deletes what disappeared,
/// and works out the delta by source record (a record changed when any of its entities was added, changed or removed).
/// </summary>
internal sealed class SqliteImport(SqliteConnection connection, SqliteTransaction transaction, string dataset, int version)
{
    private const int ProgressEvery = 10_000;
    private readonly Dictionary<string, (string SourceRef, byte[] Hash)> _existing = new(StringComparer.Ordinal);
    private readonly HashSet<string> _oldRefs = new(StringComparer.Ordinal);
    private readonly HashSet<string> _newRefs = new(StringComparer.Ordinal);
    private readonly HashSet<string> _touchedRefs = new(StringComparer.Ordinal);
    private readonly HashSet<string> _seenIds = new(StringComparer.Ordinal);

    public ImportCounts Run(
        IEnumerable<Entity> entities, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        LoadExisting();
        using var insert = Prepare("""
            INSERT INTO entities (id, dataset, source_ref, schema, caption, properties, hash, version)
            VALUES ($id, $dataset, $ref, $schema, $caption, $properties, $hash, $version)
            """);
        using var update = Prepare("""
            UPDATE entities SET source_ref = $ref, schema = $schema, caption = $caption, properties = $properties, hash = $hash,
                version = $version
            WHERE id = $id AND dataset = $dataset
            """);
        long count = 0;
        foreach (var entity in entities)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!_seenIds.Add(entity.Id))
            {
                throw new StoreException($"entity id '{entity.Id}' appears twice in this import");
            }

            var sourceRef = entity.SourceRef ?? entity.Id;
            _newRefs.Add(sourceRef);
            var properties = EntityJson.PropertiesUtf8(entity);
            var hash = EntityJson.ContentHash(entity.Schema.Name, sourceRef, properties);
            if (_existing.Remove(entity.Id, out var old))
            {
                if (!old.Hash.AsSpan().SequenceEqual(hash))
                {
                    Write(update, entity, sourceRef, properties, hash);
                    _touchedRefs.Add(sourceRef);
                    _touchedRefs.Add(old.SourceRef);
                }
            }
            else
            {
                try
                {
                    Write(insert, entity, sourceRef, properties, hash);
                }
                catch (SqliteException ex) when (ex.SqliteErrorCode == 19)
                {
                    throw new StoreException($"entity id '{entity.Id}' already belongs to dataset '{OwnerOf(entity.Id)}'; ids are unique across datasets");
                }

                _touchedRefs.Add(sourceRef);
            }

            if (++count % ProgressEvery == 0)
            {
                progress?.Report(count);
            }
        }

        progress?.Report(count);
        // A withdrawn record takes its own handling rule with it: an id that comes back later starts from the dataset's.
        using (var delete = Prepare("DELETE FROM entities WHERE id = $id"))
        using (var forget = Prepare("DELETE FROM entity_handling WHERE id = $id"))
        {
            var id = delete.Parameters["$id"];
            var forgetId = forget.Parameters["$id"];
            foreach (var (gone, old) in _existing)
            {
                id.Value = gone;
                delete.ExecuteNonQuery();
                forgetId.Value = gone;
                forget.ExecuteNonQuery();
                _touchedRefs.Add(old.SourceRef);
            }
        }

        var added = _newRefs.Count(r => !_oldRefs.Contains(r));
        var removed = _oldRefs.Count(r => !_newRefs.Contains(r));
        var kept = _newRefs.Count - added;
        var changed = _newRefs.Count(r => _oldRefs.Contains(r) && _touchedRefs.Contains(r));
        return new ImportCounts(added, changed, removed, kept - changed, _newRefs.Count, _seenIds.Count);
    }

    /// <summary>Writes the delta rows for the version being committed, and the ids it withdrew.</summary>
    public void WriteDelta()
    {
        using (var removed = Prepare("INSERT INTO removed_entities (dataset, version, id) VALUES ($dataset, $version, $id)"))
        {
            var id = removed.Parameters["$id"];
            foreach (var gone in _existing.Keys)
            {
                id.Value = gone;
                removed.ExecuteNonQuery();
            }
        }

        using var command = Prepare("INSERT INTO deltas (dataset, version, source_ref, kind) VALUES ($dataset, $version, $ref, $kind)");
        var reference = command.Parameters["$ref"];
        var kind = command.Parameters["$kind"];
        void Add(string sourceRef, DeltaKind deltaKind)
        {
            reference.Value = sourceRef;
            kind.Value = (int)deltaKind;
            command.ExecuteNonQuery();
        }

        foreach (var r in _newRefs)
        {
            if (!_oldRefs.Contains(r))
            {
                Add(r, DeltaKind.Added);
            }
            else if (_touchedRefs.Contains(r))
            {
                Add(r, DeltaKind.Changed);
            }
        }

        foreach (var r in _oldRefs)
        {
            if (!_newRefs.Contains(r))
            {
                Add(r, DeltaKind.Removed);
            }
        }
    }

    private void LoadExisting()
    {
        using var command = Prepare("SELECT id, source_ref, hash FROM entities WHERE dataset = $dataset");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var sourceRef = reader.GetString(1);
            _existing[reader.GetString(0)] = (sourceRef, (byte[])reader.GetValue(2));
            _oldRefs.Add(sourceRef);
        }
    }

    private string OwnerOf(string id)
    {
        using var command = Prepare("SELECT dataset FROM entities WHERE id = $id");
        command.Parameters["$id"].Value = id;
        return command.ExecuteScalar() as string ?? "?";
    }

    private static void Write(SqliteCommand command, Entity entity, string sourceRef, byte[] properties, byte[] hash)
    {
        command.Parameters["$id"].Value = entity.Id;
        command.Parameters["$ref"].Value = sourceRef;
        command.Parameters["$schema"].Value = entity.Schema.Name;
        command.Parameters["$caption"].Value = entity.Caption;
        command.Parameters["$properties"].Value = Encoding.UTF8.GetString(properties);
        command.Parameters["$hash"].Value = hash;
        command.ExecuteNonQuery();
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA2100", Justification = "Only constant SQL reaches here; values are parameters.")]
    private SqliteCommand Prepare(string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in new[] { "$id", "$dataset", "$ref", "$schema", "$caption", "$properties", "$hash", "$version", "$kind" })
        {
            if (sql.Contains(name, StringComparison.Ordinal) && !command.Parameters.Contains(name))
            {
                command.Parameters.Add(name, name switch { "$hash" => SqliteType.Blob, "$version" or "$kind" => SqliteType.Integer, _ => SqliteType.Text });
            }
        }

        if (command.Parameters.Contains("$dataset"))
        {
            command.Parameters["$dataset"].Value = dataset;
        }

        if (command.Parameters.Contains("$version"))
        {
            command.Parameters["$version"].Value = version;
        }

        command.Prepare();
        return command;
    }
}
