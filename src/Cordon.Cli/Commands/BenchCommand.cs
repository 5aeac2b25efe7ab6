using System.CommandLine;
using System.Globalization;
using Cordon.Cli.Bench;
using Spectre.Console;

namespace Cordon.Cli.Commands;

/// <summary><c>cordon bench screening</c>: index build, latency, throughput and recall on a seeded synthetic watchlist.</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var entities = new Option<int>("--entities") { Description = "Size of the synthetic watchlist.", DefaultValueFactory = _ => 100_000 };
        var queries = new Option<int>("--queries") { Description = "How many queries to time.", DefaultValueFactory = _ => 10_000 };
        var seed = new Option<int>("--seed") { Description = "Seed of the synthetic data.", DefaultValueFactory = _ => 42 };
        var recall = new Option<int>("--recall-queries") { Description = "Queries checked against brute-force scoring of every name.", DefaultValueFactory = _ => 100 };
        var baseline = new Option<int>("--baseline-queries") { Description = "Queries given to the baselines (FuzzySharp gets a tenth: it scans every name).", DefaultValueFactory = _ => 1000 };
        var screening = new Command("screening", "Benchmark name screening on a seeded synthetic watchlist, with two baselines on the same queries.")
        {
            entities, queries, seed, recall, baseline,
        };
        screening.SetAction(parse => CommonOptions.Run(() =>
        {
            var n = parse.GetValue(entities);
            var m = parse.GetValue(queries);
            if (n < 1 || m < 1 || parse.GetValue(recall) < 0 || parse.GetValue(baseline) < 1)
            {
                throw new UsageException("--entities, --queries and --baseline-queries must be at least 1");
            }

            var json = parse.GetValue(CommonOptions.Json);
            var result = ScreeningBenchmark.Run(n, m, parse.GetValue(seed), parse.GetValue(recall), parse.GetValue(baseline),
                line => Console.Error.WriteLine(line));
            if (json)
            {
                JsonOutput.Write(w =>
                {
                    w.WriteStartObject();
                    w.WriteNumber("entities", result.Entities);
                    w.WriteNumber("queries", result.Queries);
                    w.WriteNumber("names", result.Names);
                    w.WriteNumber("build_s", Math.Round(result.BuildSeconds, 3));
                    w.WriteNumber("memory_mb", Math.Round(result.MemoryMb, 1));
                    w.WriteNumber("index_memory_mb", Math.Round(result.IndexMemoryMb, 1));
                    w.WriteNumber("p50_ms", Math.Round(result.Cordon.P50Ms, 4));
                    w.WriteNumber("p99_ms", Math.Round(result.Cordon.P99Ms, 4));
                    w.WriteNumber("qps", Math.Round(result.AllCoresQps, 1));
                    w.WriteNumber("qps_one_thread", Math.Round(result.Cordon.Qps, 1));
                    w.WriteNumber("recall_vs_bruteforce", Math.Round(result.RecallVsBruteForce, 4));
                    w.WriteNumber("recall_queries", result.RecallQueries);
                    w.WriteNumber("bruteforce_hits", result.BruteForceHits);
                    w.WriteNumber("cores", Environment.ProcessorCount);
                    w.WriteStartArray("baselines");
                    foreach (var b in result.Baselines)
                    {
                        w.WriteStartObject();
                        w.WriteString("name", b.Name);
                        w.WriteNumber("queries", b.Queries);
                        w.WriteNumber("p50_ms", Math.Round(b.P50Ms, 4));
                        w.WriteNumber("p99_ms", Math.Round(b.P99Ms, 4));
                        w.WriteNumber("qps", Math.Round(b.Qps, 2));
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                });
                return ExitCodes.Ok;
            }

            var table = new Table().AddColumns("Matcher", "Queries", "p50 ms", "p99 ms", "Queries/s (one thread)");
            foreach (var f in new[] { result.Cordon }.Concat(result.Baselines))
            {
                table.AddRow(f.Name, I(f.Queries), D(f.P50Ms, "0.000"), D(f.P99Ms, "0.000"), D(f.Qps, "0.0"));
            }

            AnsiConsole.Write(table);
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                $"{result.Entities} entities ({result.Names} names): index built in {D(result.BuildSeconds, "0.00")} s, {D(result.MemoryMb, "0")} MB managed; all cores {D(result.AllCoresQps, "0")} queries/s; recall vs brute force {D(result.RecallVsBruteForce * 100, "0.00")} % over {result.RecallQueries} queries");
            return ExitCodes.Ok;
        }));
        return new Command("bench", "Measure Cordon's speed and quality on seeded synthetic data.") { screening };
    }

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string D(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
