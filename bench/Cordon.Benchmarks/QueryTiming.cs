using System.Diagnostics;
using Cordon.Synthetic;

namespace Cordon.Benchmarks;

/// <summary>
/// One pass over the queries: each worker runs on its own thread and takes the next query when its last is answered
/// (closed loop), so with one worker the latencies are those of one query at a time and with two the pass measures
/// throughput on both cores.
/// </summary>
internal static class QueryTiming
{
    public static QueryRun Run(IReadOnlyList<SyntheticQuery> queries, IReadOnlyList<Func<string, IReadOnlyList<string>>> workers)
    {
        var latencies = new double[queries.Count];
        var results = new IReadOnlyList<string>[queries.Count];
        var next = -1;
        Exception? failure = null;
        using var start = new Barrier(workers.Count + 1);
        var threads = workers.Select(worker => new Thread(() =>
        {
            start.SignalAndWait();
            try
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < queries.Count)
                {
                    var begin = Stopwatch.GetTimestamp();
                    results[i] = worker(queries[i].Name);
                    latencies[i] = Stopwatch.GetElapsedTime(begin).TotalMilliseconds;
                }
            }
            catch (Exception ex)
            {
                // Stop the other workers too; the failure is rethrown on the calling thread.
                Interlocked.CompareExchange(ref failure, ex, null);
                Interlocked.Exchange(ref next, queries.Count);
            }
        })).ToList();
        foreach (var thread in threads)
        {
            thread.Start();
        }

        start.SignalAndWait();
        var wall = Stopwatch.StartNew();
        foreach (var thread in threads)
        {
            thread.Join();
        }

        wall.Stop();
        return failure is null
            ? new QueryRun(queries, latencies, wall.Elapsed.TotalSeconds, results)
            : throw new InvalidOperationException("a query failed", failure);
    }
}

/// <summary>The latencies, wall time and results of one pass over the queries.</summary>
internal sealed record QueryRun(IReadOnlyList<SyntheticQuery> Queries, double[] LatencyMs, double Seconds, IReadOnlyList<string>[] Results)
{
    private readonly double[] _sorted = [.. LatencyMs.Order()];

    public double PerSecond => Queries.Count / Seconds;

    public double MeanMs => LatencyMs.Average();

    /// <summary>Nearest-rank percentile, <paramref name="p"/> in (0, 1].</summary>
    public double Percentile(double p) => _sorted[Math.Clamp((int)Math.Ceiling(p * _sorted.Length) - 1, 0, _sorted.Length - 1)];

    /// <summary>For each query made from a listed entity: whether that entity is among the results.</summary>
    public IEnumerable<(int Query, bool Found)> Sources() =>
        Queries.Select((q, i) => (q, i))
            .Where(x => x.q.SourceId is not null)
            .Select(x => (x.i, Results[x.i].Contains(x.q.SourceId!, StringComparer.Ordinal)));

    public double FoundRate => Sources().Average(s => s.Found ? 1.0 : 0.0);

    /// <summary>The mean number of results (distinct entities) for the queries made from people not on the list.</summary>
    public double MeanHitsUnlisted =>
        Queries.Select((q, i) => (q, i)).Where(x => x.q.SourceId is null).Select(x => (double)Results[x.i].Distinct(StringComparer.Ordinal).Count()).DefaultIfEmpty(0).Average();
}
