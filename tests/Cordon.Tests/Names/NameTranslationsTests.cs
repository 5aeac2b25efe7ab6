using Cordon.Model;
using Cordon.Names;
using Cordon.Screening;

namespace Cordon.Tests.Names;

public sealed class NameTranslationsTests
{
    [Fact]
    public void Every_arabic_script_word_of_the_table_reads_as_one_word_in_the_group_of_its_translations()
    {
        // Given the embedded table's Arabic-script words
        var words = NameTranslations.ScriptWords;
        Assert.True(words.Count >= 50, $"{words.Count}");

        // Then each reads as one Latin word, and that reading is a variant of every translation given for it
        Assert.All(words, entry =>
        {
            var reading = NameNormalizer.Normalize(entry.Word);
            Assert.DoesNotContain(' ', reading);
            Assert.All(entry.Translations, t => Assert.True(NameVariants.AreVariants(reading, t), $"{entry.Word} ({reading}) ~ {t}"));
        });
    }

    [Theory]
    [InlineData("沈忠國際海運有限公司", "shen zhong international shipping you xian gong si")]
    [InlineData("华信船务有限公司", "hua xin shipping you xian gong si")]
    [InlineData("朝鲜联合机械贸易会社", "korea joint machinery trading hui she")]
    public void Han_words_of_the_table_are_translated_before_transliteration_longest_first(string han, string expected)
    {
        Assert.Equal(expected, NameNormalizer.Normalize(han));
    }

    [Theory]
    [InlineData("沈忠國際海運有限公司")]
    [InlineData("华信船务股份有限公司")]
    [InlineData("東京株式会社")]
    public void A_han_legal_form_is_left_to_the_legal_form_table(string han)
    {
        // Given a company name ending in a Han legal form, which org-types.txt reads (有限公司 is a Ltd)
        var name = new PreparedName(han, organisation: true);

        // Then the translation table has not changed it: it is still read as a legal form
        Assert.Equal(NamePartKind.LegalForm, name.Kinds[^1]);
    }

    [Fact]
    public void Latin_legal_forms_keep_their_own_reading_whatever_the_han_table_says()
    {
        // "Co Ltd" is read as the legal form CoLtd, and a transposed "OC LTD" still meets it
        var (parts, _) = LegalForms.Replace(["co", "ltd"]);
        var score = NameScorer.Score(new PreparedName("HOERYONG SHIPPING OC LTD", true), new PreparedName("HOERYONG SHIPPING CO LTD", true)).Score;

        Assert.Equal(["coltd"], parts);
        Assert.True(score >= 0.9, $"{score}");
    }

    [Fact]
    public void Text_without_han_characters_is_returned_as_it_is()
    {
        const string name = "جبهة النصرة Korea Shipping";

        Assert.Same(name, NameTranslations.ReplaceHan(name));
    }

    [Theory]
    [InlineData("الجماعة الليبية الاسلامية المقاتلة", "LIBYAN ISLAMIC FIGHTING GROUP")]
    [InlineData("الدولة الإسلامية في العراق والشام", "ISLAMIC STATE IN IRAQ AND THE LEVANT")]
    [InlineData("القاعدة في جزيرة العرب", "AL-QAIDA IN THE ARABIAN PENINSULA")]
    [InlineData("沈忠國際海運有限公司", "SHEN ZHONG INTERNATIONAL SHIPPING")]
    public void An_organisation_named_in_translation_is_found_first_by_its_native_name(string native, string latin)
    {
        // Given an index of organisations whose Latin names share generic words
        var names = new[]
        {
            latin, "JEMAAH ISLAMIYAH", "ISLAMIC JIHAD GROUP", "AL-QAIDA", "ISLAMIC MOVEMENT OF UZBEKISTAN",
            "KOREA SHIPPING COMPANY", "ANSAR AL-ISLAM", "EGYPTIAN ISLAMIC JIHAD",
        };
        var entities = names.Select((n, i) => new EntityBuilder($"e{i}", Schemata.Organization).Add("name", n).Build());
        var screener = new Screener(ScreeningIndex.Build(entities));

        // When the native-script name is screened
        var results = screener.Screen(new ScreeningQuery(native) { Schema = "Organization", Threshold = 0, Limit = 3 }).Results;

        // Then the organisation it translates comes first
        Assert.NotEmpty(results);
        Assert.Equal("e0", results[0].Entity.Id);
    }

    [Fact]
    public void A_translated_generic_word_alone_makes_no_hit()
    {
        // Given an organisation whose only word besides "Group" is its name
        var entity = new EntityBuilder("e1", Schemata.Organization).Add("name", "Tunisian Combatant Group").Build();
        var screener = new Screener(ScreeningIndex.Build([entity]));

        // When the Arabic word for group is screened on its own
        var results = screener.Screen(new ScreeningQuery("الجماعة") { Schema = "Organization" }).Results;

        // Then there is no hit: a translation is a variant spelling, not a reason to match on a generic word
        Assert.Empty(results);
    }
}
