using System.Diagnostics;
using System.Globalization;
using Cordon.Screening;
using Cordon.Synthetic;

namespace Cordon.Benchmarks;

/// <summary>
/// Where the index and brute force disagree, and which queries are slowest: for each brute-force hit the index
/// missed, the query, the missed name and its score; then the slowest queries with their candidate counts.
/// </summary>
internal static class RecallCommand
{
    public static int Run(BenchArgs args)
    {
        var entityCount = args.Int("entities", 100_000);
        var queryCount = args.Int("queries", 200);
        var seed = args.Int("seed", 42, min: 0);
        var entities = new SyntheticPeople(seed).Generate(entityCount).ToList();
        var index = ScreeningIndex.Build(entities);
        var screener = new Screener(index);
        var queries = new SyntheticQueries(seed).Generate(entities, queryCount);
        if (args.String("only") is { } only)
        {
            // Just these queries (|-separated), for looking into a miss.
            queries = [.. only.Split('|').Select(name => new SyntheticQuery(name, null))];
        }

        foreach (var part in (args.String("parts") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var start = Stopwatch.GetTimestamp();
            var similar = index.Tokens.Similar(part, queryAbjad: false);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"PART {part}: {similar.Length} similar in {Stopwatch.GetElapsedTime(start).TotalMilliseconds:0.000} ms, proposed {index.Tokens.LastProposed}"));
        }

        if (args.String("thresholds") is { } thresholds)
        {
            // For each query: how many names finding the candidates touches at each threshold, and how long it takes.
            foreach (var query in queries)
            {
                var prepared = new PreparedName(query.Name, false);
                var line = new System.Text.StringBuilder(string.Create(CultureInfo.InvariantCulture, $"THRESHOLDS '{query.Name}':"));
                foreach (var t in thresholds.Split(',').Select(t => double.Parse(t, CultureInfo.InvariantCulture)))
                {
                    index.Candidates(prepared, t, null, []);
                    var start = Stopwatch.GetTimestamp();
                    var count = index.Candidates(prepared, t, null, []).Count;
                    line.Append(string.Create(CultureInfo.InvariantCulture,
                        $"  {t:0.00}: {Stopwatch.GetElapsedTime(start).TotalMilliseconds:0.000} ms, touched {ScreeningIndex.LastTouched}, {count} passed"));
                }

                Console.WriteLine(line);
            }

            return 0;
        }

        if (args.Int("bounds", 0, min: 0) > 0)
        {
            // For each query: the candidates the upper bound lets through, and how far their bound is from their score.
            foreach (var query in queries)
            {
                var prepared = new PreparedName(query.Name, false);
                var bounds = new List<double>();
                var candidates = index.Candidates(prepared, Screener.DefaultThreshold, null, bounds);
                var scored = candidates.Select((c, i) => (Name: c, Bound: bounds[i], Score: index.Score(prepared, c).Score)).ToList();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"BOUNDS '{query.Name}': {candidates.Count} candidates, {scored.Count(x => x.Score >= Screener.DefaultThreshold)} reach the threshold"));
                foreach (var (name, bound, score) in scored.Where(x => x.Score < Screener.DefaultThreshold).OrderByDescending(x => x.Bound - x.Score).Take(args.Int("bounds", 0, min: 0)))
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  bound {bound:0.000} score {score:0.000} '{index.Names[name].Name.Original}'"));
                }
            }

            return 0;
        }

        if (args.Int("allocations", 0, min: 0) > 0)
        {
            // Where a query's allocations go: preparing the name, finding candidates the first time, screening again.
            long prepare = 0, cold = 0, warm = 0;
            var sample = queries.Take(args.Int("allocations", 0, min: 0)).ToList();
            using var listener = new AllocationListener();
            foreach (var query in sample)
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                var prepared = new PreparedName(query.Name, false);
                _ = new PreparedName(query.Name, true);
                var afterPrepare = GC.GetAllocatedBytesForCurrentThread();
                index.Candidates(prepared, Screener.DefaultThreshold);
                var afterCandidates = GC.GetAllocatedBytesForCurrentThread();
                screener.Screen(new ScreeningQuery(query.Name));
                var afterScreen = GC.GetAllocatedBytesForCurrentThread();
                prepare += afterPrepare - before;
                cold += afterCandidates - afterPrepare;
                warm += afterScreen - afterCandidates;
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"allocated a query: preparing both readings {prepare / sample.Count / 1024.0:0.0} KB, candidates with a cold part cache {cold / sample.Count / 1024.0:0.0} KB, screening with a warm one {warm / sample.Count / 1024.0:0.0} KB"));
            lock (listener.Bytes)
            {
                foreach (var (type, bytes) in listener.Bytes.OrderByDescending(b => b.Value).Take(25))
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {bytes / 1024,8} KB sampled  {type}"));
                }
            }
            return 0;
        }

        int found = 0, total = 0;
        long allocatedTotal = 0, candidateAllocatedTotal = 0;
        var timings = new List<(double Ms, string Query, int Candidates, int Hits, int Touched, double Tenth)>();
        foreach (var query in queries)
        {
            var request = new ScreeningQuery(query.Name) { Limit = 1000 };
            var brute = args.Int("brute", 1, min: 0) == 0 ? [] : screener.Screen(request, exhaustive: true).Results;
            // Timed with the limit asked for (the bench's queries ask for the default 10), compared with every hit.
            var pause = GC.GetTotalPauseDuration();
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var start = Stopwatch.GetTimestamp();
            screener.Screen(request with { Limit = args.Int("limit", 10) });
            var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            allocatedTotal += GC.GetAllocatedBytesForCurrentThread() - allocated;
            var gcMs = (GC.GetTotalPauseDuration() - pause).TotalMilliseconds;
            var indexed = screener.Screen(request).Results;

            // The same query again: its parts' similar parts are cached and its names are in the CPU caches.
            start = Stopwatch.GetTimestamp();
            var candidateAllocated = GC.GetAllocatedBytesForCurrentThread();
            var candidates = index.Candidates(new PreparedName(query.Name, false), Screener.DefaultThreshold).Count;
            candidateAllocatedTotal += GC.GetAllocatedBytesForCurrentThread() - candidateAllocated;
            var candidateMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            start = Stopwatch.GetTimestamp();
            screener.Screen(request);
            var warmMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (warmMs * 3 < ms || candidateMs > 5)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"TIME first {ms:0.000} again {warmMs:0.000} candidates alone {candidateMs:0.000} gc {gcMs:0.000} touched {ScreeningIndex.LastTouched} '{query.Name}'"));
            }

            timings.Add((ms, query.Name, candidates, indexed.Count, ScreeningIndex.LastTouched, indexed.Count >= 10 ? indexed[9].Score : 0));
            var ids = indexed.Select(r => r.Entity.Id).ToHashSet(StringComparer.Ordinal);
            total += brute.Count;
            foreach (var hit in brute)
            {
                if (ids.Contains(hit.Entity.Id))
                {
                    found++;
                    continue;
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"MISS '{query.Name}' -> '{hit.MatchedName}' {hit.NameScore:0.000} [{string.Join(", ", hit.Parts.Select(p => $"{p.QueryPart}~{p.EntityPart} {p.Similarity:0.00}"))}]"));
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"recall {found}/{total} = {(double)found / Math.Max(1, total):P2}"));
        var sorted = timings.Select(t => t.Ms).Order().ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"p50 {sorted[sorted.Length / 2]:0.000} ms, p99 {sorted[(int)(sorted.Length * 0.99)]:0.000} ms, allocated {allocatedTotal / timings.Count / 1024.0:0} KB a query ({candidateAllocatedTotal / timings.Count / 1024.0:0} KB preparing the name and finding candidates again), gen0 GCs {GC.CollectionCount(0)}, mean touched {timings.Average(t => t.Touched):0}, mean candidates {timings.Average(t => t.Candidates):0}, mean hits {timings.Average(t => t.Hits):0.0}"));
        foreach (var (ms, name, candidates, hits, touched, tenth) in timings.OrderByDescending(t => t.Ms).Take(int.Parse(args.String("slow") ?? "15", CultureInfo.InvariantCulture)))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"SLOW {ms,8:0.000} ms  touched {touched,7}  candidates {candidates,6}  hits {hits,4}  tenth {tenth:0.000}  '{name}'"));
        }

        return 0;
    }
}
