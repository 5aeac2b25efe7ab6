using System.Globalization;
using Cordon.Model;
using Cordon.Storage;
using Npgsql;

namespace Cordon.Postgres;

/// <summary>Datasets, versions, deltas and entities: the store contract's first half.</summary>
public sealed partial class PostgresStore
{
    /// <summary>The advisory lock an import of one dataset holds: imports of the same dataset run one after another.</summary>
    private const string ImportLockPrefix = "cordon import ";

    public ImportResult Import(ImportRequest request, IEnumerable<Entity> entities, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!ImportRequest.IsValidDatasetName(request.Dataset))
        {
            throw new StoreException(ImportRequest.InvalidNameReason(request.Dataset));
        }

        using var connection = Connect();
        using var transaction = connection.BeginTransaction();
        PostgresSql.Execute(connection, transaction, "SELECT pg_advisory_xact_lock(hashtext($1))", ImportLockPrefix + request.Dataset);
        var current = PostgresSql.Scalar<int?>(connection, transaction, "SELECT version FROM datasets WHERE name = $1", request.Dataset) ?? 0;
        var import = new PostgresImport(connection, transaction, request.Dataset, current + 1);
        var outcome = import.Stage(entities, progress, cancellationToken);
        if (outcome.KeepsVersion(current))
        {
            transaction.Rollback();
            return outcome.Result(request.Dataset, current, newVersion: false);
        }

        var version = current + 1;
        var now = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        import.Write();
        PostgresSql.Execute(connection, transaction, """
            INSERT INTO datasets (name, title, owner, format, version, records, entities, updated_at)
            VALUES ($1, COALESCE($2, $1), $3, $4, $5, $6, $7, $8)
            ON CONFLICT (name) DO UPDATE SET title = COALESCE($2, datasets.title), owner = excluded.owner, format = excluded.format,
                version = excluded.version, records = excluded.records, entities = excluded.entities, updated_at = excluded.updated_at
            """,
            request.Dataset, (object?)request.Title ?? DBNull.Value, request.Owner, request.Format, version, outcome.Records, outcome.Entities, now);
        PostgresSql.Execute(connection, transaction, """
            INSERT INTO dataset_versions (dataset, version, imported_at, source, added, changed, removed, unchanged, records, entities)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
            """,
            request.Dataset, version, now, request.Source, outcome.Added, outcome.Changed, outcome.Removed, outcome.Unchanged, outcome.Records, outcome.Entities);
        Announce(connection, transaction, DatasetsChanged);
        transaction.Commit();
        return outcome.Result(request.Dataset, version, newVersion: true);
    }

    public IReadOnlyList<DatasetInfo> GetDatasets() => QueryDatasets(null);

    public DatasetInfo? GetDataset(string name) => QueryDatasets(name).FirstOrDefault();

    private List<DatasetInfo> QueryDatasets(string? name) => Query(
        $"SELECT {StoredRows.DatasetColumns} FROM datasets WHERE $1::text IS NULL OR name = $1 ORDER BY name",
        StoredRows.Dataset, (object?)name ?? DBNull.Value);

    public IReadOnlyList<DatasetVersion> GetVersions(string dataset) =>
        Query($"SELECT {StoredRows.VersionColumns} FROM dataset_versions WHERE dataset = $1 ORDER BY version", StoredRows.Version, dataset);

    public IReadOnlyList<DeltaEntry> GetDelta(string dataset, int version) => Query(
        "SELECT source_ref, kind FROM deltas WHERE dataset = $1 AND version = $2 ORDER BY source_ref COLLATE \"C\"",
        r => new DeltaEntry(r.GetString(0), (DeltaKind)r.GetInt32(1)),
        dataset, version);

    public Entity? GetEntity(string id) =>
        Query($"SELECT {StoredRows.EntityColumns} FROM entities WHERE id = $1", StoredRows.Entity, id).FirstOrDefault();

    public IEnumerable<Entity> ReadEntities(string? dataset = null, CancellationToken cancellationToken = default)
    {
        using var connection = Connect();
        using var command = PostgresSql.Command(connection, null, $"""
            SELECT {StoredRows.EntityColumns} FROM entities WHERE $1::text IS NULL OR dataset = $1
            ORDER BY dataset COLLATE "C", id COLLATE "C"
            """, (object?)dataset ?? DBNull.Value);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return StoredRows.Entity(reader);
        }
    }

    private List<T> Query<T>(string sql, Func<NpgsqlDataReader, T> read, params object[] values)
    {
        using var connection = Connect();
        using var command = PostgresSql.Command(connection, null, sql, values);
        using var reader = command.ExecuteReader();
        var result = new List<T>();
        while (reader.Read())
        {
            result.Add(read(reader));
        }

        return result;
    }
}
