using System.Text;
using Cordon.Model;

namespace Cordon.Synthetic;

/// <summary>One benchmark query: the name to screen and, for a variant of a listed name, the entity it came from.</summary>
public sealed record SyntheticQuery(string Name, string? SourceId);

/// <summary>
/// Seeded screening queries: realistic variants of listed names (typos, dropped or swapped parts, "FAMILY, Given"
/// order, case and punctuation changes, a transliteration variant of a part) mixed with names of people who are not
/// on the list.
/// </summary>
public sealed class SyntheticQueries(int seed)
{
    private static readonly string[] Swaps = ["muhammad", "mohammed", "mohamed", "ahmad", "ahmed", "yusuf", "youssef", "hussein", "husain", "sergei", "sergey", "aleksandr", "alexander"];

    /// <summary>
    /// <paramref name="count"/> queries; <paramref name="listedShare"/> of them are variants of names drawn from
    /// <paramref name="listed"/>, the rest unlisted people from a population the list was not drawn from.
    /// </summary>
    public IReadOnlyList<SyntheticQuery> Generate(IReadOnlyList<Entity> listed, int count, double listedShare = 0.6)
    {
        var random = new Random(seed);
        var outsiders = new SyntheticPeople(seed + 7919).Generate(count).GetEnumerator();
        var queries = new List<SyntheticQuery>(count);
        while (queries.Count < count)
        {
            if (listed.Count > 0 && random.NextDouble() < listedShare)
            {
                var entity = listed[random.Next(listed.Count)];
                var names = entity.Get("name").Concat(entity.Get("alias")).ToList();
                if (names.Count == 0)
                {
                    continue;
                }

                queries.Add(new SyntheticQuery(Vary(names[random.Next(names.Count)], random), entity.Id));
            }
            else if (outsiders.MoveNext())
            {
                queries.Add(new SyntheticQuery(outsiders.Current.Caption, null));
            }
        }

        return queries;
    }

    private static string Vary(string name, Random random)
    {
        var parts = name.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var changes = random.Next(3);
        for (var n = 0; n < changes; n++)
        {
            switch (random.Next(7))
            {
                case 0 or 1:
                    var at = random.Next(parts.Count);
                    parts[at] = Typo(parts[at], random);
                    break;
                case 2 when parts.Count > 2:
                    parts.RemoveAt(1 + random.Next(parts.Count - 2));
                    break;
                case 3 when parts.Count > 1:
                    // "FAMILY, Given" as lists write it.
                    var family = parts[^1].ToUpperInvariant();
                    parts.RemoveAt(parts.Count - 1);
                    parts.Insert(0, family + ",");
                    break;
                case 4:
                    for (var i = 0; i < parts.Count; i++)
                    {
                        parts[i] = random.Next(2) == 0 ? parts[i].ToUpperInvariant() : parts[i].ToLowerInvariant();
                    }

                    break;
                case 5:
                    var swap = parts.FindIndex(p => Swaps.Contains(p.ToLowerInvariant(), StringComparer.Ordinal));
                    if (swap >= 0)
                    {
                        parts[swap] = Swaps[random.Next(Swaps.Length)];
                    }

                    break;
                default:
                    if (parts.Count > 1)
                    {
                        var i = random.Next(parts.Count - 1);
                        parts[i] = parts[i] + "-" + parts[i + 1];
                        parts.RemoveAt(i + 1);
                    }

                    break;
            }
        }

        return string.Join(' ', parts);
    }

    private static string Typo(string part, Random random)
    {
        if (part.Length < 4)
        {
            return part;
        }

        var sb = new StringBuilder(part);
        var at = 1 + random.Next(part.Length - 2);
        switch (random.Next(4))
        {
            case 0:
                sb.Remove(at, 1);
                break;
            case 1:
                sb.Insert(at, sb[at]);
                break;
            case 2:
                (sb[at], sb[at + 1]) = (sb[at + 1], sb[at]);
                break;
            default:
                sb[at] = (char)('a' + random.Next(26));
                break;
        }

        return sb.ToString();
    }
}
