namespace Cordon.Benchmarks;

/// <summary>
/// Synthetic data and end-to-end benchmarks: <c>generate</c> writes a seeded population as FtM JSON lines,
/// <c>import</c> times its import into SQLite (or PostgreSQL), <c>profile</c> splits that time by stage,
/// <c>cross-script</c> measures how the real UN list finds its entities by names it does not index,
/// <c>screen-input</c> writes the seeded CSV the <c>cordon screen-file</c> benchmark screens,
/// <c>pair</c> shows how one name scores against another, <c>propagation</c> times a change from one node to another,
/// <c>load</c> drives <c>POST /v1/screen</c> at a constant rate,
/// <c>pg-peer</c> compares Cordon's matcher with a PostgreSQL <c>pg_trgm</c> + <c>fuzzystrmatch</c> peer.
/// </summary>
internal static class Program
{
    private const string Usage = """
        usage:
          generate --entities N [--seed S] --out FILE
          import   --entities N [--seed S] [--runs R] [--work DIR] [--postgres CONNSTRING]
          profile  --entities N [--seed S] [--work DIR]
          cross-script [--un PATH] [--show N]
          name-frequencies [--un PATH] [--ofac DIR] --out FILE
          recall   [--entities N] [--queries Q] [--seed S] [--brute 0|1] [--slow K] [--limit L] [--parts a,b] [--only "q1|q2"] [--bounds K] [--allocations K] [--thresholds t1,t2]
          screen-input --rows N [--seed S] --out FILE [--un PATH] [--ofac DIR] [--format csv|ndjson]
          load     --url URL --key KEY --input CSV [--rate R] [--seconds S] [--warmup W] [--connections C]
          pair     --a NAME --b NAME [--org 0|1]
          propagation --a URL --b URL --key KEY --dataset AGENCY_NAME [--samples N]
          pg-peer  --postgres CONNSTRING [--entities N] [--queries Q] [--seed S] [--pairs CSV] [--cordon-passes K]
        """;

    private static int Main(string[] args)
    {
        try
        {
            var rest = args.AsSpan(Math.Min(1, args.Length));
            return (args.Length > 0 ? args[0] : "") switch
            {
                "generate" => GenerateCommand.Run(BenchArgs.Parse(rest, "entities", "seed", "out")),
                "import" => ImportBenchmark.Run(BenchArgs.Parse(rest, "entities", "seed", "runs", "work", "postgres")),
                "profile" => ProfileCommand.Run(BenchArgs.Parse(rest, "entities", "seed", "work")),
                "recall" => RecallCommand.Run(BenchArgs.Parse(rest, "entities", "queries", "seed", "parts", "brute", "slow", "only", "limit", "bounds", "allocations", "thresholds")),
                "cross-script" => CrossScriptBenchmark.Run(BenchArgs.Parse(rest, "un", "show")),
                "name-frequencies" => NameFrequencyCommand.Run(BenchArgs.Parse(rest, "un", "ofac", "out")),
                "screen-input" => ScreenInputCommand.Run(BenchArgs.Parse(rest, "rows", "seed", "out", "un", "ofac", "format")),
                "load" => LoadCommand.Run(BenchArgs.Parse(rest, "url", "key", "input", "rate", "seconds", "warmup", "connections")),
                "pair" => PairCommand.Run(BenchArgs.Parse(rest, "a", "b", "org")),
                "propagation" => PropagationCommand.Run(BenchArgs.Parse(rest, "a", "b", "key", "samples", "dataset")),
                "pg-peer" => PgPeerCommand.Run(BenchArgs.Parse(rest, "postgres", "entities", "queries", "seed", "pairs", "cordon-passes")),
                _ => Fail(Usage),
            };
        }
        catch (ArgumentException ex)
        {
            return Fail($"{ex.Message}\n{Usage}");
        }
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return 2;
    }
}
