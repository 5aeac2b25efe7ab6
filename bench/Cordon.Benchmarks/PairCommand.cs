using Cordon.Screening;

namespace Cordon.Benchmarks;

/// <summary>
/// <c>pair --a NAME --b NAME [--org 0|1]</c>: scores one name against another and prints how each was read (parts,
/// kinds, weights) and which parts paired, for whoever tunes the matcher.
/// </summary>
internal static class PairCommand
{
    public static int Run(BenchArgs args)
    {
        var organisation = args.Int("org", 0, min: 0) != 0;
        var a = new PreparedName(args.RequireString("a"), organisation);
        var b = new PreparedName(args.RequireString("b"), organisation);
        Describe("a", a);
        Describe("b", b);
        var (score, pairs) = NameScorer.Score(a, b);
        Console.WriteLine(Invariant.Format($"score {score:F3}"));
        foreach (var pair in pairs)
        {
            Console.WriteLine(Invariant.Format($"  {pair.QueryPart} ↔ {pair.EntityPart} {pair.Similarity:F3}"));
        }

        return 0;
    }

    private static void Describe(string label, PreparedName name)
    {
        var parts = name.Parts.Select((p, i) => Invariant.Format($"{p}[{name.Kinds[i]} {name.Weights[i]:F2}]"));
        Console.WriteLine($"{label}: {string.Join(' ', parts)}{(name.Abjad ? " (abjad)" : "")}");
    }
}
