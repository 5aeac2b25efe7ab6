using Cordon.Names;

namespace Cordon.Tests.Names;

public sealed class PhoneticKeyTests
{
    [Theory]
    [InlineData("mohammed", "mohamed", "mhmd")]
    [InlineData("mohamed", "muhammad", "mhmd")]
    [InlineData("muhammad", "mohammad", "mhmd")]
    [InlineData("yusuf", "youssef", "ysf")]
    [InlineData("yusuf", "yousef", "ysf")]
    [InlineData("hussein", "husayn", "hsn")]
    [InlineData("hussein", "hussain", "hsn")]
    [InlineData("qasim", "kasim", "ksm")]
    public void Transliteration_variants_share_a_key(string a, string b, string key)
    {
        // When both spellings are keyed
        var ka = PhoneticKey.Of(a);
        var kb = PhoneticKey.Of(b);

        // Then both give the same consonant skeleton
        Assert.Equal(key, ka);
        Assert.Equal(key, kb);
    }

    [Theory]
    [InlineData("mohammed", "mustafa")]
    [InlineData("hussein", "karim")]
    [InlineData("khalid", "walid")]
    [InlineData("yusuf", "yunus")]
    [InlineData("omar", "ali")]
    [InlineData("ahmad", "hamid")]
    public void Different_names_have_different_keys(string a, string b)
    {
        Assert.NotEqual(PhoneticKey.Of(a), PhoneticKey.Of(b));
    }

    [Theory]
    [InlineData("khalid", "kld")]
    [InlineData("ahmad", "ahmd")]
    [InlineData("omar", "omr")]
    [InlineData("a", "a")]
    [InlineData("", "")]
    public void The_key_keeps_the_first_letter_and_folds_consonant_digraphs(string token, string key)
    {
        Assert.Equal(key, PhoneticKey.Of(token));
    }
}
