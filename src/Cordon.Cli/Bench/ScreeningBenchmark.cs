using System.Diagnostics;
using Cordon.Screening;
using Cordon.Synthetic;

namespace Cordon.Cli.Bench;

/// <summary>Latency and throughput of a matcher on the benchmark queries.</summary>
internal sealed record LatencyFigures(string Name, int Queries, double P50Ms, double P99Ms, double Qps);

/// <summary>Everything one run of <c>cordon bench screening</c> measured.</summary>
internal sealed record ScreeningBenchmarkResult(
    int Entities,
    int Queries,
    int Names,
    double GenerateSeconds,
    double BuildSeconds,
    double MemoryMb,
    double IndexMemoryMb,
    LatencyFigures Cordon,
    double AllCoresQps,
    int RecallQueries,
    double RecallVsBruteForce,
    int BruteForceHits,
    IReadOnlyList<LatencyFigures> Baselines);

/// <summary>
/// Builds a seeded synthetic watchlist, screens seeded queries against it one thread at a time and on all cores,
/// checks the index against brute-force scoring of every name, and measures two baseline matchers on the same queries.
/// </summary>
internal static class ScreeningBenchmark
{
    public static ScreeningBenchmarkResult Run(int entityCount, int queryCount, int seed, int recallQueries, int baselineQueries, Action<string> log)
    {
        var watch = Stopwatch.StartNew();
        var entities = new SyntheticPeople(seed).Generate(entityCount).ToList();
        var generateSeconds = watch.Elapsed.TotalSeconds;
        log(FormattableString.Invariant($"generated {entities.Count} entities in {generateSeconds:0.0} s"));

        var before = ManagedMegabytes();
        watch.Restart();
        var index = ScreeningIndex.Build(entities);
        var buildSeconds = watch.Elapsed.TotalSeconds;
        var after = ManagedMegabytes();
        log(FormattableString.Invariant($"index: {index.NameCount} names, {index.KeyCount} keys, built in {buildSeconds:0.0} s, {after - before:0} MB"));

        var screener = new Screener(index);
        var queries = new SyntheticQueries(seed).Generate(entities, queryCount);
        foreach (var query in queries.Take(200))
        {
            screener.Screen(new ScreeningQuery(query.Name));
        }

        var cordon = Measure("cordon", queries, q => screener.Screen(new ScreeningQuery(q)).Results.Count);
        log(FormattableString.Invariant($"cordon one thread: p50 {cordon.P50Ms:0.000} ms, p99 {cordon.P99Ms:0.000} ms, {cordon.Qps:0} queries/s"));

        watch.Restart();
        Parallel.ForEach(queries, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, q => screener.Screen(new ScreeningQuery(q.Name)));
        var allCoresQps = queries.Count / watch.Elapsed.TotalSeconds;
        log(FormattableString.Invariant($"cordon all {Environment.ProcessorCount} cores: {allCoresQps:0} queries/s"));

        var (recall, bruteHits, recallCount) = Recall(screener, queries, recallQueries);
        log(FormattableString.Invariant($"recall vs brute force over {recallCount} queries: {recall:P2} of {bruteHits} hits"));

        var baselines = new List<LatencyFigures>();
        foreach (var baseline in new IBaseline[] { new WatchmanBaseline(entities), new FuzzySharpBaseline(entities) })
        {
            var sample = queries.Take(baseline is FuzzySharpBaseline ? Math.Max(1, baselineQueries / 10) : baselineQueries).ToList();
            var figures = Measure(baseline.Name, sample, q => baseline.Screen(q).Count);
            baselines.Add(figures);
            log(FormattableString.Invariant($"{baseline.Name}: p50 {figures.P50Ms:0.000} ms, p99 {figures.P99Ms:0.000} ms, {figures.Qps:0.0} queries/s over {figures.Queries} queries"));
        }

        return new ScreeningBenchmarkResult(entities.Count, queries.Count, index.NameCount, generateSeconds, buildSeconds, after, after - before,
            cordon, allCoresQps, recallCount, recall, bruteHits, baselines);
    }

    /// <summary>The share of brute-force hits at the default threshold that the index also returns.</summary>
    private static (double Recall, int BruteHits, int Queries) Recall(Screener screener, IReadOnlyList<SyntheticQuery> queries, int count)
    {
        var sample = queries.Take(count).ToList();
        int found = 0, total = 0;
        var gate = new object();
        Parallel.ForEach(sample, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, query =>
        {
            var request = new ScreeningQuery(query.Name) { Limit = 1000 };
            var brute = screener.Screen(request, exhaustive: true).Results.Select(r => r.Entity.Id).ToHashSet(StringComparer.Ordinal);
            var indexed = screener.Screen(request).Results.Select(r => r.Entity.Id).ToHashSet(StringComparer.Ordinal);
            lock (gate)
            {
                total += brute.Count;
                found += brute.Count(indexed.Contains);
            }
        });
        return (total == 0 ? 1.0 : (double)found / total, total, sample.Count);
    }

    private static LatencyFigures Measure(string name, IReadOnlyList<SyntheticQuery> queries, Func<string, int> screen)
    {
        var latencies = new double[queries.Count];
        var total = Stopwatch.StartNew();
        for (var i = 0; i < queries.Count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            screen(queries[i].Name);
            latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        var seconds = total.Elapsed.TotalSeconds;
        Array.Sort(latencies);
        return new LatencyFigures(name, queries.Count, Percentile(latencies, 0.50), Percentile(latencies, 0.99), queries.Count / seconds);
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static double ManagedMegabytes()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true) / 1048576.0;
    }
}
