using Cordon.Lists;
using Cordon.Lists.Ofac;
using Cordon.Lists.Un;
using Cordon.Names;
using Cordon.Screening;

namespace Cordon.Benchmarks;

/// <summary>
/// <c>name-frequencies [--un PATH] [--ofac DIR] --out FILE</c>: counts on how many listed entities each name part
/// appears (any of their names; a variant group counted once under its first spelling) and writes the parts common
/// enough to lose weight in <see cref="NameRarity"/>. The committed table is this command's output over the bundled lists:
/// <c>dotnet run -c Release --project bench/Cordon.Benchmarks -- name-frequencies --out src/Cordon/Names/Data/name-frequencies.txt</c>.
/// </summary>
internal static class NameFrequencyCommand
{
    private static readonly string[] NameProperties = ["name", "alias", "weakAlias"];

    public static int Run(BenchArgs args)
    {
        var un = args.String("un") ?? BenchFiles.FindAbove("data/un/UN_consolidated.xml");
        var ofac = args.String("ofac") ?? BenchFiles.FindAbove("data/ofac");
        var output = args.RequireString("out");
        var entities = new UnXmlReader().Read(un, new ImportContext("un"), CancellationToken.None)
            .Concat(new OfacCsvReader().Read(ofac, new ImportContext("ofac"), CancellationToken.None))
            .Where(e => e.Schema.Matchable)
            .ToList();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var parts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entity in entities)
        {
            parts.Clear();
            var organisation = !entity.Schema.IsA("Person");
            foreach (var value in NameProperties.SelectMany(entity.Get))
            {
                var name = new PreparedName(value, organisation);
                for (var i = 0; i < name.Parts.Length; i++)
                {
                    if (name.Kinds[i] == NamePartKind.Word && !PartSimilarity.IsNumber(name.Parts[i]))
                    {
                        parts.Add(NameVariants.Canonical(name.Parts[i]));
                    }
                }
            }

            foreach (var part in parts)
            {
                counts[part] = counts.GetValueOrDefault(part) + 1;
            }
        }

        var common = counts
            .Where(c => NameRarity.FactorOf(c.Value, entities.Count) < 1.0)
            .OrderByDescending(c => c.Value)
            .ThenBy(c => c.Key, StringComparer.Ordinal)
            .ToList();
        using (var writer = new StreamWriter(output))
        {
            writer.WriteLine("# How many listed entities carry each common name part (any of their names), a variant group counted once");
            writer.WriteLine("# under its first spelling in name-variants.txt. Generated from the bundled UN and OFAC lists by");
            writer.WriteLine("#   dotnet run -c Release --project bench/Cordon.Benchmarks -- name-frequencies --out src/Cordon/Names/Data/name-frequencies.txt");
            writer.WriteLine("# Only parts on more than NameRarity.CommonShare of the entities are listed; the rest keep their full weight.");
            writer.WriteLine(Invariant.Format($"# entities {entities.Count}"));
            foreach (var (part, count) in common)
            {
                writer.WriteLine(Invariant.Format($"{part} {count}"));
            }
        }

        Console.WriteLine(Invariant.Format($"{entities.Count} entities, {counts.Count} distinct parts, {common.Count} common parts written to {output}"));
        foreach (var (part, count) in common.Take(25))
        {
            Console.WriteLine(Invariant.Format($"  {part,-16} {count,6}  weight factor {NameRarity.FactorOf(count, entities.Count):F2}"));
        }

        return 0;
    }
}
