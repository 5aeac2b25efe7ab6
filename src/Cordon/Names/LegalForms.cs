using System.Collections.Frozen;
using System.Reflection;

namespace Cordon.Names;

/// <summary>
/// Organisation legal forms in their many spellings and languages (Gesellschaft mit beschränkter Haftung → gmbh,
/// Open Joint Stock Company → ojsc, ООО → ooo), from the embedded table <c>Names/Data/org-types.txt</c> (derived from
/// rigour's org_types.yml, MIT). Each form also has a generic type (LLC, JSC, LP…) so that a GmbH and an AG can be told apart.
/// </summary>
public static class LegalForms
{
    private const int MaxPhrase = 8;
    private static readonly Lazy<FrozenDictionary<string, (string Form, string Generic)>> Phrases = new(Load);

    /// <summary>
    /// Replaces each legal-form phrase in the parts by its compare form. Returns the new parts and, per part, the
    /// generic type of the legal form it is (null for other parts).
    /// </summary>
    public static (string[] Parts, string?[] Generics) Replace(string[] parts)
    {
        var phrases = Phrases.Value;
        var output = new List<string>(parts.Length);
        var generics = new List<string?>(parts.Length);
        for (var i = 0; i < parts.Length;)
        {
            var matched = false;
            for (var length = Math.Min(MaxPhrase, parts.Length - i); length >= 1; length--)
            {
                var phrase = length == 1 ? parts[i] : string.Join(' ', parts, i, length);
                if (phrases.TryGetValue(phrase, out var form))
                {
                    output.Add(form.Form);
                    generics.Add(form.Generic);
                    i += length;
                    matched = true;
                    break;
                }
            }

            if (!matched)
            {
                output.Add(parts[i]);
                generics.Add(null);
                i++;
            }
        }

        return ([.. output], [.. generics]);
    }

    /// <summary>Every word that appears in some legal-form phrase: a name with none of them has no legal form.</summary>
    private static readonly Lazy<FrozenSet<string>> Words = new(() =>
        Phrases.Value.Keys.SelectMany(k => k.Split(' ')).ToFrozenSet(StringComparer.Ordinal));

    /// <summary>Whether <see cref="Replace"/> could change the parts: whether any of them is a word of a legal form.</summary>
    public static bool MayContain(string[] parts)
    {
        var words = Words.Value;
        foreach (var part in parts)
        {
            if (words.Contains(part))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsNumber(string key) => key.All(char.IsAsciiDigit);

    private static FrozenDictionary<string, (string, string)> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Cordon.Names.Data.org-types.txt")
            ?? throw new InvalidOperationException("The embedded legal form table is missing.");
        using var reader = new StreamReader(stream);
        var phrases = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var columns = line.Split('\t');
            if (columns.Length < 3)
            {
                continue;
            }

            var form = string.Concat(NameNormalizer.Tokens(columns[0]));
            if (form.Length == 0)
            {
                continue;
            }

            var generic = columns[1].Length > 0 ? columns[1] : form;
            if (IsNumber(form))
            {
                // Moldova's "II" (întreprindere individuală) reads as the number 2, which is never a legal form on its
                // own; its phrases keep the letters.
                form = columns[0].ToLowerInvariant();
            }
            else
            {
                phrases.TryAdd(form, (form, generic));
            }

            foreach (var alias in columns[2].Split('|'))
            {
                var key = string.Join(' ', NameNormalizer.Tokens(alias));
                // A number is never a legal form: "II" on its own is far more often a Roman numeral (Fund II).
                if (key.Length > 0 && !IsNumber(key))
                {
                    phrases.TryAdd(key, (form, generic));
                }
            }
        }

        return phrases.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
