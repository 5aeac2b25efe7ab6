using System.Diagnostics;
using Cordon.Lists;
using Cordon.Sqlite;
using Cordon.Storage;

namespace Cordon.Benchmarks;

/// <summary>
/// <c>import --entities N [--seed S] [--runs R] [--work DIR]</c>: times the FtM import of a synthetic population into a
/// fresh SQLite store R times, then a second, unchanged import of the same file into the last store.
/// </summary>
internal static class ImportBenchmark
{
    public const string Dataset = "synth";

    public static int Run(BenchArgs args)
    {
        var count = args.Int("entities");
        var seed = args.Int("seed", GenerateCommand.DefaultSeed, min: 0);
        var runs = args.Int("runs", 3);
        var postgres = args.String("postgres");
        var files = BenchFiles.In(args.String("work"), count, seed);
        BenchEnvironment.Print();
        var generateSeconds = files.GenerateInput(count, seed);

        var seconds = new List<double>(runs);
        for (var run = 1; run <= runs; run++)
        {
            files.DeleteDatabase();
            var (elapsed, result) = TimeImport(files, postgres, fresh: true);
            if (!result.NewVersion || result.Entities != count || result.Added != count)
            {
                Console.Error.WriteLine(Invariant.Format($"run {run}: expected a new version with {count} added entities, got {result}"));
                return 1;
            }

            seconds.Add(elapsed);
            Console.WriteLine(Invariant.Format($"run {run}: {elapsed:F2} s, {count / elapsed:F0} entities/s (version {result.Version}, {result.Added} added; database {DatabaseBytes(files, postgres) / 1048576.0:F0} MiB)"));
        }

        var (reimport, unchanged) = TimeImport(files, postgres, fresh: false);
        Console.WriteLine(Invariant.Format($"re-import unchanged: {reimport:F2} s, new_version={(unchanged.NewVersion ? "true" : "false")}, unchanged={unchanged.Unchanged}"));
        if (unchanged.NewVersion)
        {
            Console.Error.WriteLine("re-importing the same file must not record a new version");
            return 1;
        }

        var median = Median(seconds);
        var peak = Process.GetCurrentProcess().PeakWorkingSet64 / 1048576;
        Console.WriteLine(Invariant.Format($"median: {median:F2} s, {count / median:F0} entities/s; peak working set {peak} MiB"));
        Console.WriteLine(BenchJson.Line(writer =>
        {
            writer.WriteString("benchmark", postgres is null ? "import-ftm-sqlite" : "import-ftm-postgres");
            writer.WriteNumber("entities", count);
            writer.WriteStartArray("runs");
            foreach (var s in seconds)
            {
                writer.WriteNumberValue(Math.Round(s, 3));
            }

            writer.WriteEndArray();
            writer.WriteNumber("median_s", Math.Round(median, 3));
            writer.WriteNumber("reimport_unchanged_s", Math.Round(reimport, 3));
            writer.WriteNumber("entities_per_s", Math.Round(count / median));
            writer.WriteNumber("seed", seed);
            writer.WriteNumber("generate_s", Math.Round(generateSeconds, 3));
            writer.WriteNumber("file_bytes", files.InputBytes);
            writer.WriteNumber("db_bytes", DatabaseBytes(files, postgres));
            writer.WriteNumber("peak_working_set_mib", peak);
        }));
        return 0;
    }

    /// <summary>
    /// Opens the store (not timed), then times exactly what <c>cordon import</c> does. With <paramref name="postgres"/>
    /// (a connection string to a server's maintenance database) the store is the database <c>cordon_bench</c> on that
    /// server, made afresh when <paramref name="fresh"/>.
    /// </summary>
    private static (double Seconds, ImportResult Result) TimeImport(BenchFiles files, string? postgres, bool fresh)
    {
        using Cordon.Storage.ICordonStore store = postgres is null ? SqliteStore.Open(files.Database) : OpenPostgres(postgres, fresh);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var watch = Stopwatch.StartNew();
        var outcome = Importer.Import(store, "ftm", files.Input, new ImportOptions(Dataset: Dataset));
        watch.Stop();
        return (watch.Elapsed.TotalSeconds, outcome.Result);
    }

    private const string PostgresDatabase = "cordon_bench";

    private static Cordon.Postgres.PostgresStore OpenPostgres(string server, bool fresh)
    {
        if (fresh)
        {
            using var connection = new Npgsql.NpgsqlConnection(server);
            connection.Open();
            using var drop = new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS {PostgresDatabase} WITH (FORCE)", connection);
            drop.ExecuteNonQuery();
            using var create = new Npgsql.NpgsqlCommand($"CREATE DATABASE {PostgresDatabase}", connection);
            create.ExecuteNonQuery();
        }

        return Cordon.Postgres.PostgresStore.Open(new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = PostgresDatabase }.ConnectionString);
    }

    private static long DatabaseBytes(BenchFiles files, string? postgres)
    {
        if (postgres is null)
        {
            return files.DatabaseBytes;
        }

        using var connection = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(postgres) { Database = PostgresDatabase, Pooling = false }.ConnectionString);
        connection.Open();
        using var size = new Npgsql.NpgsqlCommand("SELECT pg_database_size(current_database())", connection);
        return (long)size.ExecuteScalar()!;
    }

    internal static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
