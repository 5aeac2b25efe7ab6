using Cordon.Screening;
using Cordon.Synthetic;

namespace Cordon.Tests.Screening;

/// <summary>The two-generation cache behind the part search and batch screening, and the screener's name cache.</summary>
public sealed class GenerationalCacheTests
{
    [Fact]
    public void A_value_is_computed_once_and_then_served_from_the_cache()
    {
        var cache = new GenerationalCache<string, int>(10, StringComparer.Ordinal);
        var computed = 0;

        var first = cache.GetOrAdd("a", k => ++computed);
        var second = cache.GetOrAdd("a", k => ++computed);

        Assert.Equal(1, first);
        Assert.Equal(1, second);
        Assert.Equal(1, computed);
    }

    [Fact]
    public void An_entry_survives_one_generation_change_and_is_forgotten_after_two_unless_asked_for()
    {
        // Given a cache of two entries a generation holding "kept" and "dropped"
        var cache = new GenerationalCache<string, string>(2, StringComparer.Ordinal);
        var computed = new List<string>();
        string Compute(string key)
        {
            computed.Add(key);
            return key;
        }

        cache.GetOrAdd("kept", Compute);
        cache.GetOrAdd("dropped", Compute);

        // When two generations of other keys pass, "kept" being asked for in between
        cache.GetOrAdd("x1", Compute);
        cache.GetOrAdd("x2", Compute);
        cache.GetOrAdd("kept", Compute);
        cache.GetOrAdd("x3", Compute);
        cache.GetOrAdd("x4", Compute);
        cache.GetOrAdd("kept", Compute);
        cache.GetOrAdd("dropped", Compute);

        // Then "kept" was computed once, and "dropped" again
        Assert.Equal(1, computed.Count(k => k == "kept"));
        Assert.Equal(2, computed.Count(k => k == "dropped"));
    }

    [Fact]
    public void Clear_forgets_everything()
    {
        var cache = new GenerationalCache<int, int>(4);
        var computed = 0;
        cache.GetOrAdd(1, k => ++computed);

        cache.Clear();
        cache.GetOrAdd(1, k => ++computed);

        Assert.Equal(2, computed);
    }

    [Fact]
    public void Many_threads_get_the_value_their_key_computes()
    {
        var cache = new GenerationalCache<int, int>(100);
        var wrong = 0;

        Parallel.For(0, 20_000, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            var key = i % 750;
            if (cache.GetOrAdd(key, k => k * 3) != key * 3)
            {
                Interlocked.Increment(ref wrong);
            }
        });

        Assert.Equal(0, wrong);
    }

    [Fact]
    public void A_size_below_one_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new GenerationalCache<int, int>(0));
    }

    [Fact]
    public void A_screener_that_caches_names_answers_exactly_as_one_that_does_not()
    {
        // Given synthetic entities, and queries that repeat names with different facts and schemata
        var entities = new SyntheticPeople(3).Generate(2000).ToList();
        var index = ScreeningIndex.Build(entities);
        var plain = new Screener(index);
        var cached = new Screener(index, cachedNames: 50);
        var names = new SyntheticQueries(3).Generate(entities, 120).Select(q => q.Name).ToList();
        var listed = entities.Take(20).Select(e => e.First("name")!).ToList();
        var queries = new List<ScreeningQuery>();
        foreach (var name in names.Concat(listed).Concat(names).Concat(listed))
        {
            queries.Add(new ScreeningQuery(name));
            queries.Add(new ScreeningQuery(name, BirthDate: "1970"));
            queries.Add(new ScreeningQuery(name, Country: "ir", Schema: "Person"));
            queries.Add(new ScreeningQuery(name) { Threshold = 0.5, Limit = 3 });
        }

        // When each query is screened by both
        foreach (var query in queries)
        {
            var expected = plain.Screen(query).Results;
            var actual = cached.Screen(query).Results;

            // Then the hits, scores, matched names and explanations are the same
            Assert.Equal(expected.Select(Describe), actual.Select(Describe));
        }

        Assert.Contains(queries, q => plain.Screen(q).Results.Count > 0);
    }

    private static string Describe(ScreeningHit hit) =>
        $"{hit.Entity.Id} {hit.Score} {hit.NameScore} {hit.MatchedName} {string.Join(";", hit.Explanation.Select(e => $"{e.Factor} {e.Effect} {e.Detail}"))}";
}
