using System.Diagnostics;
using System.Text.Json;
using Cordon.Screening;
using Cordon.Screening.Evaluation;
using Cordon.Synthetic;

namespace Cordon.Benchmarks;

/// <summary>
/// <c>pg-peer --postgres CONNSTRING [--entities N] [--queries Q] [--seed S] [--pairs CSV] [--cordon-passes K]</c>:
/// Cordon's matcher and a PostgreSQL <c>pg_trgm</c> + <c>fuzzystrmatch</c> peer (<see cref="PgTrgmPeer"/>) on the same
/// seeded entities and queries in one run: set-up times, F1 on the labelled pairs, latency one query at a time,
/// throughput with one and two threads, and how often each finds the entity a query was made from.
/// </summary>
internal static class PgPeerCommand
{
    public static int Run(BenchArgs args)
    {
        var server = args.RequireString("postgres");
        var entityCount = args.Int("entities", 1_000_000);
        var queryCount = args.Int("queries", 1000);
        var seed = args.Int("seed", GenerateCommand.DefaultSeed, min: 0);
        var pairsPath = args.String("pairs") ?? "../shared/data/names/eval/name_pairs.csv";
        var cordonPasses = args.Int("cordon-passes", 5);
        BenchEnvironment.Print();

        var watch = Stopwatch.StartNew();
        var entities = new SyntheticPeople(seed).Generate(entityCount).ToList();
        var queries = new SyntheticQueries(seed).Generate(entities, queryCount);
        var pairs = NamePairs.Read(pairsPath);
        Console.WriteLine(Invariant.Format(
            $"generated {entities.Count:N0} entities and {queries.Count} queries ({queries.Count(q => q.SourceId is not null)} made from listed entities) with seed {seed} in {watch.Elapsed.TotalSeconds:F1} s; {pairs.Count} pairs from {pairsPath}"));

        // Cordon first, while the server is idle.
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        watch.Restart();
        var screener = new Screener(ScreeningIndex.Build(entities));
        var cordonBuild = watch.Elapsed.TotalSeconds;
        var cordonHeap = GC.GetTotalMemory(forceFullCollection: true) - heapBefore;
        var cordonPairs = NamePairEvaluation.Evaluate(pairs, Screener.DefaultThreshold);
        var cordonCounts = new PairCounts(cordonPairs.TruePositives, cordonPairs.FalsePositives, cordonPairs.FalseNegatives, cordonPairs.TrueNegatives);
        Func<string, IReadOnlyList<string>> cordon = name =>
            [.. screener.Screen(new ScreeningQuery(name) { Limit = 10, Threshold = Screener.DefaultThreshold }).Results.Select(r => r.Entity.Id)];
        var loadBefore = LoadAverage();
        QueryTiming.Run(queries, [cordon, cordon]);
        // A pass over the queries takes Cordon about a second, so one burst of other work on the shared machine would
        // decide it: the timed passes go over the queries several times (the peer's single pass takes minutes).
        var repeated = Enumerable.Repeat(queries, cordonPasses).SelectMany(q => q).ToList();
        var (gen2, pause) = (GC.CollectionCount(2), GC.GetTotalPauseDuration());
        var cordonOne = QueryTiming.Run(repeated, [cordon]);
        var (gen2One, pauseOne) = (GC.CollectionCount(2) - gen2, GC.GetTotalPauseDuration() - pause);
        var cordonTwo = QueryTiming.Run(repeated, [cordon, cordon]);
        var (gen2Two, pauseTwo) = (GC.CollectionCount(2) - gen2 - gen2One, GC.GetTotalPauseDuration() - pause - pauseOne);
        Console.WriteLine(Invariant.Format($"Cordon done: index {cordonBuild:F1} s, {cordonOne.PerSecond:F0} queries/s on one thread"));

        var peer = PgTrgmPeer.CreateFresh(server);
        Console.WriteLine(peer.Describe());
        var (loadSeconds, rows) = peer.Load(entities);
        var indexSeconds = peer.BuildIndex();
        var vacuumSeconds = peer.VacuumAnalyze();
        var (tableBytes, indexBytes) = peer.Sizes();
        var features = peer.ScorePairs(pairs);
        var (settings, peerCounts) = PgPeerTuning.Tune(features);
        var (atDefaultSettings, atDefault) = PgPeerTuning.TuneAt(features, 0.30);
        Console.WriteLine(Invariant.Format($"peer loaded: {rows:N0} names, COPY {loadSeconds:F1} s, GIN index {indexSeconds:F1} s, VACUUM ANALYZE {vacuumSeconds:F1} s"));
        using var first = peer.OpenSearcher(settings);
        using var second = peer.OpenSearcher(settings);
        QueryTiming.Run(queries, [first.Search, second.Search]);
        var peerOne = QueryTiming.Run(queries, [first.Search]);
        var peerTwo = QueryTiming.Run(queries, [first.Search, second.Search]);
        var loadAfter = LoadAverage();
        var listed = queries.First(q => q.SourceId is not null).Name;
        Console.WriteLine($"peer plan for '{listed}':\n{first.Explain(listed)}");

        var sides = new Sides(cordonOne, peerOne);
        Console.WriteLine();
        Console.WriteLine(Invariant.Format($"== Cordon vs PostgreSQL pg_trgm + fuzzystrmatch peer: {entities.Count:N0} entities, {queries.Count} queries, seed {seed} =="));
        Console.WriteLine(Invariant.Format(
            $"peer settings: pg_trgm.similarity_threshold T = {settings.Threshold:F2}, accept A = {settings.Accept:F2}, dmetaphone bonus {settings.Bonus:F2}; tuned for best F1 on {Path.GetFileName(pairsPath)} itself, the set F1 is reported on (favours the peer)"));
        Console.WriteLine(Invariant.Format(
            $"set-up: Cordon index build {cordonBuild:F1} s, managed heap +{cordonHeap / 1048576.0:F0} MiB | peer COPY {loadSeconds:F1} s ({rows:N0} names), GIN index {indexSeconds:F1} s, VACUUM ANALYZE {vacuumSeconds:F1} s, table {tableBytes / 1048576.0:F0} MiB, index {indexBytes / 1048576.0:F0} MiB"));
        Console.WriteLine("                         precision  recall      F1");
        Console.WriteLine(Invariant.Format($"Cordon at 0.70 (untuned)     {cordonCounts.Precision,6:F3}  {cordonCounts.Recall,6:F3}  {cordonCounts.F1,6:F3}   (Cordon's best-F1 threshold would be {cordonPairs.BestThreshold:F2}: F1 {cordonPairs.BestF1:F3})"));
        Console.WriteLine(Invariant.Format($"peer, tuned                  {peerCounts.Precision,6:F3}  {peerCounts.Recall,6:F3}  {peerCounts.F1,6:F3}   F1 peer/Cordon {peerCounts.F1 / cordonCounts.F1:F3}"));
        Console.WriteLine(Invariant.Format($"peer at T = 0.30 (A {atDefaultSettings.Accept:F2}, bonus {atDefaultSettings.Bonus:F2}) {atDefault.Precision,6:F3}  {atDefault.Recall,6:F3}  {atDefault.F1,6:F3}"));
        Console.WriteLine(Invariant.Format($"latency, one at a time (ms)    p50      p90      p99     mean   (Cordon: the queries {cordonPasses} times over, pooled; peer: once)"));
        Console.WriteLine(Latency("Cordon (in process)", cordonOne));
        Console.WriteLine(Latency("peer (loopback TCP)", peerOne));
        Console.WriteLine(Invariant.Format(
            $"peer/Cordon              {peerOne.Percentile(0.5) / cordonOne.Percentile(0.5),8:F1} {peerOne.Percentile(0.9) / cordonOne.Percentile(0.9),8:F1} {peerOne.Percentile(0.99) / cordonOne.Percentile(0.99),8:F1} {peerOne.MeanMs / cordonOne.MeanMs,8:F1}"));
        Console.WriteLine(Invariant.Format(
            $"throughput (queries/s): 1 thread Cordon {cordonOne.PerSecond:F1}, peer {peerOne.PerSecond:F1}, peer/Cordon {peerOne.PerSecond / cordonOne.PerSecond:F4}; 2 threads Cordon {cordonTwo.PerSecond:F1}, peer {peerTwo.PerSecond:F1}, peer/Cordon {peerTwo.PerSecond / cordonTwo.PerSecond:F4}"));
        Console.WriteLine(Invariant.Format(
            $"Cordon's garbage collections while timed: 1 thread {gen2One} gen2, {pauseOne.TotalMilliseconds:F0} ms paused; 2 threads {gen2Two} gen2, {pauseTwo.TotalMilliseconds:F0} ms paused"));
        Console.WriteLine(Invariant.Format(
            $"source entity in the top 10 ({sides.Listed} listed queries): Cordon {cordonOne.FoundRate:P1}, peer {peerOne.FoundRate:P1}; both {sides.Both}, only Cordon {sides.OnlyCordon}, only peer {sides.OnlyPeer}, neither {sides.Neither}"));
        Console.WriteLine(Invariant.Format(
            $"mean results for the {queries.Count - sides.Listed} unlisted queries: Cordon {cordonOne.MeanHitsUnlisted:F2}, peer {peerOne.MeanHitsUnlisted:F2} (distinct entities)"));
        var peak = Process.GetCurrentProcess().PeakWorkingSet64 / 1048576;
        Console.WriteLine($"machine load average (1, 5, 15 min) before Cordon's queries: {loadBefore}; after the peer's: {loadAfter}");
        Console.WriteLine(Invariant.Format($"peak working set of this process {peak} MiB (entities, Cordon's index and the peer's client)"));

        Console.WriteLine(BenchJson.Line(writer =>
        {
            writer.WriteString("benchmark", "pg-peer");
            writer.WriteNumber("entities", entities.Count);
            writer.WriteNumber("queries", queries.Count);
            writer.WriteNumber("seed", seed);
            writer.WriteNumber("pairs", pairs.Count);
            writer.WriteNumber("cordon_passes", cordonPasses);
            writer.WriteNumber("peer_threshold", settings.Threshold);
            writer.WriteNumber("peer_accept", settings.Accept);
            writer.WriteNumber("peer_dmetaphone_bonus", settings.Bonus);
            writer.WriteNumber("peer_names", rows);
            writer.WriteNumber("peer_copy_s", Math.Round(loadSeconds, 2));
            writer.WriteNumber("peer_index_s", Math.Round(indexSeconds, 2));
            writer.WriteNumber("peer_vacuum_analyze_s", Math.Round(vacuumSeconds, 2));
            writer.WriteNumber("peer_table_bytes", tableBytes);
            writer.WriteNumber("peer_index_bytes", indexBytes);
            writer.WriteNumber("cordon_index_s", Math.Round(cordonBuild, 2));
            writer.WriteNumber("cordon_heap_bytes", cordonHeap);
            Quality(writer, "cordon", cordonCounts);
            Quality(writer, "peer", peerCounts);
            Quality(writer, "peer_t030", atDefault);
            Timing(writer, "cordon", cordonOne, cordonTwo);
            writer.WriteNumber("cordon_gc_pause_ms_1", Math.Round(pauseOne.TotalMilliseconds));
            writer.WriteNumber("cordon_gc_pause_ms_2", Math.Round(pauseTwo.TotalMilliseconds));
            Timing(writer, "peer", peerOne, peerTwo);
            writer.WriteNumber("peak_working_set_mib", peak);
        }));
        return 0;
    }

    /// <summary>The 1, 5 and 15 minute load averages: the machine is shared, so a run says how busy it was.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string Latency(string label, QueryRun run) =>
        Invariant.Format($"{label,-24} {run.Percentile(0.5),8:F3} {run.Percentile(0.9),8:F3} {run.Percentile(0.99),8:F3} {run.MeanMs,8:F3}");

    private static void Quality(Utf8JsonWriter writer, string prefix, PairCounts counts)
    {
        writer.WriteNumber(prefix + "_precision", Math.Round(counts.Precision, 4));
        writer.WriteNumber(prefix + "_recall", Math.Round(counts.Recall, 4));
        writer.WriteNumber(prefix + "_f1", Math.Round(counts.F1, 4));
    }

    private static void Timing(Utf8JsonWriter writer, string prefix, QueryRun one, QueryRun two)
    {
        writer.WriteNumber(prefix + "_p50_ms", Math.Round(one.Percentile(0.5), 3));
        writer.WriteNumber(prefix + "_p90_ms", Math.Round(one.Percentile(0.9), 3));
        writer.WriteNumber(prefix + "_p99_ms", Math.Round(one.Percentile(0.99), 3));
        writer.WriteNumber(prefix + "_mean_ms", Math.Round(one.MeanMs, 3));
        writer.WriteNumber(prefix + "_qps_1", Math.Round(one.PerSecond, 1));
        writer.WriteNumber(prefix + "_qps_2", Math.Round(two.PerSecond, 1));
        writer.WriteNumber(prefix + "_found_rate", Math.Round(one.FoundRate, 4));
    }

    /// <summary>How the two sides' found rates overlap on the listed queries.</summary>
    private sealed class Sides
    {
        public Sides(QueryRun cordon, QueryRun peer)
        {
            // Cordon's run can go over the queries several times: the zip stops at the end of the peer's single pass.
            foreach (var ((_, c), (_, p)) in cordon.Sources().Zip(peer.Sources()))
            {
                Listed++;
                _ = (c, p) switch
                {
                    (true, true) => Both++,
                    (true, false) => OnlyCordon++,
                    (false, true) => OnlyPeer++,
                    _ => Neither++,
                };
            }
        }

        public int Listed { get; }

        public int Both { get; }

        public int OnlyCordon { get; }

        public int OnlyPeer { get; }

        public int Neither { get; }
    }
}
