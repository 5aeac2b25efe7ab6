using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace Cordon.Names;

/// <summary>
/// Numbers in names compare as digits: number words become digits (forty four → 44, first → 1), and letters written
/// as digits inside a word are read back as letters (Ig0r Sech1n → igor sechin).
/// </summary>
internal static class NameNumbers
{
    private static readonly FrozenDictionary<string, int> Units = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["zero"] = 0, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7,
        ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14,
        ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19,
        ["first"] = 1, ["second"] = 2, ["third"] = 3, ["fourth"] = 4, ["fifth"] = 5, ["sixth"] = 6, ["seventh"] = 7,
        ["eighth"] = 8, ["ninth"] = 9, ["tenth"] = 10, ["1st"] = 1, ["2nd"] = 2, ["3rd"] = 3, ["4th"] = 4, ["5th"] = 5,
        ["ii"] = 2, ["iii"] = 3, ["iv"] = 4, ["vi"] = 6, ["vii"] = 7, ["viii"] = 8, ["ix"] = 9,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, int> Tens = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fourty"] = 40, ["fifty"] = 50, ["sixty"] = 60,
        ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static string Rewrite(string normalized)
    {
        if (normalized.Length == 0 || !MayRewrite(normalized))
        {
            return normalized;
        }

        var tokens = normalized.Split(' ');
        var changed = false;
        var output = new List<string>(tokens.Length);
        for (var i = 0; i < tokens.Length; i++)
        {
            var token = tokens[i];
            if (Tens.TryGetValue(token, out var tens))
            {
                if (i + 1 < tokens.Length && Units.TryGetValue(tokens[i + 1], out var unit) && unit is > 0 and < 10)
                {
                    tens += unit;
                    i++;
                }

                output.Add(tens.ToString(CultureInfo.InvariantCulture));
                changed = true;
            }
            else if (Units.TryGetValue(token, out var value))
            {
                output.Add(value.ToString(CultureInfo.InvariantCulture));
                changed = true;
            }
            else if (Leet(token) is { } letters)
            {
                output.Add(letters);
                changed = true;
            }
            else
            {
                output.Add(token);
            }
        }

        return changed ? string.Join(' ', output) : normalized;
    }

    private static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> UnitsOf = Units.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> TensOf = Tens.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Whether <see cref="Rewrite"/> could change the name: it has a digit (a word with letters written as digits) or a
    /// number word. Most names have neither, and are returned as they are without being split.
    /// </summary>
    private static bool MayRewrite(string normalized)
    {
        var text = normalized.AsSpan();
        if (text.ContainsAnyInRange('0', '9'))
        {
            return true;
        }

        foreach (var range in text.Split(' '))
        {
            if (UnitsOf.ContainsKey(text[range]) || TensOf.ContainsKey(text[range]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a part is a Roman numeral from I to XXXIX (i, v, x, xv, xii…).</summary>
    public static bool IsRoman(string part)
    {
        var at = 0;
        while (at < part.Length && at < 3 && part[at] == 'x')
        {
            at++;
        }

        var rest = part.AsSpan(at);
        return part.Length > 0 && (rest.IsEmpty || rest is "i" or "ii" or "iii" or "iv" or "v" or "vi" or "vii" or "viii" or "ix");
    }

    /// <summary>A word mixing letters and digits, read as letters (0→o, 1→i, 3→e, 4→a, 5→s, 7→t, 9→g); null otherwise.</summary>
    private static string? Leet(string token)
    {
        int letters = 0, digits = 0;
        foreach (var c in token)
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else
            {
                letters++;
            }
        }

        if (digits == 0 || letters < 2 || digits > letters)
        {
            return null;
        }

        var sb = new StringBuilder(token.Length);
        foreach (var c in token)
        {
            sb.Append(c switch
            {
                '0' => 'o',
                '1' => 'i',
                '3' => 'e',
                '4' => 'a',
                '5' => 's',
                '7' => 't',
                '9' => 'g',
                '8' => 'b',
                _ => c,
            });
        }

        var result = sb.ToString();
        return result.Any(char.IsAsciiDigit) ? null : result;
    }
}
