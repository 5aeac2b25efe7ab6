using Cordon.Model;
using Cordon.Names;
using Cordon.Screening;

namespace Cordon.Tests.Screening;

/// <summary>
/// Countries in organisation names qualify rather than name, letters repeated more or less often are one spelling, and
/// nicknames stand for the names they shorten.
/// </summary>
public sealed class QualifierRulesTests
{
    private const double Threshold = Screener.DefaultThreshold;

    private static Entity Person(string id, string name) => new EntityBuilder(id, Schemata.Person, id).Add("name", name).Build();

    [Theory]
    [InlineData("china")]
    [InlineData("mexico")]
    [InlineData("sweden")]
    [InlineData("europe")]
    [InlineData("iran")]
    public void Country_and_region_names_in_organisation_names_are_places(string part)
    {
        Assert.True(NameParts.IsPlace(part));
        Assert.Equal(NamePartKind.Place, NameParts.Classify(part, organisation: true));
        Assert.Equal(NamePartKind.Word, NameParts.Classify(part, organisation: false));
    }

    [Theory]
    [InlineData("sa")]
    [InlineData("us")]
    [InlineData("faberlic")]
    [InlineData("bank")]
    public void Country_codes_and_other_words_are_no_places(string part)
    {
        Assert.False(NameParts.IsPlace(part));
    }

    [Fact]
    public void A_place_weighs_less_than_a_word_and_more_than_a_legal_form()
    {
        Assert.True(NameParts.Weight(NamePartKind.Place) < NameParts.Weight(NamePartKind.Word));
        Assert.True(NameParts.Weight(NamePartKind.Place) > NameParts.Weight(NamePartKind.LegalForm));
    }

    [Fact]
    public void An_organisation_found_without_its_region_still_matches()
    {
        var score = MatcherRulesTests.Score("faberlic", "FABERLIC EUROPE Sp. z o.o.", organisation: true);
        Assert.True(score >= Threshold, MatcherRulesTests.Describe("faberlic", "FABERLIC EUROPE Sp. z o.o.", score));
    }

    [Theory]
    [InlineData("Bowne Global Solutions II (Sweden) AB", "Bowne Global Solutions II (Finland) AB")]
    [InlineData("Industrial and Commercial Bank of Chad Limited", "Industrial and Commercial Bank of China Limited")]
    [InlineData("Banco Santander México S.A.", "Banco Santander Chile S.A.")]
    public void Organisations_of_two_different_countries_are_two_organisations(string query, string candidate)
    {
        var score = MatcherRulesTests.Score(query, candidate, organisation: true);
        Assert.True(score < Threshold, MatcherRulesTests.Describe(query, candidate, score));
    }

    [Fact]
    public void A_place_alone_never_matches_a_name_that_has_words()
    {
        Assert.Equal(0, MatcherRulesTests.Score("China", "Bank of China", organisation: true));
    }

    [Theory]
    [InlineData("uun", "un", true)]
    [InlineData("muhammmad", "muhammad", true)]
    [InlineData("aabbcc", "abc", true)]
    [InlineData("abc", "abc", true)]
    [InlineData("abc", "abd", false)]
    [InlineData("abca", "abc", false)]
    [InlineData("", "", true)]
    [InlineData("a", "", false)]
    public void Parts_equal_once_repeats_are_collapsed_are_told_apart_from_others(string a, string b, bool same)
    {
        Assert.Equal(same, PartSimilarity.SameCollapsed(a, b));
        Assert.Equal(same, PartSimilarity.SameCollapsed(b, a));
    }

    [Fact]
    public void A_letter_typed_twice_costs_little()
    {
        Assert.Equal(0.9, PartSimilarity.Of("uun", "un"), 6);
        var score = MatcherRulesTests.Score("Kim Jong-uun", "Kim Jong-un");
        Assert.True(score >= Threshold, MatcherRulesTests.Describe("Kim Jong-uun", "Kim Jong-un", score));
    }

    [Theory]
    [InlineData("ted", "theodore")]
    [InlineData("ted", "edward")]
    [InlineData("bob", "robert")]
    [InlineData("robbie", "robert")]
    public void Nicknames_are_related_to_the_names_they_shorten(string a, string b)
    {
        Assert.True(NameNicknames.Related(a, b));
        Assert.True(NameNicknames.Related(b, a));
        Assert.Equal(NameNicknames.Similarity, PartSimilarity.Of(a, b), 6);
    }

    [Theory]
    [InlineData("ted", "robert")]
    [InlineData("theodore", "edward")]
    [InlineData("zqxwv", "robert")]
    [InlineData("bob", "rob")]
    public void Names_of_different_groups_are_not_nicknames(string a, string b)
    {
        Assert.False(NameNicknames.Related(a, b));
    }

    [Fact]
    public void A_nickname_matches_the_full_name_with_the_same_family_name()
    {
        var score = MatcherRulesTests.Score("Ted Doe", "Theodore Doe");
        Assert.True(score >= Threshold, MatcherRulesTests.Describe("Ted Doe", "Theodore Doe", score));
        Assert.True(NameNicknames.GroupsOf("ted").Length >= 2);
        Assert.True(NameNicknames.GroupsOf("zqxwv").IsEmpty);
    }

    [Fact]
    public void The_index_finds_a_listed_full_name_by_its_nickname_and_a_doubled_letter()
    {
        var entities = new[]
        {
            Person("p1", "Theodore Zanzibarov"),
            Person("p2", "Kim Jong-un"),
        };
        var screener = new Screener(ScreeningIndex.Build(entities));
        Assert.Contains(screener.Screen(new ScreeningQuery("Ted Zanzibarov")).Results, h => h.Entity.Id == "p1");
        Assert.Contains(screener.Screen(new ScreeningQuery("Kim Jong-uuun")).Results, h => h.Entity.Id == "p2");
    }

    // ---- Numbers: a series is reviewed, an added number is another name ----

    [Theory]
    [InlineData("Carlyle Partners VII L.P.", "Carlyle Partners VIII L.P.")]
    [InlineData("Goldman Sachs Mortgage Loan Trust 2004-1", "Goldman Sachs Mortgage Loan Trust 2004-2")]
    [InlineData("Citigroup Capital Trust XV", "Citigroup Capital Trust XX")]
    [InlineData("Citigroup Capital Trust I", "Citigroup Capital Trust II")]
    public void Two_numbers_of_one_series_reach_the_threshold_below_a_spelling_variant(string query, string candidate)
    {
        var score = MatcherRulesTests.Score(query, candidate, organisation: true);
        var variant = MatcherRulesTests.Score(query, query.Replace("Trust", "Trusts", StringComparison.Ordinal).Replace("Partners", "Partner", StringComparison.Ordinal), organisation: true);

        Assert.True(score >= Threshold, MatcherRulesTests.Describe(query, candidate, score));
        Assert.True(score < variant, MatcherRulesTests.Describe(query, candidate, score) + $" but the spelling variant only {variant:F4}");
    }

    [Theory]
    [InlineData("Bowne Global Solutions, Inc.", "Bowne Global Solutions II, Inc.")]
    [InlineData("Management Company 23", "Management Company")]
    [InlineData("Brigade 44", "Brigade 45")]
    public void A_number_on_one_side_only_or_in_a_short_name_keeps_them_apart(string query, string candidate)
    {
        var score = MatcherRulesTests.Score(query, candidate, organisation: true);
        Assert.True(score < Threshold, MatcherRulesTests.Describe(query, candidate, score));
    }

    [Theory]
    [InlineData(new[] { "trust", "2004", "1" }, 1, NamePartKind.Number)]
    [InlineData(new[] { "partners", "xv" }, 1, NamePartKind.Number)]
    [InlineData(new[] { "trust", "i" }, 1, NamePartKind.Number)]
    [InlineData(new[] { "xi", "trading" }, 0, NamePartKind.Word)]
    [InlineData(new[] { "mix", "vi" }, 0, NamePartKind.Word)]
    public void Digits_are_numbers_and_roman_numerals_after_the_first_part_of_an_organisation(string[] parts, int at, NamePartKind kind)
    {
        Assert.Equal(kind, NameParts.Classify(parts, at, organisation: true));
    }

    [Fact]
    public void A_roman_numeral_in_a_persons_name_is_a_word()
    {
        Assert.Equal(NamePartKind.Word, NameParts.Classify(["jin", "xi"], 1, organisation: false));
        Assert.Equal(NamePartKind.Number, NameParts.Classify(["agent", "47"], 1, organisation: false));
    }

    [Fact]
    public void Roman_numerals_are_recognised_up_to_thirty_nine()
    {
        Assert.All(new[] { "i", "iv", "ix", "x", "xiv", "xx", "xxxix" }, p => Assert.True(NameNumbers.IsRoman(p), p));
        Assert.All(new[] { "", "xxxx", "il", "vv", "ic", "mix", "iix" }, p => Assert.False(NameNumbers.IsRoman(p), p));
    }

    [Fact]
    public void The_roman_numeral_two_is_not_moldovas_legal_form()
    {
        var name = new PreparedName("Bowne Global Solutions II, Inc.", organisation: true);
        Assert.Equal(NamePartKind.Number, name.Kinds[Array.IndexOf(name.Parts, "2")]);

        // The spelled-out Moldovan form is still one.
        var moldovan = new PreparedName("Intreprinderea Individuala Vasile Rusu", organisation: true);
        Assert.Equal(NamePartKind.LegalForm, moldovan.Kinds[0]);
    }
}
