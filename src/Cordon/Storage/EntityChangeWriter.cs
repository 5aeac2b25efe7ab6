using System.Data.Common;
using System.Globalization;
using Cordon.Audit;
using Cordon.Model;

namespace Cordon.Storage;

/// <summary>
/// Creates, replaces and withdraws single records of a dataset inside one transaction, as a new version whose delta is
/// worked out by source record like a whole import's: a record is added when it did not exist before, removed when none
/// of its entities is left, and changed otherwise. Withdrawn ids are logged with the version, so a server that follows
/// the store can take them out of its index. Written once for both stores: the SQL is what SQLite and PostgreSQL share,
/// with <c>@name</c> parameters; the caller's transaction must already exclude other writers of the dataset.
/// </summary>
public sealed class EntityChangeWriter(DbConnection connection, DbTransaction transaction, string dataset)
{
    private readonly List<string> _withdrawn = [];

    private readonly Dictionary<string, bool> _existedBefore = new(StringComparer.Ordinal);

    public ImportResult Run(IReadOnlyList<EntityChange> upserts, IReadOnlyList<string> withdrawals, DateTimeOffset at)
    {
        if (Scalar("SELECT version FROM datasets WHERE name = @name", ("@name", dataset)) is not { } found)
        {
            throw new StoreException($"no dataset '{dataset}'");
        }

        var current = Convert.ToInt32(found, CultureInfo.InvariantCulture);

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (entity, handling) in upserts)
        {
            if (!ids.Add(entity.Id))
            {
                throw new StoreException($"entity id '{entity.Id}' appears twice in this change");
            }

            Upsert(entity, handling);
        }

        foreach (var id in withdrawals)
        {
            if (!ids.Add(id))
            {
                throw new StoreException($"entity id '{id}' appears twice in this change");
            }

            Withdraw(id);
        }

        int added = 0, changed = 0, removed = 0;
        var delta = new List<(string Ref, DeltaKind Kind)>();
        foreach (var (sourceRef, before) in _existedBefore)
        {
            var after = Scalar("SELECT 1 FROM entities WHERE dataset = @d AND source_ref = @r LIMIT 1",
                ("@d", dataset), ("@r", sourceRef)) is not null;
            var kind = (before, after) switch
            {
                (false, true) => DeltaKind.Added,
                (true, false) => DeltaKind.Removed,
                (true, true) => DeltaKind.Changed,
                _ => (DeltaKind?)null,
            };
            if (kind is { } k)
            {
                delta.Add((sourceRef, k));
                _ = k switch { DeltaKind.Added => added++, DeltaKind.Removed => removed++, _ => changed++ };
            }
        }

        var records = Convert.ToInt32(Scalar("SELECT COUNT(DISTINCT source_ref) FROM entities WHERE dataset = @d", ("@d", dataset)), CultureInfo.InvariantCulture);
        var entities = Convert.ToInt32(Scalar("SELECT COUNT(*) FROM entities WHERE dataset = @d", ("@d", dataset)), CultureInfo.InvariantCulture);
        var unchanged = records - added - changed;
        if (delta.Count == 0)
        {
            return new ImportResult(dataset, current, false, 0, 0, 0, unchanged, records, entities);
        }

        var version = current + 1;
        var now = AuditEntry.FormatTime(at);
        Execute(
            "UPDATE datasets SET version = @v, records = @records, entities = @entities, updated_at = @now WHERE name = @d",
            ("@v", version), ("@records", records), ("@entities", entities), ("@now", now), ("@d", dataset));
        Execute("""
            INSERT INTO dataset_versions (dataset, version, imported_at, source, added, changed, removed, unchanged, records, entities)
            VALUES (@d, @v, @now, 'api', @added, @changed, @removed, @unchanged, @records, @entities)
            """,
            ("@d", dataset), ("@v", version), ("@now", now), ("@added", added), ("@changed", changed), ("@removed", removed),
            ("@unchanged", unchanged), ("@records", records), ("@entities", entities));
        foreach (var (sourceRef, kind) in delta)
        {
            Execute("INSERT INTO deltas (dataset, version, source_ref, kind) VALUES (@d, @v, @r, @k)",
                ("@d", dataset), ("@v", version), ("@r", sourceRef), ("@k", (int)kind));
        }

        foreach (var id in _withdrawn)
        {
            Execute("INSERT INTO removed_entities (dataset, version, id) VALUES (@d, @v, @id)", ("@d", dataset), ("@v", version), ("@id", id));
        }

        return new ImportResult(dataset, version, true, added, changed, removed, unchanged, records, entities);
    }

    private void Upsert(Entity entity, Sharing.HandlingRule? handling)
    {
        var sourceRef = entity.SourceRef ?? entity.Id;
        var properties = EntityJson.PropertiesUtf8(entity);
        var hash = EntityJson.ContentHash(entity.Schema.Name, sourceRef, properties);
        string? oldRef = null;
        byte[]? oldHash = null;
        using (var find = Command("SELECT dataset, source_ref, hash FROM entities WHERE id = @id", ("@id", entity.Id)))
        using (var reader = find.ExecuteReader())
        {
            if (reader.Read())
            {
                if (!string.Equals(reader.GetString(0), dataset, StringComparison.Ordinal))
                {
                    throw new StoreException($"entity id '{entity.Id}' is taken; ids are unique across datasets");
                }

                oldRef = reader.GetString(1);
                oldHash = (byte[])reader.GetValue(2);
            }
        }

        var handlingChanged = SetHandling(entity.Id, handling);
        if (oldHash is not null && oldHash.AsSpan().SequenceEqual(hash) && !handlingChanged)
        {
            return;
        }

        Touch(sourceRef);
        if (oldRef is not null)
        {
            Touch(oldRef);
        }

        var text = System.Text.Encoding.UTF8.GetString(properties);
        Execute("""
            INSERT INTO entities (id, dataset, source_ref, schema, caption, properties, hash, version)
            VALUES (@id, @d, @r, @schema, @caption, @properties, @hash, (SELECT version + 1 FROM datasets WHERE name = @d))
            ON CONFLICT (id) DO UPDATE SET source_ref = excluded.source_ref, schema = excluded.schema, caption = excluded.caption,
                properties = excluded.properties, hash = excluded.hash, version = excluded.version
            """,
            ("@id", entity.Id), ("@d", dataset), ("@r", sourceRef), ("@schema", entity.Schema.Name), ("@caption", entity.Caption),
            ("@properties", text), ("@hash", hash));
    }

    private void Withdraw(string id)
    {
        if (Scalar("SELECT source_ref FROM entities WHERE id = @id AND dataset = @d", ("@id", id), ("@d", dataset)) is not string sourceRef)
        {
            throw new StoreException($"no entity '{id}' in dataset '{dataset}'");
        }

        Touch(sourceRef);
        _withdrawn.Add(id);
        Execute("DELETE FROM entities WHERE id = @id", ("@id", id));
        Execute("DELETE FROM entity_handling WHERE id = @id", ("@id", id));
    }

    /// <summary>Sets or clears an entity's own rule; true when that changed it.</summary>
    private bool SetHandling(string id, Sharing.HandlingRule? rule)
    {
        Sharing.HandlingRule? old = null;
        using (var find = Command("SELECT handling, share_with FROM entity_handling WHERE id = @id", ("@id", id)))
        using (var reader = find.ExecuteReader())
        {
            if (reader.Read())
            {
                old = Sharing.HandlingRule.FromStored(reader.GetString(0), reader.GetString(1));
            }
        }

        if (Equals(old, rule))
        {
            return false;
        }

        if (rule is null)
        {
            Execute("DELETE FROM entity_handling WHERE id = @id", ("@id", id));
        }
        else
        {
            Execute("""
                INSERT INTO entity_handling (id, dataset, handling, share_with) VALUES (@id, @d, @h, @s)
                ON CONFLICT (id) DO UPDATE SET handling = excluded.handling, share_with = excluded.share_with
                """,
                ("@id", id), ("@d", dataset), ("@h", rule.Name), ("@s", rule.ShareWithText));
        }

        return true;
    }

    private void Touch(string sourceRef)
    {
        if (!_existedBefore.ContainsKey(sourceRef))
        {
            _existedBefore[sourceRef] = Scalar("SELECT 1 FROM entities WHERE dataset = @d AND source_ref = @r LIMIT 1",
                ("@d", dataset), ("@r", sourceRef)) is not null;
        }
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA2100", Justification = "Only constant SQL reaches here; values are parameters.")]
    private DbCommand Command(string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private object? Scalar(string sql, params (string Name, object Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        return command.ExecuteScalar() is { } value and not DBNull ? value : null;
    }

    private void Execute(string sql, params (string Name, object Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        command.ExecuteNonQuery();
    }
}
