using System.Collections.Frozen;
using System.Reflection;

namespace Cordon.Names;

/// <summary>
/// Familiar forms of given names and the names they stand for (Bob / Robert, Ted / Edward / Theodore), from the embedded
/// data file <c>Names/Data/nicknames.txt</c>. Unlike spelling variants a nickname may stand for several names, so each
/// part maps to every group it is in; two parts sharing a group may be one person's name.
/// </summary>
public static class NameNicknames
{
    /// <summary>How similar a nickname and a name it stands for are.</summary>
    public const double Similarity = 0.85;

    private static readonly FrozenDictionary<string, int[]> Groups = Load();

    /// <summary>The groups a normalised part is in; empty when it is no known nickname or nicknamed name.</summary>
    public static ReadOnlySpan<int> GroupsOf(string part) => Groups.TryGetValue(part, out var groups) ? groups : [];

    /// <summary>Whether two different parts share a group.</summary>
    public static bool Related(string a, string b)
    {
        if (!Groups.TryGetValue(a, out var ga) || !Groups.TryGetValue(b, out var gb))
        {
            return false;
        }

        foreach (var g in ga)
        {
            if (Array.IndexOf(gb, g) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static FrozenDictionary<string, int[]> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Cordon.Names.Data.nicknames.txt")
            ?? throw new InvalidOperationException("The embedded nickname table is missing.");
        using var reader = new StreamReader(stream);
        var groups = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var id = 0;
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            id++;
            foreach (var part in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (!groups.TryGetValue(part, out var list))
                {
                    groups.Add(part, list = []);
                }

                if (!list.Contains(id))
                {
                    list.Add(id);
                }
            }
        }

        return groups.ToFrozenDictionary(g => g.Key, g => g.Value.ToArray(), StringComparer.Ordinal);
    }
}
