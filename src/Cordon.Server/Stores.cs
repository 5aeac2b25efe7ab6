using Cordon.Postgres;
using Cordon.Sqlite;
using Cordon.Storage;

namespace Cordon.Server;

/// <summary>Opens the store a <c>--db</c> value or <c>CORDON_DB</c> names: a PostgreSQL database, or else a SQLite file.</summary>
public static class Stores
{
    /// <summary>
    /// A <c>postgres://</c> or <c>postgresql://</c> URL, or an Npgsql connection string (<c>Host=…;Database=…</c>), opens the
    /// PostgreSQL store; anything else is a SQLite file path.
    /// </summary>
    /// <exception cref="StoreException">The database cannot be opened, saying where and why.</exception>
    public static IStore Open(string db) => PostgresStore.Names(db) ? PostgresStore.Open(db) : SqliteStore.Open(db);
}
