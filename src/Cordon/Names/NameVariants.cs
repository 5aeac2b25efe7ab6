using System.Collections.Frozen;
using System.Reflection;

namespace Cordon.Names;

/// <summary>
/// Known variants of name parts (Muhammad / Mohammed / Mehmet, Sergei / Sergey), from the embedded data file
/// <c>Names/Data/name-variants.txt</c>, and the translations of <see cref="NameTranslations"/> (jbha, the reading of
/// جبهة, with front and jabhat). Each part maps to the id of its group; parts in one group are the same name.
/// </summary>
public static class NameVariants
{
    private static readonly (FrozenDictionary<string, int> Groups, string[] Firsts) Table = Load();
    private static readonly FrozenDictionary<string, int> Groups = Table.Groups;

    /// <summary>The variant group of a part, or null when it is in none.</summary>
    public static int? GroupOf(string part) => Groups.TryGetValue(part, out var group) ? group : null;

    /// <summary>The first spelling of the part's group (mohamed → muhammad), or the part itself when it is in none.</summary>
    public static string Canonical(string part) => Groups.TryGetValue(part, out var group) ? Table.Firsts[group] : part;

    /// <summary>Whether two normalised parts are listed as variants of one name.</summary>
    public static bool AreVariants(string a, string b) =>
        Groups.TryGetValue(a, out var ga) && Groups.TryGetValue(b, out var gb) && ga == gb;

    private static (FrozenDictionary<string, int>, string[]) Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Cordon.Names.Data.name-variants.txt")
            ?? throw new InvalidOperationException("The embedded name variant table is missing.");
        using var reader = new StreamReader(stream);
        var groups = new Dictionary<string, int>(StringComparer.Ordinal);
        var firsts = new List<string> { "" };
        var id = 0;
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0)
            {
                continue;
            }

            id++;
            firsts.Add(parts[0]);
            foreach (var part in parts)
            {
                groups.TryAdd(part, id);
            }
        }

        foreach (var (word, translations) in NameTranslations.ScriptWords)
        {
            // The word as the matcher reads it joins its translations; a spelling already in a group brings them there.
            var reading = NameNormalizer.Normalize(word);
            if (reading.Length == 0 || reading.Contains(' ', StringComparison.Ordinal))
            {
                continue;
            }

            string[] members = [.. translations, reading];
            var group = members.Select(m => groups.GetValueOrDefault(m)).FirstOrDefault(g => g != 0);
            if (group == 0)
            {
                group = ++id;
                firsts.Add(translations[0]);
            }

            foreach (var member in members)
            {
                groups.TryAdd(member, group);
            }
        }

        return (groups.ToFrozenDictionary(StringComparer.Ordinal), [.. firsts]);
    }
}
