using System.Collections.Frozen;
using System.Reflection;
using System.Text;

namespace Cordon.Names;

/// <summary>
/// Words that organisations' names in other scripts translate rather than transliterate (جبهة / Front, 海運 / Shipping),
/// from the embedded data file <c>Names/Data/name-translations.txt</c>. Arabic-script words join the variant groups of
/// <see cref="NameVariants"/> through their transliteration; Han words are replaced by their translation before
/// transliteration, since Chinese writes no spaces between words.
/// </summary>
public static class NameTranslations
{
    private static readonly (List<(string Word, string[] Translations)> Script, FrozenDictionary<string, string> Han, int HanLongest) Table = Load();

    /// <summary>The Arabic-script words with their translations and Latin spellings, in file order.</summary>
    internal static IReadOnlyList<(string Word, string[] Translations)> ScriptWords => Table.Script;

    /// <summary>
    /// The text with every Han word of the table replaced by its translation set apart by spaces, the longest word that
    /// matches at each place first; the text itself when it holds none.
    /// </summary>
    public static string ReplaceHan(string text)
    {
        if (!ContainsHan(text))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 16);
        var lookup = Table.Han.GetAlternateLookup<ReadOnlySpan<char>>();
        var i = 0;
        while (i < text.Length)
        {
            var replaced = false;
            for (var length = Math.Min(Table.HanLongest, text.Length - i); length >= 2 && IsHan(text[i]); length--)
            {
                if (lookup.TryGetValue(text.AsSpan(i, length), out var translation))
                {
                    sb.Append(' ').Append(translation).Append(' ');
                    i += length;
                    replaced = true;
                    break;
                }
            }

            if (!replaced)
            {
                sb.Append(text[i++]);
            }
        }

        return sb.ToString();
    }

    private static bool ContainsHan(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (IsHan(c))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF';

    private static (List<(string, string[])>, FrozenDictionary<string, string>, int) Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Cordon.Names.Data.name-translations.txt")
            ?? throw new InvalidOperationException("The embedded name translation table is missing.");
        using var reader = new StreamReader(stream);
        var script = new List<(string, string[])>();
        var han = new Dictionary<string, string>(StringComparer.Ordinal);
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            var word = equals > 0 ? line[..equals].Trim() : "";
            var translations = equals > 0 ? line[(equals + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries) : [];
            if (word.Length == 0 || translations.Length == 0 || word.Contains(' ', StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"name-translations.txt line {number}: expected 'word = translation…', got '{line}'.");
            }

            if (IsHan(word[0]))
            {
                han[word] = string.Join(' ', translations);
            }
            else if (ArabicScript.Contains(word))
            {
                script.Add((word, translations));
            }
            else
            {
                throw new InvalidOperationException($"name-translations.txt line {number}: '{word}' is neither Arabic script nor Han.");
            }
        }

        return (script, han.ToFrozenDictionary(StringComparer.Ordinal), han.Keys.Select(k => k.Length).DefaultIfEmpty(0).Max());
    }
}
