using Cordon.Storage;
using Npgsql;

namespace Cordon.Postgres;

/// <summary>
/// The PostgreSQL store: one database shared by several Cordon nodes, its schema brought up to date when a node opens
/// it. It implements the whole store contract (<see cref="ICordonStore"/> and <see cref="ISharingStore"/>), as the
/// SQLite store does; imports stream in by binary COPY. See ADR 0005.
/// </summary>
public sealed partial class PostgresStore : IStore
{
    private readonly NpgsqlDataSource _source;

    /// <summary>The listening connection's source: TCP keepalives, so a server that vanished is noticed within seconds.</summary>
    private readonly NpgsqlDataSource _listener;

    /// <summary>The audit chain's head as this node last wrote it, so that its next append can be one round trip.</summary>
    private readonly AuditHead _auditHead = new();

    private readonly Lock _appending = new();

    /// <summary>
    /// The connection audit appends keep: a pooled connection would be reset each time it went back to the pool, which
    /// costs the server seven more statements in every append.
    /// </summary>
    private NpgsqlConnection? _appender;

    private PostgresStore(NpgsqlDataSource source, NpgsqlConnectionStringBuilder builder, string display)
    {
        _source = source;
        _listener = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(builder.ConnectionString) { KeepAlive = 5, Pooling = false });
        Display = display;
    }

    /// <summary>Where the store is, for messages: user, host, port and database, never the password.</summary>
    public string Display { get; }

    /// <summary>How many migration steps opening this store applied (0 when the schema was already up to date).</summary>
    public int MigrationsApplied { get; private init; }

    /// <summary>
    /// Whether <paramref name="db"/> names a PostgreSQL database rather than a SQLite file: a <c>postgres://</c> or
    /// <c>postgresql://</c> URL, or an Npgsql connection string (<c>Host=…;Database=…</c>).
    /// </summary>
    public static bool Names(string db) =>
        db.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
        || db.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
        || (db.Contains('=', StringComparison.Ordinal) && db.Contains("host", StringComparison.OrdinalIgnoreCase));

    /// <summary>Connects to the database <paramref name="db"/> names and brings its schema up to date.</summary>
    /// <exception cref="StoreException">The address is malformed, the server cannot be reached or refuses, or its schema is newer than this build.</exception>
    public static PostgresStore Open(string db)
    {
        var builder = PostgresAddress.Parse(db);
        var display = PostgresAddress.Display(builder);
        // Statements run often (the audit append, key lookups) are prepared once per connection.
        var source = new NpgsqlDataSourceBuilder(new NpgsqlConnectionStringBuilder(builder.ConnectionString)
        {
            MaxAutoPrepare = Math.Max(builder.MaxAutoPrepare, 64),
            AutoPrepareMinUsages = 2,
        }.ConnectionString).Build();
        try
        {
            using var connection = source.OpenConnection();
            var applied = PostgresMigrations.Apply(connection);
            return new PostgresStore(source, builder, display) { MigrationsApplied = applied };
        }
        catch (NpgsqlException ex)
        {
            source.Dispose();
            throw new StoreException($"{display}: cannot open the database: {Reason(ex)}");
        }
        catch (StoreException ex)
        {
            source.Dispose();
            throw new StoreException($"{display}: {ex.Message}");
        }
    }

    /// <summary>The newest schema version this build knows.</summary>
    public static int SchemaVersion => PostgresMigrations.Latest;

    /// <summary>A connection from the store's pool, open.</summary>
    internal NpgsqlConnection Connect() => _source.OpenConnection();

    public void Dispose()
    {
        lock (_appending)
        {
            _appender?.Dispose();
            _appender = null;
        }

        _listener.Dispose();
        _source.Dispose();
    }

    private static string Reason(NpgsqlException ex) => ex switch
    {
        PostgresException pg => $"{pg.MessageText} ({pg.SqlState})",
        _ when ex.InnerException is System.Net.Sockets.SocketException socket => socket.Message,
        _ when ex.InnerException is TimeoutException => "no answer within the connection timeout",
        _ => ex.Message,
    };
}
