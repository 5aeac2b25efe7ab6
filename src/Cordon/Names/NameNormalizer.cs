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

        // Dotted initialisms are one word: L.L.C. → LLC, U.S.A. → USA (single initials such as "J. Smith" stay apart).
        var decomposed = Initialisms().Replace(name, m => m.Value.Replace(".", "", StringComparison.Ordinal)).Normalize(NormalizationForm.FormKD);
        var sb = new StringBuilder(decomposed.Length);
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

        return sb.ToString();
    }

    /// <summary>The normalised name split into its parts.</summary>
    public static string[] Tokens(string? name)
    {
        var normalized = Normalize(name);
        return normalized.Length == 0 ? [] : normalized.Split(' ');
    }

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
