using System.Globalization;
using Cordon.Model;
using Cordon.Names;
using Cordon.Screening;

namespace Cordon.Tests.Screening;

/// <summary>
/// The rules the matcher applies to particular kinds of names: patronymics weigh half a word, "Abd al-…" is one name,
/// a one-word name cannot carry a match on one word of a longer name, a father and son swapped around "bin" are two
/// people, organisations of different legal types are different organisations.
/// </summary>
public sealed class MatcherRulesTests
{
    private const double Threshold = Screener.DefaultThreshold;

    internal static double Score(string query, string candidate, bool organisation = false) =>
        NameScorer.Score(new PreparedName(query, organisation), new PreparedName(candidate, organisation)).Score;

    internal static string Describe(string query, string candidate, double score) =>
        string.Create(CultureInfo.InvariantCulture, $"'{query}' ~ '{candidate}' scored {score:F4}");

    // ---- NameParts: patronymics and compound heads ----

    [Theory]
    [InlineData("oleksandrovych")]
    [InlineData("iraklievich")]
    [InlineData("petrovna")]
    [InlineData("ivanovich")]
    [InlineData("sergeevna")]
    [InlineData("olehivna")]
    [InlineData("mykolaivna")]
    [InlineData("vladimirovitch")]
    [InlineData("nikolaevych")]
    [InlineData("illichna")]
    public void East_Slavic_patronymics_of_people_are_patronymics(string part)
    {
        Assert.True(NameParts.IsPatronymic(part));
        Assert.Equal(NamePartKind.Patronymic, NameParts.Classify(part, organisation: false));
    }

    [Fact]
    public void Ilyich_is_a_patronymic()
    {
        Assert.True(NameParts.IsPatronymic("ilyich"));
        Assert.Equal(NamePartKind.Patronymic, NameParts.Classify("ilyich", organisation: false));
        Assert.Equal(NamePartKind.Patronymic, NameParts.Classify("ilich", organisation: false));
    }

    [Theory]
    [InlineData("oleksandrovych")]
    [InlineData("petrovna")]
    [InlineData("iraklievich")]
    public void In_an_organisation_a_patronymic_ending_is_an_ordinary_word(string part)
    {
        Assert.Equal(NamePartKind.Word, NameParts.Classify(part, organisation: true));
    }

    [Theory]
    [InlineData("ovich")]
    [InlineData("evna")]
    [InlineData("ivna")]
    [InlineData("ovych")]
    [InlineData("evitch")]
    [InlineData("ivan")]
    [InlineData("richardson")]
    [InlineData("petrov")]
    [InlineData("ivanova")]
    [InlineData("vich")]
    [InlineData("")]
    [InlineData("IVANOVICH")]
    public void Short_parts_bare_suffixes_and_ordinary_names_are_not_patronymics(string part)
    {
        Assert.False(NameParts.IsPatronymic(part));
        Assert.NotEqual(NamePartKind.Patronymic, NameParts.Classify(part, organisation: false));
    }

    [Fact]
    public void A_patronymic_weighs_half_a_word_and_more_than_a_particle()
    {
        var patronymic = NameParts.Weight(NamePartKind.Patronymic);

        Assert.Equal(NameParts.Weight(NamePartKind.Word) / 2, patronymic);
        Assert.True(patronymic > NameParts.Weight(NamePartKind.Particle));
    }

    [Theory]
    [InlineData("abd")]
    [InlineData("abdul")]
    [InlineData("abdel")]
    [InlineData("abdal")]
    [InlineData("abdoul")]
    [InlineData("abdur")]
    [InlineData("abdus")]
    [InlineData("abdou")]
    [InlineData("abdil")]
    [InlineData("abdar")]
    [InlineData("abdas")]
    public void Abd_and_its_spellings_with_the_article_begin_a_compound(string part)
    {
        Assert.True(NameParts.IsCompoundHead(part));
        // A compound head is a full word on its own, not a particle.
        Assert.Equal(NamePartKind.Word, NameParts.Classify(part, organisation: false));
    }

    [Theory]
    [InlineData("abdullah")]
    [InlineData("abdulrahman")]
    [InlineData("abu")]
    [InlineData("ab")]
    [InlineData("al")]
    [InlineData("ABDUL")]
    [InlineData("")]
    public void Other_parts_do_not_begin_a_compound(string part)
    {
        Assert.False(NameParts.IsCompoundHead(part));
    }

    // ---- PreparedName: Abd + article, compounds, words, weights ----

    [Theory]
    [InlineData("ABD AL-RAZZAQ", "abdal", "razzaq")]
    [InlineData("Abd ar-Rahman", "abdar", "rahman")]
    [InlineData("abd as-Salam", "abdas", "salam")]
    [InlineData("ABD EL AZIZ", "abdel", "aziz")]
    public void Abd_and_the_article_after_it_are_one_part(string name, string head, string word)
    {
        // When the name is prepared
        var prepared = new PreparedName(name, organisation: false);

        // Then "abd" and the article are merged, and the pair also reads joined
        Assert.Equal([head, word], prepared.Parts);
        Assert.Equal([head, word, head + word], prepared.Table);
        Assert.Equal([0], prepared.Joins);
        Assert.Equal(1, prepared.Words);
    }

    [Fact]
    public void Abd_without_an_article_after_it_stays_apart()
    {
        // "Allah" is not an article: the parts stay as written and the pair still reads joined.
        var prepared = new PreparedName("Abd Allah", organisation: false);

        Assert.Equal(["abd", "allah"], prepared.Parts);
        Assert.Equal(["abd", "allah", "abdallah"], prepared.Table);
    }

    [Fact]
    public void An_article_without_abd_before_it_is_not_merged()
    {
        var prepared = new PreparedName("Ali al Rawi", organisation: false);

        Assert.Equal(["ali", "al", "rawi"], prepared.Parts);
        Assert.Equal(NamePartKind.Particle, prepared.Kinds[1]);
        Assert.Equal(["ali", "al", "rawi", "alrawi"], prepared.Table);
    }

    [Theory]
    [InlineData("Abd Allah", 1)]
    [InlineData("Abdul Rahman", 1)]
    [InlineData("ABD AL-RAZZAQ", 1)]
    [InlineData("HAMZA", 1)]
    [InlineData("Abdul Rahman Zahed", 2)]
    [InlineData("Hamza Bhatti", 2)]
    [InlineData("Abdulrahman Zahed", 2)]
    [InlineData("Ali al Rawi", 2)]
    [InlineData("Volodymyr Oleksandrovych Zelenskyy", 3)]
    [InlineData("Sheikh Dr al", 0)]
    public void Words_count_a_compound_once_and_leave_out_particles_and_honorifics(string name, int words)
    {
        Assert.Equal(words, new PreparedName(name, organisation: false).Words);
    }

    [Fact]
    public void A_common_word_weighs_less_than_a_rare_one()
    {
        // Given a name of a very common given name and a made-up rare family name
        var prepared = new PreparedName("Mohammed Zqxwv", organisation: false);

        // Then the common word weighs its rarity factor, the rare one a full word
        Assert.Equal(NameRarity.Factor("mohammed"), prepared.Weights[0], 1e-12);
        Assert.Equal(1.0, prepared.Weights[1]);
        Assert.True(prepared.Weights[0] < prepared.Weights[1]);
        Assert.True(prepared.Weights[0] >= NameRarity.MinimumFactor);
    }

    [Fact]
    public void A_patronymic_weighs_half_and_a_particle_weighs_its_kind_without_rarity()
    {
        var prepared = new PreparedName("Ivan Petrovich al Sidorov", organisation: false);

        Assert.Equal(NamePartKind.Patronymic, prepared.Kinds[1]);
        Assert.Equal(0.5, prepared.Weights[1]);
        Assert.Equal(NamePartKind.Particle, prepared.Kinds[2]);
        Assert.Equal(NameParts.Weight(NamePartKind.Particle), prepared.Weights[2]);
    }

    // ---- NameScorer: one-word names ----

    [Theory]
    [InlineData("Hamza Bhatti", "HAMZA")]
    [InlineData("HAMZA", "Hamza Bhatti")]
    [InlineData("Zqxwv", "Zqxwv Bhatti")]
    [InlineData("Bhatti", "Hamza Bhatti")]
    public void A_one_word_name_does_not_reach_the_threshold_on_one_word_of_a_two_word_name(string query, string candidate)
    {
        var score = Score(query, candidate);

        Assert.True(score < Threshold, Describe(query, candidate, score));
        // Still related: the shared word counts for something.
        Assert.True(score > 0.3, Describe(query, candidate, score));
    }

    [Fact]
    public void A_one_word_name_against_the_same_word_scores_one()
    {
        Assert.Equal(1.0, Score("Hamza", "HAMZA"));
        Assert.Equal(1.0, Score("HAMZA", "hamza"));
    }

    [Fact]
    public void A_compound_of_two_words_counts_as_one_word_against_a_one_word_name()
    {
        // "Abdul Rahman" is one name in two words: against "Abdulrahman" it is a whole match, not one word of two.
        var score = Score("Abdul Rahman", "ABDULRAHMAN");

        Assert.True(score >= 0.95, Describe("Abdul Rahman", "ABDULRAHMAN", score));
    }

    // ---- NameScorer: patronymics ----

    [Fact]
    public void A_missing_patronymic_costs_little_across_scripts()
    {
        const string query = "Володимир Зеленський", candidate = "Volodymyr Oleksandrovych Zelenskyy";

        var score = Score(query, candidate);

        Assert.True(score >= Threshold, Describe(query, candidate, score));
        Assert.True(score < 1.0, Describe(query, candidate, score));
    }

    [Fact]
    public void A_missing_patronymic_costs_less_than_a_different_one()
    {
        // Given the same person with and without a patronymic, and a namesake with another father
        var missing = Score("Ivan Sidorov", "Ivan Petrovich Sidorov");
        var different = Score("Ivan Petrovich Sidorov", "Ivan Nikolaevich Sidorov");

        // Then the missing patronymic costs little and the different one costs more
        Assert.True(missing >= Threshold, Describe("Ivan Sidorov", "Ivan Petrovich Sidorov", missing));
        Assert.True(different < missing, string.Create(CultureInfo.InvariantCulture, $"different patronymic {different:F4}, missing patronymic {missing:F4}"));
        Assert.True(different < 1.0);
    }

    [Fact]
    public void A_missing_patronymic_costs_less_than_a_missing_given_name()
    {
        var patronymic = Score("Ivan Sidorov", "Ivan Petrovich Sidorov");
        var given = Score("Ivan Sidorov", "Ivan Zqxwv Sidorov");

        Assert.True(patronymic > given, string.Create(CultureInfo.InvariantCulture, $"missing patronymic {patronymic:F4}, missing given name {given:F4}"));
    }

    // ---- NameScorer: father and son around "bin" ----

    [Theory]
    [InlineData("SALMAN BIN MUHAMMAD AL-RAWI", "MUHAMMAD BIN SALMAN AL-RAWI")]
    [InlineData("MUHAMMAD BIN SALMAN AL-RAWI", "SALMAN BIN MUHAMMAD AL-RAWI")]
    [InlineData("Zqxwv bin Qwerty", "Qwerty bin Zqxwv")]
    public void Father_and_son_swapped_around_bin_stay_below_the_threshold(string query, string candidate)
    {
        var score = Score(query, candidate);

        Assert.True(score < Threshold, Describe(query, candidate, score));
        // Every part pairs, so only the swap keeps them apart.
        Assert.True(score > 0.5, Describe(query, candidate, score));
    }

    [Theory]
    [InlineData("Salman Mohammed bin", "Mohammed bin Salman")]
    [InlineData("bin Salman Mohammed", "Mohammed bin Salman")]
    public void A_bin_left_at_an_end_of_shuffled_parts_names_no_father(string query, string candidate)
    {
        var score = Score(query, candidate);
        Assert.True(score >= Threshold, Describe(query, candidate, score));
    }

    [Theory]
    [InlineData("Abu Mahmood al-Saadi", "Ali Saadi", false)]
    [InlineData("Eli Cohen", "El Cohen", false)]
    [InlineData("Smith Co", "Smith Cole", true)]
    [InlineData("Abu Saadi", "Abul Saadi", false)]
    public void A_particle_or_short_legal_form_is_no_near_spelling_of_a_word(string query, string candidate, bool organisation)
    {
        var score = Score(query, candidate, organisation);
        var pairs = NameScorer.Score(new PreparedName(query, organisation), new PreparedName(candidate, organisation)).Pairs;

        Assert.True(score < Threshold, Describe(query, candidate, score));
        Assert.DoesNotContain(pairs, p => p.QueryPart is "al" or "el" or "co" or "eli" or "abu");
    }

    [Theory]
    [InlineData("WAYSIDE CORPORATIONJ", "WAYSIDE CORPORATION", true)]
    [InlineData("MAHRUS TRADIGN FZE", "MAHRUS TRADING FZE", true)]
    [InlineData("TAMAYOZ LLCF", "TAMAYOZ LLC", true)]
    public void A_misspelt_legal_form_of_three_letters_or_more_is_still_itself(string query, string candidate, bool organisation)
    {
        var score = Score(query, candidate, organisation);
        var pairs = NameScorer.Score(new PreparedName(query, organisation), new PreparedName(candidate, organisation)).Pairs;

        Assert.True(score >= Threshold, Describe(query, candidate, score));
        Assert.Equal(new PreparedName(query, organisation).Parts.Length, pairs.Count);
    }

    [Fact]
    public void The_same_part_pairs_whatever_its_kind_on_either_side()
    {
        // "trading" is a legal form of a company and a word of a person's name
        var pairs = NameScorer.Score(new PreparedName("Zqxwv Trading", organisation: false), new PreparedName("Zqxwv Trading", organisation: true)).Pairs;
        Assert.Contains(pairs, p => p.QueryPart == "trading" && p.EntityPart == "trading");
    }

    [Fact]
    public void The_same_order_around_bin_scores_one()
    {
        Assert.Equal(1.0, Score("SALMAN BIN MUHAMMAD AL-RAWI", "Salman bin Muhammad al Rawi"));
    }

    [Fact]
    public void Parts_swapped_without_bin_cost_little()
    {
        const string query = "Salman Muhammad Rawi", candidate = "Muhammad Salman Rawi";

        var score = Score(query, candidate);

        Assert.True(score >= Threshold, Describe(query, candidate, score));
        Assert.True(score < 1.0, Describe(query, candidate, score));
    }

    // ---- NameScorer: legal forms of organisations ----

    [Theory]
    [InlineData("Deutsche Bank AG", "Deutsche Bank GmbH")]
    [InlineData("Deutsche Bank GmbH", "Deutsche Bank AG")]
    [InlineData("Deutsche Bank LLC", "Deutsche Bank JSC")]
    public void Organisations_with_legal_forms_of_different_types_stay_below_the_threshold(string query, string candidate)
    {
        var score = Score(query, candidate, organisation: true);

        Assert.True(score < Threshold, Describe(query, candidate, score));
    }

    [Theory]
    [InlineData("Deutsche Bank AG", "Deutsche Bank Aktiengesellschaft")]
    [InlineData("Deutsche Bank GmbH", "Deutsche Bank Gesellschaft mit beschränkter Haftung")]
    [InlineData("Deutsche Bank AG", "Deutsche Bank AG")]
    [InlineData("Deutsche Bank AG", "Deutsche Bank")]
    public void Organisations_with_the_same_legal_type_or_none_on_one_side_reach_the_threshold(string query, string candidate)
    {
        var score = Score(query, candidate, organisation: true);

        Assert.True(score >= Threshold, Describe(query, candidate, score));
    }

    [Fact]
    public void Different_legal_types_matter_only_for_organisations()
    {
        // Read as a person's name, "AG" and "GmbH" are plain parts: the scores differ from the organisation reading
        var asOrganisations = Score("Deutsche Bank AG", "Deutsche Bank GmbH", organisation: true);
        var aligned = Score("Deutsche Bank AG", "Deutsche Bank AG", organisation: true);

        Assert.Equal(1.0, aligned);
        Assert.True(asOrganisations < aligned);
    }

    // ---- NameScorer: Arabic script against Latin ----

    [Fact]
    public void An_Arabic_compound_name_matches_its_Latin_spelling_read_joined()
    {
        const string query = "عبد الرحمن زاهد", candidate = "ABDUL RAHMAN ZAHED";

        var score = Score(query, candidate);
        var reverse = Score(candidate, query);

        Assert.True(score >= Threshold, Describe(query, candidate, score));
        Assert.True(reverse >= Threshold, Describe(candidate, query, reverse));
    }

    [Fact]
    public void Empty_and_punctuation_only_names_score_zero()
    {
        Assert.Equal(0, Score("", "Hamza Bhatti"));
        Assert.Equal(0, Score("Hamza Bhatti", "  "));
        Assert.Equal(0, Score("--- ,,,", "Hamza Bhatti"));
        Assert.Empty(NameScorer.Score(new PreparedName("", false), new PreparedName("Hamza", false)).Pairs);
    }

    // ---- Screener: queries with and without a schema ----

    private static Entity Person(string id, string name) =>
        new EntityBuilder(id, Schemata.Person, id).Add("name", name).Build();

    private static Entity Organization(string id, string name) =>
        new EntityBuilder(id, Schemata.Organization, id).Add("name", name).Build();

    private static Screener ScreenerOf(params Entity[] entities) => new(ScreeningIndex.Build(entities));

    private static Screener Listed() => ScreenerOf(
        Organization("o-boyle", "BOYLE CHEMICAL CO., LTD."),
        Organization("o-other", "Bayer Chemicals AG"),
        Person("p-garcia", "GARCIA, Fredy"),
        Person("p-other", "Jane Roe"));

    [Fact]
    public void An_organisations_exact_listed_name_with_a_comma_and_legal_forms_is_found_without_a_schema()
    {
        // Given an organisation listed with a comma before its legal forms
        var screener = Listed();

        // When its exact name is screened with no schema
        var response = screener.Screen(new ScreeningQuery("BOYLE CHEMICAL CO., LTD."));

        // Then it is found as the best hit, at an exact score
        Assert.NotEmpty(response.Results);
        var hit = response.Results[0];
        Assert.Equal("o-boyle", hit.Entity.Id);
        Assert.True(hit.Score >= 0.99, string.Create(CultureInfo.InvariantCulture, $"scored {hit.Score:F4}"));
        Assert.Equal("BOYLE CHEMICAL CO., LTD.", hit.MatchedName);
        Assert.DoesNotContain(response.Results, h => h.Entity.Id == "p-garcia");
    }

    [Fact]
    public void An_organisations_name_screened_as_a_person_does_not_return_the_organisation()
    {
        var screener = Listed();

        var response = screener.Screen(new ScreeningQuery("BOYLE CHEMICAL CO., LTD.", Schema: "Person"));

        Assert.DoesNotContain(response.Results, h => h.Entity.Schema.Name != "Person");
        Assert.DoesNotContain(response.Results, h => h.Entity.Id == "o-boyle");
    }

    [Fact]
    public void An_organisations_name_screened_as_an_organisation_returns_it()
    {
        var screener = Listed();

        var response = screener.Screen(new ScreeningQuery("BOYLE CHEMICAL CO., LTD.", Schema: "Organization"));

        var hit = Assert.Single(response.Results, h => h.Entity.Id == "o-boyle");
        Assert.True(hit.Score >= 0.99, string.Create(CultureInfo.InvariantCulture, $"scored {hit.Score:F4}"));
    }

    [Theory]
    [InlineData("GARCIA, Fredy")]
    [InlineData("Fredy Garcia")]
    [InlineData("FREDY GARCIA")]
    public void A_person_listed_family_name_first_is_found_either_way_without_a_schema(string query)
    {
        // Given a person listed as "FAMILY, Given"
        var screener = Listed();

        // When the name is screened with no schema, as listed or in written order
        var response = screener.Screen(new ScreeningQuery(query));

        // Then the person is the best hit at an exact score
        Assert.NotEmpty(response.Results);
        var hit = response.Results[0];
        Assert.Equal("p-garcia", hit.Entity.Id);
        Assert.True(hit.Score >= 0.99, string.Create(CultureInfo.InvariantCulture, $"'{query}' scored {hit.Score:F4}"));
        Assert.DoesNotContain(response.Results, h => h.Entity.Id == "o-boyle");
    }

    [Theory]
    [InlineData("GARCIA, Fredy")]
    [InlineData("Fredy Garcia")]
    public void A_person_listed_family_name_first_is_found_with_the_person_schema(string query)
    {
        var screener = Listed();

        var response = screener.Screen(new ScreeningQuery(query, Schema: "Person"));

        var hit = Assert.Single(response.Results);
        Assert.Equal("p-garcia", hit.Entity.Id);
    }

    [Fact]
    public void A_person_is_not_found_with_the_organisation_schema()
    {
        var screener = Listed();

        var response = screener.Screen(new ScreeningQuery("GARCIA, Fredy", Schema: "Organization"));

        Assert.DoesNotContain(response.Results, h => h.Entity.Id == "p-garcia");
    }
}
