using System.Collections.Frozen;

namespace Cordon.Names;

/// <summary>What a name part is, which decides how much it weighs in a match.</summary>
public enum NamePartKind
{
    Word,

    /// <summary>A father's name in the East Slavic form (Ivanovich, Petrovna): part of the name, but weighs less.</summary>
    Patronymic,
    Particle,
    Honorific,
    LegalForm,

    /// <summary>
    /// A number (Brigade 44, Trust 2004-1) or, after the first part of an organisation's name, a Roman numeral
    /// (Partners VII): it tells the members of a series apart, so it counts, but as half a word.
    /// </summary>
    Number,

    /// <summary>A country or region in an organisation's name (FABERLIC EUROPE, Banco Santander México): it qualifies, it does not name.</summary>
    Place,
}

/// <summary>
/// Classifies normalised name parts. Particles (al, bin, van…) and honorifics (dr, sheikh…) weigh little, so that a
/// match cannot rest on them; organisation legal forms (ltd, llc…) weigh less still.
/// </summary>
public static class NameParts
{
    private static readonly FrozenSet<string> Particles = FrozenSet.ToFrozenSet(
        ["al", "el", "bin", "ibn", "ben", "bint", "ould", "abu", "abou", "abo", "umm", "um", "ag", "ait", "da", "de", "del", "della", "der",
         "di", "do", "dos", "du", "la", "le", "van", "von", "y", "e", "ter", "ten", "st", "mac", "ap"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> Honorifics = FrozenSet.ToFrozenSet(
        ["dr", "mr", "mrs", "ms", "sir", "sheikh", "shaykh", "sheik", "shaikh", "haji", "hajji", "hajj", "mullah", "mulla", "maulana",
         "maulvi", "mawlawi", "qari", "imam", "general", "gen", "colonel", "col", "major", "capt", "captain", "prof", "president", "minister"],
        StringComparer.Ordinal);

    private static readonly FrozenSet<string> LegalForms = FrozenSet.ToFrozenSet(
        ["ltd", "limited", "llc", "inc", "incorporated", "corp", "corporation", "co", "company", "plc", "sa", "sarl", "sas", "srl",
         "gmbh", "ag", "kg", "bv", "nv", "oy", "ab", "as", "spa", "ooo", "oao", "zao", "pao", "jsc", "ojsc", "cjsc", "pjsc", "fze",
         "fzco", "fzc", "llp", "lp", "pte", "pvt", "bhd", "sdn", "kk", "cv", "de", "group", "holding", "holdings", "trading",
         "establishment", "est", "the", "and", "of", "for", "in", "fi", "fy"],
        StringComparer.Ordinal);

    /// <summary>The kind of part <paramref name="at"/> of a name, which for a Roman numeral depends on where it stands.</summary>
    public static NamePartKind Classify(string[] parts, int at, bool organisation)
    {
        var kind = Classify(parts[at], organisation);
        return kind == NamePartKind.Word && organisation && at > 0 && NameNumbers.IsRoman(parts[at]) ? NamePartKind.Number : kind;
    }

    public static NamePartKind Classify(string part, bool organisation) =>
        part.Length > 0 && char.IsAsciiDigit(part[0]) ? NamePartKind.Number
        : organisation && LegalForms.Contains(part) ? NamePartKind.LegalForm
        : Particles.Contains(part) ? NamePartKind.Particle
        : Honorifics.Contains(part) ? NamePartKind.Honorific
        : !organisation && IsPatronymic(part) ? NamePartKind.Patronymic
        : organisation && IsPlace(part) ? NamePartKind.Place
        : NamePartKind.Word;

    private static readonly FrozenSet<string> Regions = FrozenSet.ToFrozenSet(
        ["europe", "asia", "africa", "america", "americas", "eurasia", "scandinavia", "caribbean", "arabia", "emea", "apac"],
        StringComparer.Ordinal);

    /// <summary>Whether a part is a country's name in one word (china, mexico, sweden) or a region's; codes such as "sa" are not.</summary>
    public static bool IsPlace(string part) =>
        part.Length >= 4 && (Regions.Contains(part) || Cordon.Model.Countries.TryNormalize(part, out _));

    /// <summary>
    /// Russian, Ukrainian and Belarusian patronymics as Latin lists spell them: Iraklievich, Oleksandrovych, Petrovna,
    /// Ilyich. Lists often leave them out, so a missing one costs less than a missing given or family name.
    /// </summary>
    public static bool IsPatronymic(string part)
    {
        if (part is "ilyich" or "ilich")
        {
            return true;
        }

        foreach (var suffix in PatronymicSuffixes)
        {
            // A stem before the suffix: "ovna" alone is no patronymic.
            if (part.Length >= suffix.Length + 3 && part.EndsWith(suffix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[] PatronymicSuffixes = ["ovich", "evich", "ovych", "evych", "ovitch", "evitch", "ovna", "evna", "ivna", "ichna"];

    private static readonly FrozenSet<string> CompoundHeads = FrozenSet.ToFrozenSet(
        ["abd", "abdul", "abdel", "abdal", "abdoul", "abdur", "abdus", "abdou", "abdil", "abdar", "abdas"], StringComparer.Ordinal);

    /// <summary>
    /// Whether the part begins a compound that lists write both apart and joined: "Abdul Rahman" / Abdulrahman /
    /// عبد الرحمن. Unlike a particle it is a full word when apart; the scorer also reads it joined to the next word.
    /// </summary>
    public static bool IsCompoundHead(string part) => CompoundHeads.Contains(part);

    /// <summary>How much a part counts in the name score.</summary>
    public static double Weight(NamePartKind kind) => kind switch
    {
        NamePartKind.Word => 1.0,
        NamePartKind.Patronymic => 0.5,
        NamePartKind.Number => 0.5,
        NamePartKind.Place => 0.5,
        NamePartKind.Particle => 0.35,
        NamePartKind.Honorific => 0.2,
        _ => 0.15,
    };
}
