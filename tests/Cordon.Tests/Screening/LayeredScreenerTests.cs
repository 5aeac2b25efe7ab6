using Cordon.Model;
using Cordon.Screening;
using Cordon.Synthetic;

namespace Cordon.Tests.Screening;

/// <summary>Changes applied on top of a built index answer exactly as an index rebuilt with them would.</summary>
public sealed class LayeredScreenerTests
{
    private static Entity Renamed(Entity entity, string name) =>
        new EntityBuilder(entity.Id, entity.Schema, entity.SourceRef ?? entity.Id).Add("name", name).Build();

    private static List<(string Id, double Score)> Answer(Screener screener, string name, int limit = 10) =>
        [.. screener.Screen(new ScreeningQuery(name) { Limit = limit, Threshold = 0.6 }).Results.Select(h => (h.Entity.Id, h.Score))];

    [Fact]
    public void Written_and_withdrawn_records_on_top_of_an_index_answer_as_a_rebuilt_index_does()
    {
        // Given 3,000 people indexed, then 200 renamed (to names of other people, so they compete), 150 withdrawn, 100 added
        var people = new SyntheticPeople(7).Generate(3_100).ToList();
        var original = people.Take(3_000).ToList();
        var renamed = original.Skip(100).Take(200).Select((e, i) => Renamed(e, original[2_000 + i].Caption)).ToList();
        var withdrawn = original.Skip(500).Take(150).Select(e => e.Id).ToList();
        var added = people.Skip(3_000).ToList();
        var final = original.Where(e => !withdrawn.Contains(e.Id)).Select(e => renamed.FirstOrDefault(r => r.Id == e.Id) ?? e).Concat(added).ToList();

        // When the changes arrive in three steps, one of them applied twice, on top of the original index
        var layered = new Screener(ScreeningIndex.Build(original))
            .Apply(renamed.Take(100), withdrawn.Take(50))
            .Apply(renamed.Skip(100), withdrawn.Skip(50))
            .Apply(added, [])
            .Apply(added, []);
        var rebuilt = new Screener(ScreeningIndex.Build(final));

        // Then every query gets the same hits with the same scores, in the same order, at several limits
        var queries = new SyntheticQueries(7).Generate(final, 300).Select(q => q.Name)
            .Concat(renamed.Take(30).Select(e => e.Caption)).Concat(original.Skip(500).Take(30).Select(e => e.Caption));
        foreach (var query in queries)
        {
            Assert.Equal(Answer(rebuilt, query), Answer(layered, query));
            Assert.Equal(Answer(rebuilt, query, 1), Answer(layered, query, 1));
        }

        Assert.Equal(rebuilt.EntityCount, layered.EntityCount);
        Assert.Equal(200 + 150 + 100, layered.ChangedCount);
    }

    [Fact]
    public void A_withdrawn_record_is_no_longer_found_and_a_written_one_is_found_at_once()
    {
        var jane = new EntityBuilder("p1", Schemata.Person, "p1").Add("name", "Jane Mariana Roe").Build();
        var john = new EntityBuilder("p2", Schemata.Person, "p2").Add("name", "Johnathan Quill").Build();
        var screener = new Screener(ScreeningIndex.Build([jane, john]));

        var after = screener.Apply([new EntityBuilder("p3", Schemata.Person, "p3").Add("name", "Ferdinand Oakes").Build()], ["p1"]);

        Assert.Empty(Answer(after, "Jane Mariana Roe"));
        Assert.Equal("p3", Assert.Single(Answer(after, "Ferdinand Oakes")).Id);
        Assert.Equal("p2", Assert.Single(Answer(after, "Johnathan Quill")).Id);
        // The screener it was made from is unchanged.
        Assert.Equal("p1", Assert.Single(Answer(screener, "Jane Mariana Roe")).Id);
        Assert.Equal((2, 2), (after.EntityCount, screener.EntityCount));
    }

    [Fact]
    public void Withdrawing_an_id_the_index_never_had_is_harmless()
    {
        var screener = new Screener(ScreeningIndex.Build([new EntityBuilder("p1", Schemata.Person, "p1").Add("name", "Jane Roe").Build()]));

        var after = screener.Apply([], ["nope"]);

        Assert.Equal(1, after.EntityCount);
        Assert.Equal(0, after.ChangedCount);
        Assert.Single(Answer(after, "Jane Roe"));
    }
}
