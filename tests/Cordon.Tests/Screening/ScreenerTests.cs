using Cordon.Model;
using Cordon.Screening;

namespace Cordon.Tests.Screening;

public sealed class ScreenerTests
{
    private static Entity Person(string id, string name, string[]? aliases = null, string[]? weakAliases = null, string? birthDate = null, string? nationality = null)
    {
        var builder = new EntityBuilder(id, Schemata.Person, id)
            .Add("name", name)
            .AddRange("alias", aliases ?? [])
            .AddRange("weakAlias", weakAliases ?? [])
            .Add("birthDate", birthDate)
            .Add("nationality", nationality);
        return builder.Build();
    }

    private static Entity Organization(string id, string name, string? country = null) =>
        new EntityBuilder(id, Schemata.Organization, id).Add("name", name).Add("country", country).Build();

    private static Screener ScreenerOf(params Entity[] entities) => new(ScreeningIndex.Build(entities));

    private static ScreeningHit HitFor(ScreeningResponse response, string id) => Assert.Single(response.Results, h => h.Entity.Id == id);

    [Fact]
    public void An_exact_name_scores_one()
    {
        // Given one listed person among others
        var screener = ScreenerOf(Person("p-1", "Abou Mohamed al Adnani"), Person("p-2", "Jane Roe"));

        // When the exact name is screened
        var response = screener.Screen(new ScreeningQuery("Abou Mohamed al Adnani"));

        // Then that person is the only hit, with a perfect score on the name
        var hit = Assert.Single(response.Results);
        Assert.Equal("p-1", hit.Entity.Id);
        Assert.Equal(1.0, hit.Score);
        Assert.Equal(1.0, hit.NameScore);
        Assert.Equal("name", hit.MatchedProperty);
        Assert.Equal("Abou Mohamed al Adnani", hit.MatchedName);
        Assert.Equal(Screener.DefaultThreshold, response.Threshold);
    }

    [Fact]
    public void An_alias_hit_reports_the_alias_property()
    {
        // Given a person known by an alias
        var screener = ScreenerOf(Person("p-1", "Taha Sobhi Falaha", aliases: ["Abu Mohammed al-Adnani"]));

        // When the alias is screened
        var response = screener.Screen(new ScreeningQuery("Abu Mohammed al-Adnani"));

        // Then the hit says which alias matched
        var hit = Assert.Single(response.Results);
        Assert.Equal("alias", hit.MatchedProperty);
        Assert.Equal("Abu Mohammed al-Adnani", hit.MatchedName);
        Assert.Equal(1.0, hit.Score);
    }

    [Fact]
    public void Reordered_parts_still_match()
    {
        // Given the name as the list writes it
        var screener = ScreenerOf(Person("p-1", "Abou Mohamed al Adnani"));

        // When it is screened surname first with a comma
        var response = screener.Screen(new ScreeningQuery("ADNANI, Abou Mohamed"));

        // Then it is a strong hit with every query part paired
        var hit = Assert.Single(response.Results);
        Assert.InRange(hit.Score, 0.9, 0.99);
        Assert.Contains(hit.Parts, p => p.QueryPart == "adnani" && p.EntityPart == "adnani" && p.Similarity == 1.0);
        Assert.Contains(hit.Parts, p => p.QueryPart == "mohamed" && p.EntityPart == "mohamed");
    }

    [Fact]
    public void Case_diacritics_and_punctuation_do_not_matter()
    {
        // Given a Spanish name with accents and a hyphen
        var screener = ScreenerOf(Person("p-1", "JOSÉ GARCÍA-LÓPEZ"));

        // When it is screened plain
        var response = screener.Screen(new ScreeningQuery("Jose Garcia Lopez"));

        // Then it is an exact hit
        var hit = Assert.Single(response.Results);
        Assert.Equal(1.0, hit.Score);
    }

    [Fact]
    public void A_transliteration_variant_is_found_through_the_consonant_key()
    {
        // Given a listed Muhammad
        var screener = ScreenerOf(Person("p-1", "Muhammad Yusuf Hussein"));

        // When a different spelling is screened
        var response = screener.Screen(new ScreeningQuery("Mohammed Youssef Husayn"));

        // Then it is still a hit, below an exact one
        var hit = Assert.Single(response.Results);
        Assert.InRange(hit.Score, Screener.DefaultThreshold, 0.999);
    }

    [Theory]
    [InlineData("al")]
    [InlineData("Trading LLC")]
    [InlineData("LLC")]
    public void A_particle_or_legal_form_alone_does_not_hit_an_organisation(string query)
    {
        // Given an organisation whose name is mostly particle and legal form
        var screener = ScreenerOf(Organization("o-1", "Al Noor Trading LLC"));

        // When only the particle or the legal form is screened, even with a low threshold
        var response = screener.Screen(new ScreeningQuery(query) { Threshold = 0.3 });

        // Then nothing is found
        Assert.Empty(response.Results);
    }

    [Fact]
    public void The_organisation_name_itself_is_found()
    {
        // Given the same organisation
        var screener = ScreenerOf(Organization("o-1", "Al Noor Trading LLC"));

        // When its name is screened without the legal form
        var response = screener.Screen(new ScreeningQuery("al-Noor Trading", Schema: "Organization"));

        // Then it is found, the missing legal form costing little
        var hit = Assert.Single(response.Results);
        Assert.Equal("o-1", hit.Entity.Id);
        Assert.InRange(hit.Score, 0.9, 0.99);
    }

    [Fact]
    public void A_dotted_legal_form_matches_the_plain_form()
    {
        // Given an organisation listed with a dotted legal form, as OFAC writes them
        var screener = ScreenerOf(Organization("o-1", "AL NOOR TRADING L.L.C."));

        // When the plain form is screened
        var response = screener.Screen(new ScreeningQuery("Al Noor Trading LLC", Schema: "Organization"));

        // Then it is a hit
        Assert.Equal("o-1", Assert.Single(response.Results).Entity.Id);
    }

    [Fact]
    public void A_matching_birth_date_raises_the_score()
    {
        // Given a person with a full birth date, screened without the last name so the name alone is below 1
        var screener = ScreenerOf(Person("p-1", "Yasser Khalaf Nazzal Alrawi", birthDate: "1977-03-01"));
        var nameOnly = HitFor(screener.Screen(new ScreeningQuery("Yasser Khalaf Nazzal")), "p-1");

        // When the same name is screened with the same birth date
        var withDob = HitFor(screener.Screen(new ScreeningQuery("Yasser Khalaf Nazzal", BirthDate: "1977-03-01")), "p-1");

        // Then the score rises and the explanation says why
        Assert.True(nameOnly.Score < 0.95, $"name-only score {nameOnly.Score} leaves no room to rise");
        Assert.True(withDob.Score > nameOnly.Score, $"{withDob.Score} <= {nameOnly.Score}");
        var item = Assert.Single(withDob.Explanation, e => e.Factor == "birthDate");
        Assert.True(item.Effect > 0);
        Assert.Equal(0.05, item.Effect);
        Assert.Equal(nameOnly.NameScore, withDob.NameScore);
    }

    [Fact]
    public void A_year_only_birth_date_that_agrees_raises_the_score_a_little()
    {
        // Given a person born in 1977, per the list
        var screener = ScreenerOf(Person("p-1", "Yasser Khalaf Nazzal Alrawi", birthDate: "1977"));

        // When screened with a full date in that year
        var hit = HitFor(screener.Screen(new ScreeningQuery("Yasser Khalaf Nazzal", BirthDate: "1977-03-01")), "p-1");

        // Then the agreement counts for less than a full date
        var item = Assert.Single(hit.Explanation, e => e.Factor == "birthDate");
        Assert.Equal(0.02, item.Effect);
    }

    [Fact]
    public void A_different_birth_date_lowers_the_score()
    {
        // Given a person born in 1977
        var screener = ScreenerOf(Person("p-1", "Abou Mohamed al Adnani", birthDate: "1977"));

        // When screened with a birth date years apart
        var response = screener.Screen(new ScreeningQuery("Abou Mohamed al Adnani", BirthDate: "1990-01-01"));

        // Then the score drops below the name score and the explanation says so
        var hit = HitFor(response, "p-1");
        Assert.Equal(1.0, hit.NameScore);
        Assert.Equal(0.85, hit.Score, 0.0001);
        var item = Assert.Single(hit.Explanation, e => e.Factor == "birthDate");
        Assert.True(item.Effect < 0);
    }

    [Fact]
    public void A_birth_date_a_year_off_lowers_the_score_only_slightly()
    {
        // Given a person born in 1977
        var screener = ScreenerOf(Person("p-1", "Abou Mohamed al Adnani", birthDate: "1977"));

        // When screened with 1978
        var hit = HitFor(screener.Screen(new ScreeningQuery("Abou Mohamed al Adnani", BirthDate: "1978")), "p-1");

        // Then the penalty is the small one
        Assert.Equal(-0.02, Assert.Single(hit.Explanation, e => e.Factor == "birthDate").Effect);
        Assert.Equal(0.98, hit.Score, 0.0001);
    }

    [Fact]
    public void A_matching_country_raises_and_a_different_country_lowers_the_score()
    {
        // Given an Iraqi national
        var screener = ScreenerOf(Person("p-1", "Yasser Khalaf Nazzal Alrawi", nationality: "Iraq"));
        var plain = HitFor(screener.Screen(new ScreeningQuery("Yasser Khalaf Nazzal")), "p-1");

        // When screened with Iraq and with France
        var same = HitFor(screener.Screen(new ScreeningQuery("Yasser Khalaf Nazzal", Country: "IRQ")), "p-1");
        var other = HitFor(screener.Screen(new ScreeningQuery("Yasser Khalaf Nazzal", Country: "France")), "p-1");

        // Then the score moves up and down, and the explanation names the effect
        Assert.True(same.Score > plain.Score, $"{same.Score} <= {plain.Score}");
        Assert.True(other.Score < plain.Score, $"{other.Score} >= {plain.Score}");
        Assert.True(Assert.Single(same.Explanation, e => e.Factor == "country").Effect > 0);
        Assert.True(Assert.Single(other.Explanation, e => e.Factor == "country").Effect < 0);
    }

    [Fact]
    public void Facts_without_a_record_leave_the_score_alone()
    {
        // Given a person with no birth date and no country
        var screener = ScreenerOf(Person("p-1", "Yasser Khalaf Nazzal Alrawi"));
        var plain = HitFor(screener.Screen(new ScreeningQuery("Yasser Khalaf Nazzal")), "p-1");

        // When screened with both facts
        var hit = HitFor(screener.Screen(new ScreeningQuery("Yasser Khalaf Nazzal", BirthDate: "1977", Country: "iq")), "p-1");

        // Then nothing changes and the explanation says there was nothing to compare
        Assert.Equal(plain.Score, hit.Score);
        Assert.Equal(0, Assert.Single(hit.Explanation, e => e.Factor == "birthDate").Effect);
        Assert.Equal(0, Assert.Single(hit.Explanation, e => e.Factor == "country").Effect);
    }

    [Fact]
    public void Facts_never_lift_a_name_below_the_threshold_over_it()
    {
        // Given a person, and the name score of a loose query against them
        var screener = ScreenerOf(Person("p-1", "Yasser Khalaf Nazzal Alrawi", birthDate: "1977-03-01", nationality: "iq"));
        var nameScore = HitFor(screener.Screen(new ScreeningQuery("Yasser Khalaf Nazzal") { Threshold = 0 }), "p-1").NameScore;

        // When the threshold sits just above the name score and both facts agree
        var threshold = Math.Round(nameScore + 0.02, 4);
        var response = screener.Screen(new ScreeningQuery("Yasser Khalaf Nazzal", BirthDate: "1977-03-01", Country: "iq") { Threshold = threshold });

        // Then there is still no hit: facts only adjust names that match on their own
        Assert.True(nameScore + 0.05 + 0.03 > threshold);
        Assert.Empty(response.Results);
    }

    [Fact]
    public void A_schema_filter_keeps_other_schemata_out()
    {
        // Given a person and an organisation with the same name
        var screener = ScreenerOf(Person("p-1", "Al Noor Hassan"), Organization("o-1", "Al Noor Hassan"));

        // When screened as an organisation, as a person and as any legal entity
        var asOrg = screener.Screen(new ScreeningQuery("Al Noor Hassan", Schema: "Organization"));
        var asPerson = screener.Screen(new ScreeningQuery("Al Noor Hassan", Schema: "Person"));
        var asAny = screener.Screen(new ScreeningQuery("Al Noor Hassan", Schema: "LegalEntity"));

        // Then each filter returns the right entities
        Assert.Equal(["o-1"], asOrg.Results.Select(h => h.Entity.Id));
        Assert.Equal(["p-1"], asPerson.Results.Select(h => h.Entity.Id));
        Assert.Equal(["o-1", "p-1"], asAny.Results.Select(h => h.Entity.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_company_is_found_by_an_organisation_query()
    {
        // Given a company
        var company = new EntityBuilder("c-1", Schemata.Company, "c-1").Add("name", "Zarqa Shipping Holdings").Build();
        var screener = ScreenerOf(company);

        // When screened as an organisation
        var response = screener.Screen(new ScreeningQuery("Zarqa Shipping Holdings", Schema: "Organization"));

        // Then the subtype matches
        Assert.Equal("c-1", Assert.Single(response.Results).Entity.Id);
    }

    [Fact]
    public void The_threshold_is_honoured()
    {
        // Given an exact and a close name
        var screener = ScreenerOf(Person("p-exact", "Yasser Khalaf Nazzal"), Person("p-close", "Yaser Khalaf Nazal"));

        // When screened with a threshold of 0.99
        var response = screener.Screen(new ScreeningQuery("Yasser Khalaf Nazzal") { Threshold = 0.99 });

        // Then only the exact one comes back, and every result is at or over the threshold
        Assert.Equal(["p-exact"], response.Results.Select(h => h.Entity.Id));
        Assert.Equal(0.99, response.Threshold);
    }

    [Fact]
    public void Results_are_ordered_by_score_and_cut_at_the_limit()
    {
        // Given four people with names ever further from the query
        var screener = ScreenerOf(
            Person("p-c", "Yaser Kalaf Nazal"),
            Person("p-a", "Yasser Khalaf Nazzal"),
            Person("p-b", "Yaser Khalaf Nazzal"),
            Person("p-d", "Yasser Khalaf"));

        // When screened with a low threshold, then with a limit of 2
        var all = screener.Screen(new ScreeningQuery("Yasser Khalaf Nazzal") { Threshold = 0.5 });
        var limited = screener.Screen(new ScreeningQuery("Yasser Khalaf Nazzal") { Threshold = 0.5, Limit = 2 });

        // Then the results come best first and the limit keeps the best two
        Assert.Equal(4, all.Results.Count);
        Assert.Equal("p-a", all.Results[0].Entity.Id);
        for (var i = 1; i < all.Results.Count; i++)
        {
            Assert.True(all.Results[i - 1].Score >= all.Results[i].Score, "results not in descending score order");
        }

        Assert.Equal(all.Results.Take(2).Select(h => h.Entity.Id), limited.Results.Select(h => h.Entity.Id));
    }

    [Fact]
    public void Ties_are_ordered_by_id()
    {
        // Given two people with the same name
        var screener = ScreenerOf(Person("p-z", "Jane Roe"), Person("p-a", "Jane Roe"));

        // When screened
        var response = screener.Screen(new ScreeningQuery("Jane Roe"));

        // Then equal scores come in id order
        Assert.Equal(["p-a", "p-z"], response.Results.Select(h => h.Entity.Id));
    }

    [Fact]
    public void Each_entity_appears_once_with_its_best_name()
    {
        // Given a person whose name and alias both resemble the query
        var screener = ScreenerOf(Person("p-1", "Yaser Khalaf Nazal", aliases: ["Yasser Khalaf Nazzal"]));

        // When screened
        var response = screener.Screen(new ScreeningQuery("Yasser Khalaf Nazzal"));

        // Then one hit, on the better name
        var hit = Assert.Single(response.Results);
        Assert.Equal("alias", hit.MatchedProperty);
        Assert.Equal(1.0, hit.Score);
    }

    [Theory]
    [InlineData("1980-13-01", null, null, "birthDate")]
    [InlineData("1980-02-31", null, null, "birthDate")]
    [InlineData("yesterday", null, null, "birthDate")]
    [InlineData(null, "Atlantis", null, "country")]
    [InlineData(null, null, "Robot", "schema")]
    [InlineData(null, null, "person", "schema")]
    public void Invalid_query_facts_are_refused_naming_the_field(string? dob, string? country, string? schema, string field)
    {
        // Given a screener
        var screener = ScreenerOf(Person("p-1", "Jane Roe"));

        // When a query carries an invalid fact
        var error = Assert.Throws<ModelException>(() => screener.Screen(new ScreeningQuery("Jane Roe", dob, country, schema)));

        // Then the field is named
        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void A_weak_alias_hit_scores_below_the_same_name_as_an_alias()
    {
        // Given one person with the name as an alias and another with it as a weak alias
        var screener = ScreenerOf(
            Person("p-alias", "Taha Sobhi Falaha", aliases: ["Abu Sadek al Rawi"]),
            Person("p-weak", "Jaber Taha Falah", weakAliases: ["Abu Sadek al Rawi"]));

        // When the name is screened
        var response = screener.Screen(new ScreeningQuery("Abu Sadek al Rawi"));

        // Then both are found and the weak alias scores lower
        var strong = HitFor(response, "p-alias");
        var weak = HitFor(response, "p-weak");
        Assert.Equal("weakAlias", weak.MatchedProperty);
        Assert.True(weak.Score < strong.Score, $"{weak.Score} >= {strong.Score}");
        Assert.Equal(["p-alias", "p-weak"], response.Results.Select(h => h.Entity.Id));
    }

    [Fact]
    public void Entities_that_are_not_matchable_are_not_indexed()
    {
        // Given a person and a sanction naming a program
        var sanction = new EntityBuilder("s-1", Schemata.Sanction, "s-1").Add("program", "Jane Roe").Add("entity", "p-1").Build();
        var index = ScreeningIndex.Build([Person("p-1", "Jane Roe", aliases: ["J Roe", "Jane Roe"]), sanction]);

        // Then only the person and its distinct names are in the index
        Assert.Equal(1, index.EntityCount);
        Assert.Equal(2, index.NameCount);
    }

    [Fact]
    public void A_name_with_no_shared_key_is_not_a_candidate()
    {
        // Given one listed person
        var screener = ScreenerOf(Person("p-1", "Jane Roe"));

        // When an unrelated name is screened with no threshold
        var response = screener.Screen(new ScreeningQuery("Xavier Quinn") { Threshold = 0 });

        // Then nothing is even scored
        Assert.Empty(response.Results);
    }

    [Fact]
    public void A_name_written_with_a_joined_particle_finds_the_separate_form()
    {
        // Given a list writing "al-Rawi"
        var screener = ScreenerOf(Person("p-1", "Yasser al-Rawi"));

        // When screened as "Alrawi"
        var response = screener.Screen(new ScreeningQuery("Yasser Alrawi"));

        // Then it is found
        Assert.Equal("p-1", Assert.Single(response.Results).Entity.Id);
    }

    [Fact]
    public void A_joined_particle_is_found_when_the_name_has_another_particle()
    {
        // Given a list writing "al-Rawi" after another particle
        var screener = ScreenerOf(Person("p-1", "Abu Sadek al-Rawi"));

        // When screened as "Alrawi"
        var response = screener.Screen(new ScreeningQuery("Abu Sadek Alrawi"));

        // Then it is found
        Assert.Equal("p-1", Assert.Single(response.Results).Entity.Id);
    }

    [Fact]
    public void The_name_explanation_quotes_the_query_and_the_matched_name()
    {
        // Given a person with an alias
        var screener = ScreenerOf(Person("p-1", "Taha Sobhi Falaha", aliases: ["Abu Mohammed al-Adnani"]));

        // When screened
        var hit = Assert.Single(screener.Screen(new ScreeningQuery("abu mohammed al adnani")).Results);

        // Then the first explanation line is the name, quoting both
        var name = hit.Explanation[0];
        Assert.Equal("name", name.Factor);
        Assert.Equal(1.0, name.Effect);
        Assert.Contains("'abu mohammed al adnani'", name.Detail, StringComparison.Ordinal);
        Assert.Contains("alias 'Abu Mohammed al-Adnani'", name.Detail, StringComparison.Ordinal);
    }
}
