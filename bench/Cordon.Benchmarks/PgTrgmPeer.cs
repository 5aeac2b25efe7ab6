using System.Diagnostics;
using Cordon.Model;
using Cordon.Screening;
using Cordon.Screening.Evaluation;
using Npgsql;
using NpgsqlTypes;

namespace Cordon.Benchmarks;

/// <summary>
/// Name screening the way many teams do it directly in PostgreSQL with <c>pg_trgm</c> and <c>fuzzystrmatch</c>:
/// one row per name, <c>norm = lower(f_unaccent(name))</c> and <c>dm = dmetaphone(norm)</c> as stored generated
/// columns (<c>f_unaccent</c> is the usual immutable wrapper around <c>unaccent</c>), a GIN trigram index on
/// <c>norm</c>, and a query that retrieves the ten names most trigram-similar to the normalised query name among those
/// with <c>norm % q</c> (similarity ≥ <c>pg_trgm.similarity_threshold</c> = T), then re-scores them:
/// <code>
/// lev   = 1 - levenshtein(norm, q) / greatest(length(norm), length(q))   (0 when either is over 255 characters)
/// score = least(1, greatest(similarity(norm, q), lev) + (dm = dmetaphone(q) and dm &lt;&gt; '' ? bonus : 0))
/// </code>
/// and keeps the names with score ≥ A. T, A and the bonus are tuned for best F1 on the labelled pairs.
/// </summary>
internal sealed class PgTrgmPeer
{
    public const string Database = "cordon_pgpeer";

    /// <summary>The normalised query name and its double metaphone, worked out once per query.</summary>
    private const string QueryName = "SELECT n, dmetaphone(n) AS dm FROM (SELECT lower(f_unaccent(@name)) AS n) x";

    /// <summary>The peer's query: the brief's trigram retrieval (top ten by similarity), re-scored by the formula above.</summary>
    public const string SearchSql = $"""
        WITH q AS MATERIALIZED ({QueryName})
        SELECT entity_id, name, score FROM (
          SELECT c.entity_id, c.name,
                 LEAST(1.0, GREATEST(c.s, CASE WHEN length(c.norm) <= 255 AND length(q.n) <= 255
                                               THEN 1.0 - levenshtein(c.norm, q.n)::float8 / GREATEST(length(c.norm), length(q.n), 1)
                                               ELSE 0 END)
                            + CASE WHEN c.dm = q.dm AND q.dm <> '' THEN @bonus ELSE 0 END) AS score
          FROM q, LATERAL (SELECT entity_id, name, norm, dm, similarity(norm, q.n) AS s
                           FROM names WHERE norm % q.n ORDER BY s DESC LIMIT 10) c
        ) r
        WHERE score >= @accept
        ORDER BY score DESC
        """;

    /// <summary>The three parts of the score for each labelled pair, normalised as the table's names are.</summary>
    private const string PairSql = """
        SELECT similarity(a, b),
               CASE WHEN length(a) <= 255 AND length(b) <= 255
                    THEN 1.0 - levenshtein(a, b)::float8 / GREATEST(length(a), length(b), 1) ELSE 0 END,
               COALESCE(dmetaphone(a) = dmetaphone(b) AND dmetaphone(a) <> '', false)
        FROM (SELECT i, lower(f_unaccent(x)) AS a, lower(f_unaccent(y)) AS b
              FROM unnest(@a::text[], @b::text[]) WITH ORDINALITY AS t(x, y, i)) p
        ORDER BY i
        """;

    private const string Schema = """
        CREATE EXTENSION pg_trgm;
        CREATE EXTENSION fuzzystrmatch;
        CREATE EXTENSION unaccent;
        CREATE FUNCTION f_unaccent(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
          AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;
        CREATE TABLE names (
          entity_id text NOT NULL,
          name text NOT NULL,
          norm text GENERATED ALWAYS AS (lower(f_unaccent(name))) STORED,
          dm text GENERATED ALWAYS AS (dmetaphone(lower(f_unaccent(name)))) STORED
        );
        """;

    private readonly string _connectionString;

    private PgTrgmPeer(string connectionString) => _connectionString = connectionString;

    /// <summary>Drops and creates <see cref="Database"/> on the server, with the extensions and the empty table.</summary>
    public static PgTrgmPeer CreateFresh(string server)
    {
        using (var connection = new NpgsqlConnection(server))
        {
            connection.Open();
            Execute(connection, $"DROP DATABASE IF EXISTS {Database} WITH (FORCE)");
            Execute(connection, $"CREATE DATABASE {Database}");
        }

        var peer = new PgTrgmPeer(new NpgsqlConnectionStringBuilder(server) { Database = Database, Pooling = false }.ConnectionString);
        using var own = peer.Open();
        Execute(own, Schema);
        return peer;
    }

    /// <summary>Binary COPY of every name of every entity (name, alias, previousName, weakAlias); seconds and rows.</summary>
    public (double Seconds, long Rows) Load(IEnumerable<Entity> entities)
    {
        using var connection = Open();
        var watch = Stopwatch.StartNew();
        long rows = 0;
        using (var writer = connection.BeginBinaryImport("COPY names (entity_id, name) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var entity in entities)
            {
                foreach (var name in ScreeningIndex.NamesOf(entity))
                {
                    writer.StartRow();
                    writer.Write(entity.Id, NpgsqlDbType.Text);
                    writer.Write(name, NpgsqlDbType.Text);
                    rows++;
                }
            }

            writer.Complete();
        }

        return (watch.Elapsed.TotalSeconds, rows);
    }

    /// <summary>Builds the GIN trigram index (with 512 MB of maintenance memory, as a tuned set-up would); seconds.</summary>
    public double BuildIndex()
    {
        using var connection = Open();
        Execute(connection, "SET maintenance_work_mem = '512MB'");
        var watch = Stopwatch.StartNew();
        Execute(connection, "CREATE INDEX names_norm_trgm ON names USING gin (norm gin_trgm_ops)");
        return watch.Elapsed.TotalSeconds;
    }

    /// <summary><c>VACUUM ANALYZE</c>, so the planner has statistics and autovacuum has nothing left to do while timed; seconds.</summary>
    public double VacuumAnalyze()
    {
        using var connection = Open();
        var watch = Stopwatch.StartNew();
        Execute(connection, "VACUUM ANALYZE names");
        return watch.Elapsed.TotalSeconds;
    }

    /// <summary>Bytes of the table (with TOAST) and of the trigram index.</summary>
    public (long Table, long Index) Sizes()
    {
        using var connection = Open();
        using var command = new NpgsqlCommand("SELECT pg_table_size('names'), pg_relation_size('names_norm_trgm')", connection);
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>The server's version and the settings the figures depend on.</summary>
    public string Describe()
    {
        using var connection = Open();
        using var command = new NpgsqlCommand(
            "SELECT current_setting('server_version'), current_setting('shared_buffers'), current_setting('work_mem'), current_setting('fsync'), current_setting('jit')",
            connection);
        using var reader = command.ExecuteReader();
        reader.Read();
        return Invariant.Format($"PostgreSQL {reader.GetString(0)}, shared_buffers {reader.GetString(1)}, work_mem {reader.GetString(2)}, fsync {reader.GetString(3)}, jit {reader.GetString(4)} (the peer's sessions set jit off)");
    }

    /// <summary>Similarity, Levenshtein similarity and double-metaphone equality of each pair, computed in PostgreSQL in one query.</summary>
    public IReadOnlyList<PairFeatures> ScorePairs(IReadOnlyList<NamePair> pairs)
    {
        using var connection = Open();
        using var command = new NpgsqlCommand(PairSql, connection);
        command.Parameters.Add(new NpgsqlParameter("a", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = pairs.Select(p => p.Name1).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("b", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = pairs.Select(p => p.Name2).ToArray() });
        using var reader = command.ExecuteReader();
        var features = new List<PairFeatures>(pairs.Count);
        while (reader.Read())
        {
            features.Add(new PairFeatures(pairs[features.Count], reader.GetFloat(0), reader.GetDouble(1), reader.GetBoolean(2)));
        }

        return features.Count == pairs.Count ? features : throw new InvalidOperationException($"{features.Count} scores for {pairs.Count} pairs");
    }

    /// <summary>One connection with the threshold set and the query prepared, for one thread.</summary>
    public PgTrgmSearcher OpenSearcher(PeerSettings settings) => new(Open(), settings);

    private NpgsqlConnection Open()
    {
        var connection = new NpgsqlConnection(_connectionString);
        try
        {
            connection.Open();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA2100", Justification = "Only the constant statements above reach here.")]
    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        command.ExecuteNonQuery();
    }
}

/// <summary>One open connection of the peer, its threshold set and its query prepared; one query at a time.</summary>
internal sealed class PgTrgmSearcher : IDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlCommand _search;

    public PgTrgmSearcher(NpgsqlConnection connection, PeerSettings settings)
    {
        _connection = connection;
        using (var set = new NpgsqlCommand("SELECT set_config('pg_trgm.similarity_threshold', @t, false), set_config('jit', 'off', false)", connection))
        {
            set.Parameters.AddWithValue("t", Invariant.Format($"{settings.Threshold:0.00}"));
            set.ExecuteNonQuery();
        }

        _search = new NpgsqlCommand(PgTrgmPeer.SearchSql, connection);
        _search.Parameters.Add(new NpgsqlParameter("name", NpgsqlDbType.Text) { Value = "" });
        _search.Parameters.Add(new NpgsqlParameter("bonus", NpgsqlDbType.Double) { Value = settings.Bonus });
        _search.Parameters.Add(new NpgsqlParameter("accept", NpgsqlDbType.Double) { Value = settings.Accept });
        _search.Prepare();
    }

    /// <summary>The entity ids of the accepted names, best first (an entity can appear once per matching name).</summary>
    public IReadOnlyList<string> Search(string name)
    {
        _search.Parameters[0].Value = name;
        using var reader = _search.ExecuteReader();
        var ids = new List<string>(10);
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    /// <summary>The plan of the prepared query for one name, with timings, for the output.</summary>
    public string Explain(string name)
    {
        using var command = new NpgsqlCommand("EXPLAIN (ANALYZE, COSTS OFF) " + PgTrgmPeer.SearchSql, _connection);
        foreach (NpgsqlParameter parameter in _search.Parameters)
        {
            command.Parameters.Add(parameter.Clone());
        }

        command.Parameters[0].Value = name;
        using var reader = command.ExecuteReader();
        var lines = new List<string>();
        while (reader.Read())
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join('\n', lines);
    }

    public void Dispose()
    {
        _search.Dispose();
        _connection.Dispose();
    }
}
