using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;

namespace Cordon.Names;

/// <summary>
/// How common a name part is among listed names, and so how much it weighs: "Mohammed" or "Ali" on both sides says
/// little, a rare family name says a lot. Frequencies come from the embedded table <c>Names/Data/name-frequencies.txt</c>,
/// counted over the bundled public lists (UN and OFAC) by <c>bench name-frequencies</c>. The table is fixed rather than
/// taken from whatever is indexed, so that a score means the same whatever else is listed; variants of one name
/// (Muhammad / Mohamed / Mehmet) share their group's frequency.
/// </summary>
public static class NameRarity
{
    /// <summary>Parts on fewer than this share of listed entities keep their full weight.</summary>
    public const double CommonShare = 0.002;

    /// <summary>How much weight a part loses for each tenfold rise in its share above <see cref="CommonShare"/>.</summary>
    public const double LossPerDecade = 0.25;

    /// <summary>No part weighs less than this: even "Mohammed" is half of what tells two people apart.</summary>
    public const double MinimumFactor = 0.5;

    private static readonly Lazy<Table> Frequencies = new(Load);

    /// <summary>The factor in (0, 1] that a word's weight is multiplied by: 1 for all but the common parts.</summary>
    public static double Factor(string part)
    {
        var table = Frequencies.Value;
        if (table.Entities == 0)
        {
            return 1.0;
        }

        var count = NameVariants.GroupOf(part) is { } group && table.Groups.TryGetValue(group, out var grouped)
            ? grouped
            : table.Parts.GetValueOrDefault(part);
        return FactorOf(count, table.Entities);
    }

    /// <summary>The factor for a part found on <paramref name="count"/> of <paramref name="entities"/> listed entities.</summary>
    public static double FactorOf(int count, int entities)
    {
        var share = entities > 0 ? (double)count / entities : 0;
        return share <= CommonShare ? 1.0 : Math.Max(MinimumFactor, 1.0 - (LossPerDecade * Math.Log10(share / CommonShare)));
    }

    private static Table Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Cordon.Names.Data.name-frequencies.txt")
            ?? throw new InvalidOperationException("The embedded name frequency table is missing.");
        using var reader = new StreamReader(stream);
        return Parse(reader);
    }

    /// <summary>
    /// Reads the table: <c># entities N</c>, then one <c>part count</c> line per common part, a variant group counted once
    /// under its first spelling.
    /// </summary>
    internal static Table Parse(TextReader reader)
    {
        var entities = 0;
        var parts = new Dictionary<string, int>(StringComparer.Ordinal);
        var groups = new Dictionary<int, int>();
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.StartsWith("# entities ", StringComparison.Ordinal))
            {
                if (!int.TryParse(line.AsSpan("# entities ".Length), NumberStyles.None, CultureInfo.InvariantCulture, out entities))
                {
                    throw new InvalidDataException($"name-frequencies.txt line {number}: expected '# entities N', found '{line}'");
                }

                continue;
            }

            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (space <= 0 || !int.TryParse(line.AsSpan(space + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            {
                throw new InvalidDataException($"name-frequencies.txt line {number}: expected 'part count', found '{line}'");
            }

            var part = line[..space];
            parts[part] = count;
            if (NameVariants.GroupOf(part) is { } group)
            {
                groups[group] = Math.Max(groups.GetValueOrDefault(group), count);
            }
        }

        return new Table(entities, parts.ToFrozenDictionary(StringComparer.Ordinal), groups.ToFrozenDictionary());
    }

    internal sealed record Table(int Entities, FrozenDictionary<string, int> Parts, FrozenDictionary<int, int> Groups);
}
