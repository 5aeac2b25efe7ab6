using Cordon.Model;

namespace Cordon.Tests.Model;

public sealed class CountriesTests
{
    [Theory]
    [InlineData("iq", "iq")]
    [InlineData("IQ", "iq")]
    [InlineData("IRQ", "iq")]
    [InlineData("Iraq", "iq")]
    [InlineData("SYR", "sy")]
    [InlineData("Syrian Arab Republic", "sy")]
    [InlineData("Iran (Islamic Republic of)", "ir")]
    [InlineData("Iran, Islamic Republic of", "ir")]
    [InlineData("KOREA (NORTH)", "kp")]
    [InlineData("Korea, Democratic People's Republic of", "kp")]
    [InlineData("Democratic Republic of the Congo", "cd")]
    [InlineData("United Kingdom of Great Britain and Northern Ireland", "gb")]
    [InlineData("xk", "xk")]
    [InlineData("Kosovo", "xk")]
    [InlineData("  united   arab emirates ", "ae")]
    public void Codes_alpha3_codes_and_names_map_to_the_lower_case_code(string text, string expected)
    {
        // Given a country as lists write it

        // When it is normalised
        var ok = Countries.TryNormalize(text, out var code);

        // Then the FtM code results
        Assert.True(ok, text);
        Assert.Equal(expected, code);
    }

    [Theory]
    [InlineData("Atlantis")]
    [InlineData("Korea")]
    [InlineData("Middle Earth")]
    [InlineData("zz")]
    [InlineData("")]
    public void Unknown_or_ambiguous_names_are_not_countries(string text)
    {
        // Given text that names no single country

        // When it is normalised
        var ok = Countries.TryNormalize(text, out var code);

        // Then it is refused
        Assert.False(ok);
        Assert.Equal("", code);
    }

    [Fact]
    public void NameOf_gives_the_english_short_name_or_the_code_itself()
    {
        // Given a known and an unknown code

        // Then known codes have their name and unknown codes come back unchanged
        Assert.Equal("Syria", Countries.NameOf("sy"));
        Assert.Equal("Iran", Countries.NameOf("ir"));
        Assert.Equal("qq", Countries.NameOf("qq"));
    }

    [Fact]
    public void Every_code_maps_back_to_itself()
    {
        // Given the whole table
        foreach (var code in Countries.Names.Keys)
        {
            // When the code and its own name are looked up
            var byCode = Countries.TryNormalize(code.ToUpperInvariant(), out var fromCode);
            var byName = Countries.TryNormalize(Countries.Names[code], out var fromName);

            // Then both give the code back
            Assert.True(byCode && fromCode == code, $"code {code} gave {fromCode}");
            Assert.True(byName && fromName == code, $"name {Countries.Names[code]} gave {fromName}");
        }
    }
}
