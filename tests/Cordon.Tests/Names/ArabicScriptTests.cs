using Cordon.Names;

namespace Cordon.Tests.Names;

public sealed class ArabicScriptTests
{
    [Theory]
    [InlineData("عبد الله", "عبدالله")]
    [InlineData("نور الدين", "نورالدين")]
    [InlineData("الحكيم", "ال حكيم")]
    [InlineData("حمزة", "حمزa")]
    public void Arabic_names_are_prepared_the_way_latin_lists_spell_them(string input, string expected)
    {
        Assert.Equal(expected, ArabicScript.Prepare(input));
    }

    [Fact]
    public void Latin_text_is_left_alone()
    {
        const string name = "Abdullah al-Hakim";

        Assert.Same(name, ArabicScript.Prepare(name));
    }

    [Fact]
    public void Abdullah_in_arabic_script_meets_its_latin_spelling()
    {
        // Given Abdullah written apart in Arabic, and as one word in Latin
        var arabic = NameNormalizer.Normalize("عبد الله");

        // When the parts are compared by consonants, as for any Arabic-script name
        var similarity = PartSimilarity.Of(arabic, "abdullah", vowelBlind: true);

        // Then they are the same name
        Assert.True(similarity >= 0.85, $"{arabic} ~ abdullah = {similarity}");
    }
}
