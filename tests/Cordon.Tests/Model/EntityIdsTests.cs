using Cordon.Model;

namespace Cordon.Tests.Model;

public sealed class EntityIdsTests
{
    [Theory]
    [InlineData("un", new[] { "QDi.325" }, "un-QDi.325")]
    [InlineData("ofac", new[] { "12345" }, "ofac-12345")]
    [InlineData("csv", new[] { " A/1 2 " }, "csv-A-1-2")]
    [InlineData("un", new[] { "QDi.325", "passport" }, "un-QDi.325-passport")]
    [InlineData("x", new[] { "Müller" }, "x-M-ller")]
    public void Make_joins_parts_and_replaces_unsafe_characters(string prefix, string[] parts, string expected)
    {
        // When an id is made from a prefix and source parts
        var id = EntityIds.Make(prefix, parts);

        // Then unsafe characters become '-' and the result is a valid id
        Assert.Equal(expected, id);
        Assert.True(EntityIds.IsValid(id));
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("a", true)]
    [InlineData("a b", false)]
    [InlineData("a:b_c-d.e", true)]
    [InlineData("é", false)]
    public void IsValid_accepts_only_the_safe_alphabet(string? id, bool valid)
    {
        Assert.Equal(valid, EntityIds.IsValid(id));
    }
}
