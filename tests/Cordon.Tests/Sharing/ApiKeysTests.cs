using Cordon.Model;
using Cordon.Sharing;

namespace Cordon.Tests.Sharing;

public sealed class ApiKeysTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_new_key_is_random_recognisable_and_its_id_reveals_none_of_the_secret()
    {
        var a = ApiKeys.Create("BKA", Role.Admin, "ops", Now);
        var b = ApiKeys.Create("BKA", Role.Admin, "ops", Now);

        Assert.NotEqual(a.Secret, b.Secret);
        Assert.True(ApiKeys.LooksLikeKey(a.Secret));
        Assert.Equal(ApiKeys.Hash(a.Secret), a.Hash);
        Assert.StartsWith("key_", a.Key.Id, StringComparison.Ordinal);
        Assert.DoesNotContain(a.Key.Id[4..], a.Secret, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("cordon_short")]
    [InlineData("Bearer cordon_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("cordon_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA!")]
    public void Text_that_cannot_be_a_key_is_refused_before_any_lookup(string? text) => Assert.False(ApiKeys.LooksLikeKey(text));

    [Fact]
    public void A_key_for_a_malformed_agency_code_is_refused()
    {
        Assert.Equal("agency", Assert.Throws<ModelException>(() => ApiKeys.Create("not valid", Role.Screener, null, Now)).Field);
        Assert.Equal("role", Assert.Throws<ModelException>(() => Roles.Parse("root")).Field);
    }
}
