namespace Cordon.Synthetic;

/// <summary>
/// One name with its spellings: Latin transliterations (the first the usual one), the native script if the culture
/// writes another one, and for Russian given names the stems their patronymics are built on.
/// Written compactly in the tables as <c>Latin/Variant|Native|LatinStem|NativeStem</c>.
/// </summary>
internal sealed record NameForm(string[] Latin, string? Native, string? LatinStem, string? NativeStem)
{
    /// <summary>The usual Latin spelling.</summary>
    public string Usual => Latin[0];

    public static NameForm Parse(string entry)
    {
        var fields = entry.Split('|');
        return new NameForm(
            fields[0].Split('/'),
            fields.Length > 1 ? fields[1] : null,
            fields.Length > 2 ? fields[2] : null,
            fields.Length > 3 ? fields[3] : null);
    }

    public static NameForm[] ParseAll(string[] entries) => Array.ConvertAll(entries, Parse);

    /// <summary>A spelling: the usual one, or, when <paramref name="any"/>, any of them (lists disagree on transliteration).</summary>
    public string Spell(Random random, bool any) => any ? Latin[random.Next(Latin.Length)] : Latin[0];

    /// <summary>A spelling other than <paramref name="used"/>, or null when there is no other.</summary>
    public string? Respell(Random random, string used)
    {
        if (Latin.Length < 2)
        {
            return null;
        }

        var pick = Latin[random.Next(Latin.Length)];
        return string.Equals(pick, used, StringComparison.Ordinal) ? Latin[(Array.IndexOf(Latin, pick) + 1) % Latin.Length] : pick;
    }
}
