using Npgsql;

namespace Cordon.Postgres;

/// <summary>
/// Schema migrations, applied in order when a node starts. All of them run in one transaction that first takes a
/// transaction-level advisory lock, so when several nodes start at once on a new database exactly one applies each
/// step and the others find it applied.
/// </summary>
internal static class PostgresMigrations
{
    /// <summary>The advisory lock key that migrations hold ("cordonmg" as eight ASCII bytes).</summary>
    public const long LockKey = 0x636F72646F6E6D67;

    /// <summary>
    /// The steps, as the SQLite store's schema (same tables and columns; times as the same ISO 8601 text, which the
    /// audit chain hashes as written), in PostgreSQL's types.
    /// </summary>
    private static readonly (int Version, string Sql)[] Steps =
    [
        (1, """
            CREATE TABLE datasets (
                name text PRIMARY KEY,
                title text NOT NULL,
                owner text NOT NULL,
                format text NOT NULL,
                version integer NOT NULL,
                records integer NOT NULL,
                entities integer NOT NULL,
                updated_at text NOT NULL,
                handling text NOT NULL DEFAULT 'shared',
                share_with text NOT NULL DEFAULT ''
            );
            CREATE TABLE dataset_versions (
                dataset text NOT NULL REFERENCES datasets(name),
                version integer NOT NULL,
                imported_at text NOT NULL,
                source text NOT NULL,
                added integer NOT NULL,
                changed integer NOT NULL,
                removed integer NOT NULL,
                unchanged integer NOT NULL,
                records integer NOT NULL,
                entities integer NOT NULL,
                PRIMARY KEY (dataset, version)
            );
            CREATE TABLE entities (
                id text PRIMARY KEY,
                dataset text NOT NULL,
                source_ref text NOT NULL,
                schema text NOT NULL,
                caption text NOT NULL,
                properties text NOT NULL,
                hash bytea NOT NULL,
                version integer NOT NULL
            );
            CREATE INDEX entities_by_dataset ON entities (dataset, source_ref);
            CREATE INDEX entities_by_version ON entities (dataset, version);
            CREATE TABLE deltas (
                dataset text NOT NULL,
                version integer NOT NULL,
                source_ref text NOT NULL,
                kind integer NOT NULL,
                PRIMARY KEY (dataset, version, source_ref)
            );
            CREATE TABLE entity_handling (
                id text PRIMARY KEY,
                dataset text NOT NULL,
                handling text NOT NULL,
                share_with text NOT NULL
            );
            CREATE TABLE agencies (
                code text PRIMARY KEY,
                name text NOT NULL,
                country text NOT NULL,
                created_at text NOT NULL
            );
            CREATE TABLE api_keys (
                id text PRIMARY KEY,
                hash bytea NOT NULL UNIQUE,
                agency text NOT NULL REFERENCES agencies(code),
                role text NOT NULL,
                label text NOT NULL,
                created_at text NOT NULL,
                revoked_at text,
                purpose text
            );
            CREATE TABLE audit (
                seq bigint PRIMARY KEY,
                at text NOT NULL,
                agency text NOT NULL,
                key text NOT NULL,
                action text NOT NULL,
                subject text NOT NULL,
                details text NOT NULL,
                hash text NOT NULL
            );
            CREATE INDEX audit_by_agency ON audit (agency, seq);
            CREATE TABLE notifications (
                seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                reference text NOT NULL UNIQUE,
                agency text NOT NULL,
                at text NOT NULL,
                kind text NOT NULL,
                from_agency text NOT NULL,
                from_key text NOT NULL,
                purpose text NOT NULL,
                query text NOT NULL,
                entity_id text NOT NULL,
                score double precision NOT NULL
            );
            CREATE INDEX notifications_by_agency ON notifications (agency, seq);
            CREATE TABLE review_items (
                seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                id text NOT NULL UNIQUE,
                agency text NOT NULL,
                subject text NOT NULL,
                entity_id text NOT NULL,
                fingerprint text NOT NULL,
                owner text NOT NULL,
                reference text,
                dataset text,
                caption text,
                band text NOT NULL,
                score double precision NOT NULL,
                origin text NOT NULL,
                purpose text NOT NULL,
                query text NOT NULL,
                created_at text NOT NULL,
                key text NOT NULL,
                status text NOT NULL,
                decided_at text,
                decided_by text,
                note text
            );
            CREATE INDEX review_items_by_agency ON review_items (agency, status, seq);
            CREATE TABLE monitored (
                agency text NOT NULL,
                subject text NOT NULL,
                name text NOT NULL,
                birth_date text,
                country text,
                schema text,
                identifiers text NOT NULL,
                purpose text NOT NULL,
                key text NOT NULL,
                created_at text NOT NULL,
                PRIMARY KEY (agency, subject)
            );
            """),
        (2, """
            CREATE TABLE removed_entities (
                dataset text NOT NULL,
                version integer NOT NULL,
                id text NOT NULL,
                PRIMARY KEY (dataset, version, id)
            );
            CREATE SEQUENCE review_revisions;
            ALTER TABLE review_items ADD COLUMN revision bigint NOT NULL DEFAULT nextval('review_revisions');
            CREATE INDEX review_items_by_revision ON review_items (revision);
            CREATE INDEX entities_in_order ON entities (dataset COLLATE "C", id COLLATE "C");
            """),
    ];

    /// <summary>The newest schema version this build knows.</summary>
    public static int Latest => Steps[^1].Version;

    /// <summary>Brings the schema up to date; returns how many steps this call applied (0 when another node had).</summary>
    /// <exception cref="Storage.StoreException">The database's schema is newer than this build knows.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA2100", Justification = "Only the constant steps above are run.")]
    public static int Apply(NpgsqlConnection connection)
    {
        using var transaction = connection.BeginTransaction();
        using (var prepare = new NpgsqlCommand($"""
            SELECT pg_advisory_xact_lock({LockKey});
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version integer PRIMARY KEY,
                applied_at timestamptz NOT NULL DEFAULT now(),
                applied_by text NOT NULL
            );
            """, connection, transaction))
        {
            prepare.ExecuteNonQuery();
        }

        var applied = new HashSet<int>();
        using (var read = new NpgsqlCommand("SELECT version FROM schema_migrations", connection, transaction))
        using (var reader = read.ExecuteReader())
        {
            while (reader.Read())
            {
                applied.Add(reader.GetInt32(0));
            }
        }

        if (applied.Count > 0 && applied.Max() > Latest)
        {
            throw new Storage.StoreException($"the database schema is version {applied.Max()}, newer than this Cordon knows ({Latest}): upgrade Cordon");
        }

        var count = 0;
        foreach (var (version, sql) in Steps)
        {
            if (applied.Contains(version))
            {
                continue;
            }

            using (var apply = new NpgsqlCommand(sql, connection, transaction))
            {
                apply.ExecuteNonQuery();
            }

            using var record = new NpgsqlCommand("INSERT INTO schema_migrations (version, applied_by) VALUES ($1, $2)", connection, transaction)
            {
                Parameters = { new() { Value = version }, new() { Value = $"{Environment.MachineName} pid {Environment.ProcessId}" } },
            };
            record.ExecuteNonQuery();
            count++;
        }

        transaction.Commit();
        return count;
    }
}
