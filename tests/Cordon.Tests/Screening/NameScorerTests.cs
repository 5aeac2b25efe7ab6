using Cordon.Screening;

namespace Cordon.Tests.Screening;

public sealed class NameScorerTests
{
    private static double Score(string query, string candidate, bool organisation = false) =>
        NameScorer.Score(new PreparedName(query, organisation), new PreparedName(candidate, organisation)).Score;

    [Fact]
    public void Identical_names_score_one_and_pair_every_part()
    {
        // When a name is scored against itself
        var (score, pairs) = NameScorer.Score(new PreparedName("Jane Mary Roe", false), new PreparedName("jane mary roe", false));

        // Then it scores 1 with three perfect pairs
        Assert.Equal(1.0, score, 1e-9);
        Assert.Equal(3, pairs.Count);
        Assert.All(pairs, p => Assert.Equal(1.0, p.Similarity));
    }

    [Theory]
    [InlineData("سيد أحمد شهيد خيل", "SAID AHMED SHAHIDKHEL")]
    [InlineData("ولی جان", "WALIJAN")]
    public void A_name_written_apart_in_arabic_script_meets_its_latin_spelling_as_one_word(string arabic, string latin)
    {
        // Given a name Arabic script writes in two words and the list in one
        var query = new PreparedName(arabic, false);

        // When it is scored against the Latin spelling
        var (score, pairs) = NameScorer.Score(query, new PreparedName(latin, false));

        // Then the two words are read joined and pair with the one
        Assert.True(score >= 0.75, $"{score}");
        Assert.Contains(pairs, p => p.EntityPart == latin.Split(' ')[^1].ToLowerInvariant() && p.QueryPart.Length > 5);
    }

    [Fact]
    public void A_name_and_its_al_din_meet_the_latin_written_apart_as_well()
    {
        // سيف الدين is Saifuddin in one list and Saif al-Din in another
        var (score, pairs) = NameScorer.Score(new PreparedName("سيف الدين المشهداني", false), new PreparedName("SAIF-AL-DIN AL-MASHHADANI", false));

        Assert.True(score >= 0.75, $"{score}");
        Assert.Contains(pairs, p => p.QueryPart == "aldyn" && p.EntityPart == "aldin");
    }

    [Theory]
    [InlineData("نور الدين بن علي بن بلقاسم الدريسي", "NOUREDDINE BEN ALI BEN BELKASSEM AL-DRISSI", "nwrddyn")]
    [InlineData("سعد الدين سيد", "SADUDDIN SAYYED", "sadddyn")]
    public void A_name_and_its_al_din_are_read_joined_as_latin_lists_assimilate_them_even_among_particles(string arabic, string latin, string joined)
    {
        // Given a name whose الدين Latin lists write joined and assimilated (Noureddine), with three particles besides
        var query = new PreparedName(arabic, false);

        // When it is scored against the Latin spelling
        var (score, pairs) = NameScorer.Score(query, new PreparedName(latin, false));

        // Then the compound is read joined, its article taking the d's sound, and the whole name matches
        Assert.Contains(joined, query.Table);
        Assert.Contains(pairs, p => p.QueryPart == joined);
        Assert.True(score >= 0.75, $"{score}");
    }

    [Fact]
    public void A_word_pairs_with_a_legal_form_it_translates()
    {
        // الجماعة (jmaa) is the Arabic for Group, a legal form in an organisation's name
        var (score, pairs) = NameScorer.Score(new PreparedName("الجماعة التونسية المقاتلة", true), new PreparedName("TUNISIAN COMBATANT GROUP", true));

        Assert.Contains(pairs, p => p.QueryPart == "jmaa" && p.EntityPart == "group");
        Assert.True(score >= 0.75, $"{score}");
    }

    [Fact]
    public void Latin_words_written_apart_are_not_read_joined_as_arabic_script_is()
    {
        // Latin lists separate words on purpose; only Arabic script's spacing is unreliable this way.
        Assert.Empty(new PreparedName("Said Ahmed Shahid Khel", false).Joins);
        Assert.NotEmpty(new PreparedName("سيد أحمد شهيد خيل", false).Joins);
    }

    [Fact]
    public void A_word_pairs_with_a_legal_form_only_as_its_typo_not_as_a_sound_alike()
    {
        // TRADIBG is Trading with one letter wrong; Libi only shares a consonant skeleton with LLP
        var typo = Score("Acme Tradibg", "Acme Trading", organisation: true);
        var soundAlike = Score("Mahmud Libi", "Mahmud LLP", organisation: true);

        Assert.True(typo >= 0.7, $"typo {typo}");
        Assert.True(soundAlike < 0.7, $"sound-alike {soundAlike}");
    }

    [Fact]
    public void An_empty_name_scores_zero()
    {
        var (score, pairs) = NameScorer.Score(new PreparedName("", false), new PreparedName("Jane Roe", false));
        Assert.Equal(0, score);
        Assert.Empty(pairs);
    }

    [Fact]
    public void Swapped_parts_still_match_at_a_small_cost()
    {
        Assert.Equal(0.92 * Score("Jane Roe", "Jane Roe"), Score("Jane Roe", "Roe Jane"), 1e-9);
    }

    [Fact]
    public void Swapped_parts_around_bin_are_a_different_person()
    {
        // Salman son of Muhammad is not Muhammad son of Salman
        Assert.True(Score("SALMAN BIN MUHAMMAD AL-RAWI", "MUHAMMAD BIN SALMAN AL-RAWI") < 0.8);
    }

    [Fact]
    public void An_extra_part_lowers_the_score_by_its_weight()
    {
        // Given a candidate with one word more than the query
        var score = Score("Jane Roe", "Jane Mary Roe");

        // Then the query is fully covered and the candidate two thirds: the score leans on the better-covered side
        Assert.Equal((0.65 * 1.0) + (0.35 * 2.0 / 3.0), score, 1e-9);
    }

    [Fact]
    public void An_extra_particle_costs_less_than_an_extra_word()
    {
        var particle = Score("Mohamed Adnani", "Mohamed al Adnani");
        var word = Score("Mohamed Adnani", "Mohamed Sami Adnani");
        Assert.True(particle > word, $"{particle} <= {word}");
    }

    [Fact]
    public void Parts_less_similar_than_the_floor_do_not_pair()
    {
        // Given two names whose parts are all dissimilar
        var (score, pairs) = NameScorer.Score(new PreparedName("Jane Roe", false), new PreparedName("Xavier Quinn", false));

        // Then nothing pairs and the score is zero
        Assert.Empty(pairs);
        Assert.Equal(0, score);
    }

    [Fact]
    public void A_particle_joined_on_one_side_matches_the_separate_form()
    {
        // Given Alrawi against al-Rawi
        var score = Score("Yasser Alrawi", "Yasser al Rawi");

        // Then the merged reading makes it near exact
        Assert.True(score > 0.95, score.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_joined_particle_matches_the_separate_form_when_another_particle_precedes()
    {
        // Given Alrawi against al-Rawi, after "Abu"
        var score = Score("Abu Sadek Alrawi", "Abu Sadek al Rawi");

        // Then the merged reading makes it near exact
        Assert.True(score > 0.95, score.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Legal_forms_weigh_little_in_organisation_names()
    {
        // Given the same organisation with and without its legal form
        var withForm = Score("Noor Trading", "Noor Trading LLC", organisation: true);
        var asPerson = Score("Noor Trading", "Noor Trading LLC", organisation: false);

        // Then as an organisation the missing legal form hardly matters
        Assert.True(withForm > 0.9, withForm.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(withForm > asPerson);
    }
}
