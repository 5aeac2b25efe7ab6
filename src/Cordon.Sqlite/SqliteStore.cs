using System.Globalization;
using Cordon.Model;
using Cordon.Storage;
using Microsoft.Data.Sqlite;

namespace Cordon.Sqlite;

/// <summary>The embedded default store: one SQLite file, WAL journal flushed at every commit, migrations applied on open.</summary>
public sealed partial class SqliteStore : IStore
{
    private readonly string _connectionString;
    private readonly Lock _appending = new();
    private SqliteCheckpointer? _checkpointer;
    private Appender? _appender;

    private SqliteStore(string connectionString) => _connectionString = connectionString;

    /// <summary>The database file.</summary>
    public required string Path { get; init; }

    public string Display => Path;

    /// <summary>Opens (creating if needed) the database at <paramref name="path"/> and brings its schema up to date.</summary>
    public static SqliteStore Open(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        var directory = System.IO.Path.GetDirectoryName(full);
        if (directory is not null && !Directory.Exists(directory))
        {
            throw new StoreException($"{path}: the folder {directory} does not exist");
        }

        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        var store = new SqliteStore(connectionString) { Path = full };
        try
        {
            using var connection = store.Connect();
            using (var wal = connection.CreateCommand())
            {
                wal.CommandText = "PRAGMA journal_mode = WAL";
                wal.ExecuteNonQuery();
            }

            SqliteMigrations.Apply(connection);
        }
        catch (SqliteException ex)
        {
            throw new StoreException($"{path}: cannot open the database: {ex.Message}");
        }
        catch (StoreException ex)
        {
            throw new StoreException($"{path}: {ex.Message}");
        }

        return store;
    }

    internal SqliteConnection Connect()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var pragmas = connection.CreateCommand();
        // A pooled connection keeps its settings, so the checkpoint setting is restated on every use. Every commit
        // flushes the log (synchronous = FULL): each carries an audit entry, and an answered screen's entry, or an
        // owner's hit notification, must outlive a power cut as well as a crash of Cordon, as on PostgreSQL.
        pragmas.CommandText = "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -131072; "
            + (_checkpointer is null ? "PRAGMA wal_autocheckpoint = 1000;" : "PRAGMA wal_autocheckpoint = 0;");
        pragmas.ExecuteNonQuery();
        return connection;
    }

    public ImportResult Import(ImportRequest request, IEnumerable<Entity> entities, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        if (!ImportRequest.IsValidDatasetName(request.Dataset))
        {
            throw new StoreException(ImportRequest.InvalidNameReason(request.Dataset));
        }

        using var connection = Connect();
        using var transaction = connection.BeginTransaction(deferred: false);
        var current = CurrentVersion(connection, transaction, request.Dataset);
        var import = new SqliteImport(connection, transaction, request.Dataset, current + 1);
        var outcome = import.Run(entities, progress, cancellationToken);
        if (outcome.KeepsVersion(current))
        {
            transaction.Rollback();
            return outcome.Result(request.Dataset, current, newVersion: false);
        }

        var version = current + 1;
        var now = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        Execute(connection, transaction, """
            INSERT INTO datasets (name, title, owner, format, version, records, entities, updated_at)
            VALUES ($name, COALESCE($title, $name), $owner, $format, $version, $records, $entities, $now)
            ON CONFLICT (name) DO UPDATE SET title = COALESCE($title, datasets.title), owner = excluded.owner, format = excluded.format,
                version = excluded.version, records = excluded.records, entities = excluded.entities, updated_at = excluded.updated_at
            """,
            ("$name", request.Dataset), ("$title", (object?)request.Title ?? DBNull.Value), ("$owner", request.Owner),
            ("$format", request.Format), ("$version", version), ("$records", outcome.Records), ("$entities", outcome.Entities), ("$now", now));
        Execute(connection, transaction, """
            INSERT INTO dataset_versions (dataset, version, imported_at, source, added, changed, removed, unchanged, records, entities)
            VALUES ($dataset, $version, $now, $source, $added, $changed, $removed, $unchanged, $records, $entities)
            """,
            ("$dataset", request.Dataset), ("$version", version), ("$now", now), ("$source", request.Source),
            ("$added", outcome.Added), ("$changed", outcome.Changed), ("$removed", outcome.Removed),
            ("$unchanged", outcome.Unchanged), ("$records", outcome.Records), ("$entities", outcome.Entities));
        import.WriteDelta();
        transaction.Commit();
        return outcome.Result(request.Dataset, version, newVersion: true);
    }

    public IReadOnlyList<DatasetInfo> GetDatasets() => QueryDatasets(null);

    public DatasetInfo? GetDataset(string name) => QueryDatasets(name).FirstOrDefault();

    private List<DatasetInfo> QueryDatasets(string? name)
    {
        using var connection = Connect();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {StoredRows.DatasetColumns} FROM datasets"
            + (name is null ? "" : " WHERE name = $name") + " ORDER BY name";
        if (name is not null)
        {
            command.Parameters.AddWithValue("$name", name);
        }

        using var reader = command.ExecuteReader();
        var result = new List<DatasetInfo>();
        while (reader.Read())
        {
            result.Add(StoredRows.Dataset(reader));
        }

        return result;
    }

    public IReadOnlyList<DatasetVersion> GetVersions(string dataset)
    {
        using var connection = Connect();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {StoredRows.VersionColumns} FROM dataset_versions WHERE dataset = $dataset ORDER BY version";
        command.Parameters.AddWithValue("$dataset", dataset);
        using var reader = command.ExecuteReader();
        var result = new List<DatasetVersion>();
        while (reader.Read())
        {
            result.Add(StoredRows.Version(reader));
        }

        return result;
    }

    public IReadOnlyList<DeltaEntry> GetDelta(string dataset, int version)
    {
        using var connection = Connect();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT source_ref, kind FROM deltas WHERE dataset = $dataset AND version = $version ORDER BY source_ref";
        command.Parameters.AddWithValue("$dataset", dataset);
        command.Parameters.AddWithValue("$version", version);
        using var reader = command.ExecuteReader();
        var result = new List<DeltaEntry>();
        while (reader.Read())
        {
            result.Add(new DeltaEntry(reader.GetString(0), (DeltaKind)reader.GetInt32(1)));
        }

        return result;
    }

    public Entity? GetEntity(string id)
    {
        using var connection = Connect();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {StoredRows.EntityColumns} FROM entities WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        return reader.Read() ? StoredRows.Entity(reader) : null;
    }

    public IEnumerable<Entity> ReadEntities(string? dataset = null, CancellationToken cancellationToken = default)
    {
        using var connection = Connect();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {StoredRows.EntityColumns} FROM entities"
            + (dataset is null ? "" : " WHERE dataset = $dataset") + " ORDER BY dataset, id";
        if (dataset is not null)
        {
            command.Parameters.AddWithValue("$dataset", dataset);
        }

        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return StoredRows.Entity(reader);
        }
    }

    private static int CurrentVersion(SqliteConnection connection, SqliteTransaction transaction, string dataset)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT version FROM datasets WHERE name = $name";
        command.Parameters.AddWithValue("$name", dataset);
        return command.ExecuteScalar() is long version ? (int)version : 0;
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA2100", Justification = "Only constant SQL reaches here; values are parameters.")]
    internal static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        command.ExecuteNonQuery();
    }

    /// <summary>
    /// From now on, commits made through this store no longer copy the write-ahead log back into the database; a
    /// background thread does, every <paramref name="interval"/> (<see cref="SqliteCheckpointer"/>). For a long-running
    /// process with a steady stream of small commits, such as the server's audit log. Stopped by <see cref="Dispose"/>.
    /// </summary>
    public void CheckpointInBackground(TimeSpan interval)
    {
        lock (_appending)
        {
            if (_checkpointer is null)
            {
                _checkpointer = new SqliteCheckpointer(this, interval);
                // An open append connection still has the automatic checkpoint: the next append opens one without it.
                _appender?.Dispose();
                _appender = null;
            }
        }
    }

    public void Dispose()
    {
        _checkpointer?.Dispose();
        lock (_appending)
        {
            _appender?.Dispose();
            _appender = null;
        }

        // Pooled connections keep the file open; release them so the file can be moved or deleted.
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }
}
