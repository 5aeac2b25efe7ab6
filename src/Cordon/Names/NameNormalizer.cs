using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Cordon.Names;

/// <summary>
/// Name normalisation for matching: compatibility decomposition, diacritics removed, case folded, apostrophes dropped
/// (O'Brien → obrien), other punctuation turned into spaces (al-Adnani → al adnani), whitespace collapsed.
/// Scripts other than Latin pass through (case-folded); transliteration is a separate step.
/// </summary>
public static partial class NameNormalizer
{
    public static string Normalize(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "";
        }

        if (name.Length > MaxLength)
        {
            // No real name is this long; cutting it bounds the work a hostile input can cause.
            name = name[..MaxLength];
        }

        // Dotted initialisms are one word: L.L.C. → LLC, U.S.A. → USA (single initials such as "J. Smith" stay apart),
        // in one case so that o.O.O. does not split where the case changes.
        var text = Initialisms().Replace(UnicodeText.RemoveInvalid(name), m => m.Value.Replace(".", "", StringComparison.Ordinal).ToUpperInvariant());
        // South Asian lists write "son of" and "daughter of" as s/o and d/o: the particles bin and bint, not two initials.
        text = SonOrDaughterOf().Replace(text, m => m.Groups[1].Value is "s" or "S" ? " bin " : " bint ");
        text = Transliteration.ToLatin(SplitCamelCase(text));
        var decomposed = Decompose(text);
        var sb = t_builder ??= new StringBuilder(256);
        sb.Clear();
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
                || IsApostrophe(c))
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && sb.Length > 0)
                {
                    sb.Append(' ');
                }

                pendingSpace = false;
                AppendFolded(sb, c);
            }
            else
            {
                pendingSpace = true;
            }
        }

        var normalized = sb.ToString();
        if (sb.Capacity > MaxKeptBuilder)
        {
            t_builder = null;
        }

        return NameNumbers.Rewrite(normalized);
    }

    /// <summary>This thread's builder of normalised names: a server prepares a million at start.</summary>
    [ThreadStatic]
    private static StringBuilder? t_builder;

    /// <summary>A builder grown past this many characters (by a hostile name) is not kept.</summary>
    private const int MaxKeptBuilder = 4 * MaxLength;

    /// <summary>Compatibility decomposition; text the platform refuses to normalise is kept as it is.</summary>
    private static string Decompose(string text)
    {
        try
        {
            return text.Normalize(NormalizationForm.FormKD);
        }
        catch (ArgumentException)
        {
            // Transliteration can leave sequences (e.g. an iteration mark after an emoji) that normalisation rejects.
            return UnicodeText.RemoveInvalid(text);
        }
    }

    /// <summary>Names longer than this are cut before normalisation.</summary>
    public const int MaxLength = 1000;

    /// <summary>The normalised name split into its parts.</summary>
    public static string[] Tokens(string? name)
    {
        var normalized = Normalize(name);
        return normalized.Length == 0 ? [] : normalized.Split(' ');
    }

    /// <summary>Surnames written with a capital inside (McDonald, DiCaprio, LeBlanc, VanDyke) are one word, as lists in capitals write them.</summary>
    private static readonly FrozenSet<string> SurnamePrefixes = FrozenSet.ToFrozenSet(
        ["Mc", "Mac", "Di", "De", "Da", "Du", "Le", "La", "Van", "Von", "Fitz", "O"], StringComparer.Ordinal);

    /// <summary>
    /// Words run together in camel case are split: VladimirPutin → Vladimir Putin, SiemensAG → Siemens AG; but not after
    /// a surname prefix (McDonald stays one word, like MCDONALD).
    /// </summary>
    private static string SplitCamelCase(string text)
    {
        StringBuilder? sb = null;
        var wordStart = 0;
        for (var i = 1; i < text.Length; i++)
        {
            if (!char.IsLetter(text[i - 1]))
            {
                wordStart = i;
            }

            if (char.IsUpper(text[i]) && char.IsLower(text[i - 1]) && !SurnamePrefixes.Contains(text[wordStart..i]))
            {
                wordStart = i;
                sb ??= new StringBuilder(text, 0, i, text.Length + 8);
                sb.Append(' ');
            }

            sb?.Append(text[i]);
        }

        return sb?.ToString() ?? text;
    }

    [GeneratedRegex(@"(?<![\p{L}\p{N}])([SsDd])\s*/\s*[Oo]\.?(?![\p{L}\p{N}])", RegexOptions.CultureInvariant)]
    private static partial Regex SonOrDaughterOf();

    [GeneratedRegex(@"(?<![\p{L}\p{N}])(?:\p{L}\.){2,}(?:\p{L}(?![\p{L}\p{N}]))?|(?<![\p{L}\p{N}.])\p{L}\.\p{L}(?![\p{L}\p{N}])", RegexOptions.CultureInvariant)]
    private static partial Regex Initialisms();

    private static bool IsApostrophe(char c) => c is '\'' or '’' or '‘' or 'ʼ' or 'ʻ' or '`' or '´' or 'ʿ' or 'ʾ' or '′';

    private static void AppendFolded(StringBuilder sb, char c)
    {
        // Letters that do not decompose into a base letter plus a mark.
        switch (c)
        {
            case 'ß': sb.Append("ss"); return;
            case 'Æ' or 'æ': sb.Append("ae"); return;
            case 'Œ' or 'œ': sb.Append("oe"); return;
            case 'Ø' or 'ø': sb.Append('o'); return;
            case 'Đ' or 'đ' or 'Ð' or 'ð': sb.Append('d'); return;
            case 'Ł' or 'ł': sb.Append('l'); return;
            case 'Þ' or 'þ': sb.Append("th"); return;
            case 'ı' or 'İ': sb.Append('i'); return;
            default: sb.Append(char.ToLowerInvariant(c)); return;
        }
    }
}
