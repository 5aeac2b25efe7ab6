using Cordon.Names;

namespace Cordon.Tests.Names;

public sealed class JaroWinklerTests
{
    private const double Tolerance = 0.001;

    [Theory]
    [InlineData("martha")]
    [InlineData("a")]
    [InlineData("")]
    public void Identical_strings_score_one(string s)
    {
        Assert.Equal(1.0, JaroWinkler.Similarity(s, s));
    }

    [Theory]
    [InlineData("", "martha")]
    [InlineData("martha", "")]
    [InlineData("abc", "xyz")]
    public void Empty_or_disjoint_strings_score_zero(string a, string b)
    {
        Assert.Equal(0.0, JaroWinkler.Similarity(a, b));
    }

    [Theory]
    [InlineData("MARTHA", "MARHTA", 0.961)]
    [InlineData("DIXON", "DICKSONX", 0.813)]
    [InlineData("DWAYNE", "DUANE", 0.840)]
    [InlineData("JELLYFISH", "SMELLYFISH", 0.896)]
    [InlineData("CRATE", "TRACE", 0.733)]
    public void Known_pairs_score_their_published_values(string a, string b, double expected)
    {
        // When the similarity is computed
        var score = JaroWinkler.Similarity(a, b);

        // Then it is the textbook value
        Assert.Equal(expected, score, Tolerance);
    }

    [Theory]
    [InlineData("MARTHA", "MARHTA")]
    [InlineData("DIXON", "DICKSONX")]
    [InlineData("mohammed", "muhammad")]
    [InlineData("abcdef", "fedcba")]
    [InlineData("hussein", "husayn")]
    [InlineData("aab", "aba")]
    public void Similarity_is_symmetric(string a, string b)
    {
        Assert.Equal(JaroWinkler.Similarity(a, b), JaroWinkler.Similarity(b, a), 1e-12);
    }

    [Fact]
    public void A_common_prefix_raises_the_score_over_plain_jaro()
    {
        // Given pairs with the same Jaro similarity, one sharing a prefix
        var withPrefix = JaroWinkler.Similarity("abcdxy", "abcdyx");
        var withoutPrefix = JaroWinkler.Similarity("xyabcd", "yxabcd");

        // Then the one with the shared prefix scores higher
        Assert.True(withPrefix > withoutPrefix, $"{withPrefix} <= {withoutPrefix}");
    }

    [Fact]
    public void Scores_stay_between_zero_and_one()
    {
        string[] words = ["mohammed", "mohamed", "muhammad", "ali", "x", "abdulrahman", "abd", "rahman", "yusuf", "youssef"];
        foreach (var a in words)
        {
            foreach (var b in words)
            {
                var s = JaroWinkler.Similarity(a, b);
                Assert.InRange(s, 0.0, 1.0);
            }
        }
    }
}
