using Microsoft.Data.Sqlite;

namespace Cordon.Sqlite;

/// <summary>Schema migrations, applied in order when a store opens; each runs once, in its own transaction.</summary>
internal static class SqliteMigrations
{
    private static readonly (int Version, string Sql)[] Steps =
    [
        (1, """
            CREATE TABLE datasets (
                name TEXT PRIMARY KEY,
                title TEXT NOT NULL,
                owner TEXT NOT NULL,
                format TEXT NOT NULL,
                version INTEGER NOT NULL,
                records INTEGER NOT NULL,
                entities INTEGER NOT NULL,
                updated_at TEXT NOT NULL
            );
            CREATE TABLE dataset_versions (
                dataset TEXT NOT NULL REFERENCES datasets(name),
                version INTEGER NOT NULL,
                imported_at TEXT NOT NULL,
                source TEXT NOT NULL,
                added INTEGER NOT NULL,
                changed INTEGER NOT NULL,
                removed INTEGER NOT NULL,
                unchanged INTEGER NOT NULL,
                records INTEGER NOT NULL,
                entities INTEGER NOT NULL,
                PRIMARY KEY (dataset, version)
            );
            CREATE TABLE entities (
                id TEXT NOT NULL PRIMARY KEY,
                dataset TEXT NOT NULL,
                source_ref TEXT NOT NULL,
                schema TEXT NOT NULL,
                caption TEXT NOT NULL,
                properties TEXT NOT NULL,
                hash BLOB NOT NULL,
                version INTEGER NOT NULL
            );
            CREATE INDEX entities_by_dataset ON entities (dataset, source_ref);
            CREATE TABLE deltas (
                dataset TEXT NOT NULL,
                version INTEGER NOT NULL,
                source_ref TEXT NOT NULL,
                kind INTEGER NOT NULL,
                PRIMARY KEY (dataset, version, source_ref)
            ) WITHOUT ROWID;
            """),
        (2, """
            ALTER TABLE datasets ADD COLUMN handling TEXT NOT NULL DEFAULT 'shared';
            ALTER TABLE datasets ADD COLUMN share_with TEXT NOT NULL DEFAULT '';
            CREATE TABLE entity_handling (
                id TEXT NOT NULL PRIMARY KEY,
                dataset TEXT NOT NULL,
                handling TEXT NOT NULL,
                share_with TEXT NOT NULL
            );
            CREATE TABLE agencies (
                code TEXT NOT NULL PRIMARY KEY,
                name TEXT NOT NULL,
                country TEXT NOT NULL,
                created_at TEXT NOT NULL
            );
            CREATE TABLE api_keys (
                id TEXT NOT NULL PRIMARY KEY,
                hash BLOB NOT NULL UNIQUE,
                agency TEXT NOT NULL REFERENCES agencies(code),
                role TEXT NOT NULL,
                label TEXT NOT NULL,
                created_at TEXT NOT NULL,
                revoked_at TEXT
            );
            CREATE TABLE audit (
                seq INTEGER PRIMARY KEY,
                at TEXT NOT NULL,
                agency TEXT NOT NULL,
                key TEXT NOT NULL,
                action TEXT NOT NULL,
                subject TEXT NOT NULL,
                details TEXT NOT NULL,
                hash TEXT NOT NULL
            );
            CREATE INDEX audit_by_agency ON audit (agency, seq);
            CREATE TABLE notifications (
                seq INTEGER PRIMARY KEY,
                reference TEXT NOT NULL UNIQUE,
                agency TEXT NOT NULL,
                at TEXT NOT NULL,
                kind TEXT NOT NULL,
                from_agency TEXT NOT NULL,
                from_key TEXT NOT NULL,
                purpose TEXT NOT NULL,
                query TEXT NOT NULL,
                entity_id TEXT NOT NULL,
                score REAL NOT NULL
            );
            CREATE INDEX notifications_by_agency ON notifications (agency, seq);
            """),
        (3, """
            ALTER TABLE api_keys ADD COLUMN purpose TEXT;
            CREATE TABLE review_items (
                seq INTEGER PRIMARY KEY,
                id TEXT NOT NULL UNIQUE,
                agency TEXT NOT NULL,
                subject TEXT NOT NULL,
                entity_id TEXT NOT NULL,
                fingerprint TEXT NOT NULL,
                owner TEXT NOT NULL,
                reference TEXT,
                dataset TEXT,
                caption TEXT,
                band TEXT NOT NULL,
                score REAL NOT NULL,
                origin TEXT NOT NULL,
                purpose TEXT NOT NULL,
                query TEXT NOT NULL,
                created_at TEXT NOT NULL,
                key TEXT NOT NULL,
                status TEXT NOT NULL,
                decided_at TEXT,
                decided_by TEXT,
                note TEXT
            );
            CREATE INDEX review_items_by_agency ON review_items (agency, status, seq);
            CREATE TABLE monitored (
                agency TEXT NOT NULL,
                subject TEXT NOT NULL,
                name TEXT NOT NULL,
                birth_date TEXT,
                country TEXT,
                schema TEXT,
                identifiers TEXT NOT NULL,
                purpose TEXT NOT NULL,
                key TEXT NOT NULL,
                created_at TEXT NOT NULL,
                PRIMARY KEY (agency, subject)
            ) WITHOUT ROWID;
            CREATE INDEX entities_by_version ON entities (dataset, version);
            """),
        (4, """
            CREATE TABLE removed_entities (
                dataset TEXT NOT NULL,
                version INTEGER NOT NULL,
                id TEXT NOT NULL,
                PRIMARY KEY (dataset, version, id)
            ) WITHOUT ROWID;
            """),
    ];

    /// <summary>The newest schema version this build knows.</summary>
    public static int Latest => Steps[^1].Version;

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA2100", Justification = "Only constant SQL reaches here; values are parameters.")]
    public static void Apply(SqliteConnection connection)
    {
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)";
            create.ExecuteNonQuery();
        }

        foreach (var (version, sql) in Steps)
        {
            // BEGIN IMMEDIATE takes the write lock first, so two processes opening a new database at once apply each step exactly once.
            using var transaction = connection.BeginTransaction(deferred: false);
            using var check = connection.CreateCommand();
            check.Transaction = transaction;
            check.CommandText = "SELECT COUNT(*) FROM schema_migrations WHERE version = $v";
            check.Parameters.AddWithValue("$v", version);
            if (Convert.ToInt64(check.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0)
            {
                continue;
            }

            using var apply = connection.CreateCommand();
            apply.Transaction = transaction;
            apply.CommandText = sql;
            apply.ExecuteNonQuery();
            using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO schema_migrations (version, applied_at) VALUES ($v, $t)";
            record.Parameters.AddWithValue("$v", version);
            record.Parameters.AddWithValue("$t", DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            record.ExecuteNonQuery();
            transaction.Commit();
        }

        using var newest = connection.CreateCommand();
        newest.CommandText = "SELECT MAX(version) FROM schema_migrations";
        var found = Convert.ToInt32(newest.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        if (found > Latest)
        {
            throw new Cordon.Storage.StoreException($"the database schema is version {found}, newer than this Cordon knows ({Latest}): upgrade Cordon");
        }
    }
}
