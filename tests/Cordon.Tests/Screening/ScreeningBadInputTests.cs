using System.Diagnostics;
using System.Text;
using Cordon.Model;
using Cordon.Screening;
using Cordon.Tests.Names;

namespace Cordon.Tests.Screening;

/// <summary>Hostile and degenerate names screened against small indexes: results are well defined, never an exception.</summary>
public sealed class ScreeningBadInputTests
{
    private static Entity Person(string id, string name) => new EntityBuilder(id, Schemata.Person, id).Add("name", name).Build();

    private static Entity Organization(string id, string name) => new EntityBuilder(id, Schemata.Organization, id).Add("name", name).Build();

    private static Screener SmallList() => new(ScreeningIndex.Build(
    [
        Person("p-1", "Vladimir Putin"),
        Person("p-2", "Abu Bakr al-Baghdadi"),
        Person("p-3", "Osama bin Laden"),
        Person("p-4", "محمد علي"),
        Person("p-5", "John Smith"),
        Organization("o-1", "Acme Trading LLC"),
        Organization("o-2", "Al-Qaida"),
    ]));

    private static void AssertWellFormed(ScreeningResponse response, string query)
    {
        Assert.True(response.Results.Count <= response.Query.Limit, $"too many results for {FuzzNames.Escape(query)}");
        for (var i = 0; i < response.Results.Count; i++)
        {
            var hit = response.Results[i];
            Assert.False(double.IsNaN(hit.Score) || double.IsNaN(hit.NameScore), $"NaN for {FuzzNames.Escape(query)}");
            Assert.InRange(hit.Score, 0.0, 1.0);
            Assert.InRange(hit.NameScore, 0.0, 1.0);
            Assert.True(hit.Score >= response.Threshold, $"below threshold for {FuzzNames.Escape(query)}");
            Assert.True(i == 0 || response.Results[i - 1].Score >= hit.Score, $"not ordered for {FuzzNames.Escape(query)}");
        }
    }

    [Fact]
    public void Random_names_screened_against_a_small_list_give_well_formed_results()
    {
        // Given a small list and a seeded stream of random names
        var screener = SmallList();
        var random = new Random(1234);

        for (var i = 0; i < 2000; i++)
        {
            var name = FuzzNames.Next(random);

            // When each is screened with no threshold, through the index and (sometimes) by brute force
            var indexed = screener.Screen(new ScreeningQuery(name) { Threshold = 0 });
            var exhaustive = i % 4 == 0 ? screener.Screen(new ScreeningQuery(name) { Threshold = 0 }, exhaustive: true) : null;

            // Then every result is a sound score in order, within the limit
            AssertWellFormed(indexed, name);
            if (exhaustive is not null)
            {
                AssertWellFormed(exhaustive, name);
            }
        }
    }

    [Fact]
    public void A_list_of_random_names_can_be_indexed_and_screened()
    {
        // Given a list whose names are themselves random and hostile
        var random = new Random(99);
        var entities = Enumerable.Range(0, 200)
            .Select(i => i % 3 == 0
                ? Organization($"o-{i}", FuzzNames.Next(random) + " x")
                : Person($"p-{i}", FuzzNames.Next(random) + " y"))
            .ToList();
        var screener = new Screener(ScreeningIndex.Build(entities));

        for (var i = 0; i < 1000; i++)
        {
            // When random names and the listed names themselves are screened
            var query = i % 2 == 0 ? FuzzNames.Next(random) : entities[random.Next(entities.Count)].Caption;
            var response = screener.Screen(new ScreeningQuery(query) { Threshold = 0, Schema = i % 5 == 0 ? "Organization" : null });

            // Then the results are well formed
            AssertWellFormed(response, query);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\r\n")]
    [InlineData("!!!")]
    [InlineData("---")]
    [InlineData("\u200B\u200E\u200F\uFEFF")]
    [InlineData("\uD800")]
    public void A_name_without_letters_screens_to_an_empty_result(string name)
    {
        // Given a small list
        var screener = SmallList();

        // When a name holding no letter or digit is screened, with the default threshold and with none
        var byDefault = screener.Screen(new ScreeningQuery(name));
        var unfiltered = screener.Screen(new ScreeningQuery(name) { Threshold = 0 });

        // Then both responses are empty rather than an error
        Assert.Empty(byDefault.Results);
        Assert.Empty(unfiltered.Results);
    }

    [Fact]
    public void An_empty_name_screened_by_brute_force_is_an_empty_result()
    {
        // Given a small list
        var screener = SmallList();

        // When an empty name is screened by brute force with no threshold
        var response = screener.Screen(new ScreeningQuery("") { Threshold = 0 }, exhaustive: true);

        // Then nothing is returned, as through the index
        Assert.Empty(response.Results);
    }

    [Theory]
    [InlineData("al")]
    [InlineData("bin al")]
    [InlineData("Abu")]
    public void A_name_made_only_of_particles_hits_nobody(string name)
    {
        // Given a list of names with those particles
        var screener = SmallList();

        // When only the particles are screened
        var response = screener.Screen(new ScreeningQuery(name));

        // Then nobody is a hit
        Assert.Empty(response.Results);
    }

    [Theory]
    [InlineData("LLC")]
    [InlineData("Ltd.")]
    [InlineData("L.L.C.")]
    public void A_legal_form_alone_hits_no_organisation(string name)
    {
        // Given a list with an LLC
        var screener = SmallList();

        // When only a legal form is screened as an organisation
        var response = screener.Screen(new ScreeningQuery(name, Schema: "Organization"));

        // Then no organisation is a hit
        Assert.Empty(response.Results);
    }

    [Fact]
    public void A_ten_thousand_character_name_is_screened_quickly()
    {
        // Given a small list and a 10,000-character name made of listed words and noise
        var screener = SmallList();
        var sb = new StringBuilder();
        var random = new Random(10_000);
        string[] words = ["Vladimir", "Putin", "al", "Baghdadi", "bin", "Laden", "Smith", "LLC", "محمد"];
        while (sb.Length < 10_000)
        {
            sb.Append(words[random.Next(words.Length)]).Append(random.Next(5) == 0 ? "-" : " ");
        }

        var name = sb.ToString(0, 10_000);

        // When it is screened, through the index and by brute force (a hang guard, not a benchmark)
        var watch = Stopwatch.StartNew();
        var indexed = screener.Screen(new ScreeningQuery(name) { Threshold = 0 });
        var exhaustive = screener.Screen(new ScreeningQuery(name) { Threshold = 0 }, exhaustive: true);
        watch.Stop();

        // Then both finish well under two seconds with well-formed results
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
        AssertWellFormed(indexed, name);
        AssertWellFormed(exhaustive, name);
    }

    [Fact]
    public void A_name_of_a_thousand_tokens_is_screened_quickly()
    {
        // Given a small list and a name of 1,000 space-separated tokens, particles among them
        var screener = SmallList();
        var random = new Random(1_000);
        string[] words = ["al", "bin", "e", "y", "Putin", "Smith", "x", "Laden", "de", "Acme"];
        var name = string.Join(' ', Enumerable.Range(0, 1000).Select(_ => words[random.Next(words.Length)]));

        // When it is screened as a person and as an organisation (a hang guard, not a benchmark)
        var watch = Stopwatch.StartNew();
        var person = screener.Screen(new ScreeningQuery(name) { Threshold = 0 });
        var organisation = screener.Screen(new ScreeningQuery(name, Schema: "Organization") { Threshold = 0 }, exhaustive: true);
        watch.Stop();

        // Then both finish well under two seconds with well-formed results
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
        AssertWellFormed(person, name);
        AssertWellFormed(organisation, name);
    }

    [Fact]
    public void A_mixed_script_name_finds_the_Latin_entry()
    {
        // Given a list with Vladimir Putin written in Latin
        var screener = SmallList();

        // When the name is screened half in Latin, half in Cyrillic
        var response = screener.Screen(new ScreeningQuery("Vladimir Путин"));

        // Then Putin comes first with a near-perfect score
        Assert.NotEmpty(response.Results);
        var top = response.Results[0];
        Assert.Equal("p-1", top.Entity.Id);
        Assert.True(top.Score >= 0.95, $"score {top.Score}");
    }

    [Theory]
    [InlineData("\u200Fمحمد علي")]
    [InlineData("محمد\u200F علي\u200F")]
    [InlineData("\u202Bمحمد\u200B علي\u202C")]
    public void An_Arabic_name_with_direction_marks_finds_the_unmarked_entry(string marked)
    {
        // Given a list with an Arabic name written without marks, and one written with them
        var screener = new Screener(ScreeningIndex.Build([Person("p-1", "محمد علي"), Person("p-2", marked + " حسن"), Person("p-3", "John Smith")]));

        // When the name is screened with the marks, and without
        var withMarks = screener.Screen(new ScreeningQuery(marked));
        var withoutMarks = screener.Screen(new ScreeningQuery("محمد علي" + " حسن"));

        // Then each finds its entry at the top with a near-perfect score
        Assert.Equal("p-1", withMarks.Results[0].Entity.Id);
        Assert.True(withMarks.Results[0].Score >= 0.95, $"score {withMarks.Results[0].Score}");
        Assert.Equal("p-2", withoutMarks.Results[0].Entity.Id);
        Assert.True(withoutMarks.Results[0].Score >= 0.95, $"score {withoutMarks.Results[0].Score}");
    }

    [Theory]
    [InlineData("\u200B")]
    [InlineData("\u200E")]
    [InlineData("\u200F")]
    public void An_invisible_mark_in_a_Latin_name_does_not_change_its_score(string mark)
    {
        // Given a list with John Smith
        var screener = SmallList();

        // When a variant spelling is screened with and without an invisible mark at its end
        var plain = screener.Screen(new ScreeningQuery("Jon Smyth") { Threshold = 0 });
        var marked = screener.Screen(new ScreeningQuery("Jon Smyth" + mark) { Threshold = 0 });

        // Then John Smith scores the same
        Assert.Equal(Assert.Single(plain.Results, h => h.Entity.Id == "p-5").Score, Assert.Single(marked.Results, h => h.Entity.Id == "p-5").Score);
    }

    [Fact]
    public void A_byte_order_mark_in_a_Latin_name_does_not_change_its_score()
    {
        // Given a list with John Smith
        var screener = SmallList();

        // When a variant spelling is screened with and without a byte-order mark at its end
        var plain = screener.Screen(new ScreeningQuery("Jon Smyth") { Threshold = 0 });
        var marked = screener.Screen(new ScreeningQuery("Jon Smyth\uFEFF") { Threshold = 0 });

        // Then John Smith scores the same
        Assert.Equal(Assert.Single(plain.Results, h => h.Entity.Id == "p-5").Score, Assert.Single(marked.Results, h => h.Entity.Id == "p-5").Score);
    }

    [Fact]
    public void A_name_that_breaks_the_normaliser_still_screens_to_a_result()
    {
        // Given a small list
        var screener = SmallList();

        // When names that make the normaliser throw are screened
        var noncharacter = screener.Screen(new ScreeningQuery("John Smith\uFFFE"));
        var iterationMark = screener.Screen(new ScreeningQuery("John Smith \U0001F600\u30FE"));

        // Then each gives a defined response that still finds John Smith
        Assert.Equal("p-5", noncharacter.Results[0].Entity.Id);
        Assert.Equal("p-5", iterationMark.Results[0].Entity.Id);
    }
}
