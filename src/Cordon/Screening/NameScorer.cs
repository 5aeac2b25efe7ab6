using Cordon.Names;

namespace Cordon.Screening;

/// <summary>
/// Scores two names by aligning their parts regardless of order. Each part pairs with its most similar counterpart
/// (<see cref="PartSimilarity"/>); the pairs' squared similarities, weighted, say how much of each name is covered, and
/// the score leans on the better-covered side so an extra middle name or patronymic costs little while an unmatched
/// family name costs a lot. Particles and legal forms weigh little; swapped parts around "bin" (a father's name) and
/// unmatched numbers lower the score.
/// </summary>
public static class NameScorer
{
    /// <summary>Below this, two parts are not considered the same part.</summary>
    public const double PartFloor = 0.75;

    public static (double Score, List<PartMatch> Pairs) Score(PreparedName query, PreparedName candidate)
    {
        var q = query.Parts;
        var c = candidate.Parts;
        if (q.Length == 0 || c.Length == 0)
        {
            return (0, []);
        }

        // People often carry extra given names or a patronymic on one side, so the score leans on the better-covered
        // name; an organisation with an extra word is more often another organisation, so it leans the other way.
        var lean = query.Organisation || candidate.Organisation ? 0.35 : 0.65;
        var vowelBlind = query.Abjad != candidate.Abjad;
        var best = Align(q, query.Weights, c, candidate.Weights, lean, vowelBlind);
        // Readings with particles joined exist only when a particle precedes a word; most names have none.
        if (HasJoinable(query.Kinds) || HasJoinable(candidate.Kinds))
        {
            foreach (var (qp, qw) in Readings(q, query.Weights, query.Kinds))
            {
                foreach (var (cp, cw) in Readings(c, candidate.Weights, candidate.Kinds))
                {
                    if (!ReferenceEquals(qp, q) || !ReferenceEquals(cp, c))
                    {
                        best = Better(best, Align(qp, qw, cp, cw, lean, vowelBlind));
                    }
                }
            }
        }

        // Words run together on one side (Goodwill / Good Will, PricewaterhouseCoopers / Pricewaterhouse Coopers).
        if (q.Length != c.Length && best.Score < 0.95 && !query.Joined.Any(char.IsAsciiDigit) && !candidate.Joined.Any(char.IsAsciiDigit))
        {
            var joined = PartSimilarity.Of(query.Joined, candidate.Joined);
            if (joined >= 0.93)
            {
                best = Better(best, (joined * joined, [new PartMatch(query.Joined, candidate.Joined, Math.Round(joined, 3))]));
            }
        }

        return (Math.Min(best.Score * LegalFormFactor(query, candidate), NativeCap(query, candidate)), best.Pairs);
    }

    /// <summary>
    /// Two names in the same non-Latin script are also compared as written: transliteration can merge different
    /// characters (高石 / 高市 are both "gao shi"), and one differing syllable of a short Korean or Chinese name is
    /// another person.
    /// </summary>
    private static double NativeCap(PreparedName query, PreparedName candidate)
    {
        if (query.Native is not { Length: > 0 } q || candidate.Native is not { Length: > 0 } c)
        {
            return 1.0;
        }

        var similarity = 1.0 - (PartSimilarity.Distance(q, c) / Math.Max(q.Length, c.Length));
        return similarity * similarity;
    }

    /// <summary>Two organisations of different legal types (a GmbH and an AG) are rarely the same organisation.</summary>
    private static double LegalFormFactor(PreparedName query, PreparedName candidate)
    {
        if (query.Generics is null || candidate.Generics is null)
        {
            return 1.0;
        }

        // Both have at least one legal form (Generics is null otherwise); any shared type means no conflict.
        foreach (var q in query.Generics)
        {
            if (q is not null && Array.IndexOf(candidate.Generics, q) >= 0)
            {
                return 1.0;
            }
        }

        return 0.85;
    }

    private static bool HasJoinable(NamePartKind[] kinds)
    {
        for (var i = 0; i + 1 < kinds.Length; i++)
        {
            if (kinds[i] == NamePartKind.Particle && kinds[i + 1] == NamePartKind.Word)
            {
                return true;
            }
        }

        return false;
    }

    private static (double Score, List<PartMatch> Pairs) Better((double Score, List<PartMatch> Pairs) a, (double Score, List<PartMatch> Pairs) b) =>
        b.Score > a.Score ? b : a;

    /// <summary>
    /// Readings with some particles joined to the part after them (Alrawi / al Rawi); at most three particles are
    /// considered, so at most eight readings. The joined part carries both weights.
    /// </summary>
    private static List<(string[] Parts, double[] Weights)> Readings(string[] parts, double[] weights, NamePartKind[] kinds)
    {
        var joinable = new List<int>(3);
        for (var i = 0; i + 1 < parts.Length && joinable.Count < 3; i++)
        {
            if (kinds[i] == NamePartKind.Particle && kinds[i + 1] == NamePartKind.Word && !char.IsAsciiDigit(parts[i + 1][0]))
            {
                joinable.Add(i);
            }
        }

        var readings = new List<(string[], double[])>(1 << joinable.Count) { (parts, weights) };
        for (var mask = 1; mask < 1 << joinable.Count; mask++)
        {
            var merged = new List<string>(parts.Length);
            var mergedWeights = new List<double>(parts.Length);
            for (var i = 0; i < parts.Length; i++)
            {
                var at = joinable.IndexOf(i);
                if (at >= 0 && (mask & (1 << at)) != 0)
                {
                    merged.Add(parts[i] + parts[i + 1]);
                    mergedWeights.Add(weights[i] + weights[i + 1]);
                    i++;
                    continue;
                }

                merged.Add(parts[i]);
                mergedWeights.Add(weights[i]);
            }

            readings.Add(([.. merged], [.. mergedWeights]));
        }

        return readings;
    }

    private static (double Score, List<PartMatch> Pairs) Align(string[] q, double[] qw, string[] c, double[] cw, double lean, bool vowelBlind)
    {
        var cells = q.Length * c.Length;
        Span<double> sims = cells <= 256 ? stackalloc double[cells] : new double[cells];
        for (var i = 0; i < q.Length; i++)
        {
            for (var j = 0; j < c.Length; j++)
            {
                var s = PartSimilarity.Of(q[i], c[j], vowelBlind);
                sims[(i * c.Length) + j] = s >= PartFloor ? s : 0;
            }
        }

        Span<int> pairedWith = q.Length <= 64 ? stackalloc int[q.Length] : new int[q.Length];
        pairedWith.Fill(-1);
        var usedC = c.Length <= 256 ? stackalloc bool[c.Length] : new bool[c.Length];
        var pairs = new List<PartMatch>();
        double matchedQ = 0, matchedC = 0;
        while (true)
        {
            int bi = -1, bj = -1;
            var bs = 0.0;
            for (var i = 0; i < q.Length; i++)
            {
                if (pairedWith[i] >= 0)
                {
                    continue;
                }

                for (var j = 0; j < c.Length; j++)
                {
                    var s = sims[(i * c.Length) + j];
                    // Ties go to the pair closest in position, so repeated parts align in order.
                    if (!usedC[j] && (s > bs || (s == bs && s > 0 && bj >= 0 && Math.Abs(i - j) < Math.Abs(bi - bj))))
                    {
                        (bi, bj, bs) = (i, j, s);
                    }
                }
            }

            if (bi < 0)
            {
                break;
            }

            pairedWith[bi] = bj;
            usedC[bj] = true;
            pairs.Add(new PartMatch(q[bi], c[bj], Math.Round(bs, 3)));
            matchedQ += bs * bs * qw[bi];
            matchedC += bs * bs * cw[bj];
        }

        var coverQ = matchedQ / Sum(qw);
        var coverC = matchedC / Sum(cw);
        var score = (lean * Math.Max(coverQ, coverC)) + ((1 - lean) * Math.Min(coverQ, coverC));
        score *= ConflictFactor(q, qw, c, cw, pairedWith, usedC);
        score *= OrderFactor(q, qw, c, cw, pairedWith);
        score *= NumberFactor(q, c, pairedWith, usedC);
        return (Math.Clamp(score, 0, 1), pairs);
    }

    /// <summary>Full parts aligned out of order cost a little; around "bin"/"ben" (a father's name) they cost a lot.</summary>
    private static double OrderFactor(string[] q, double[] qw, string[] c, double[] cw, ReadOnlySpan<int> pairedWith)
    {
        var last = -1;
        var inverted = false;
        for (var i = 0; i < q.Length; i++)
        {
            var j = pairedWith[i];
            if (j < 0 || qw[i] < 1.0 || cw[j] < 1.0)
            {
                continue;
            }

            if (j < last)
            {
                inverted = true;
                break;
            }

            last = j;
        }

        if (!inverted)
        {
            return 1.0;
        }

        return HasPatronymicParticle(q) || HasPatronymicParticle(c) ? 0.75 : 0.92;
    }

    private static bool HasPatronymicParticle(string[] parts)
    {
        foreach (var part in parts)
        {
            if (part is "bin" or "ben" or "ibn" or "bint" or "ould" or "binti")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Full parts left unpaired on both sides are conflicting names (AL-TIKRITI / AL-DULAIMI), not an extra name on one
    /// side: each such conflict costs a fifth of the score.
    /// </summary>
    private static double ConflictFactor(string[] q, double[] qw, string[] c, double[] cw, ReadOnlySpan<int> pairedWith, ReadOnlySpan<bool> usedC)
    {
        int unpairedQ = 0, unpairedC = 0;
        for (var i = 0; i < q.Length; i++)
        {
            if (pairedWith[i] < 0 && qw[i] >= 1.0)
            {
                unpairedQ++;
            }
        }

        for (var j = 0; j < c.Length; j++)
        {
            if (!usedC[j] && cw[j] >= 1.0)
            {
                unpairedC++;
            }
        }

        return Math.Pow(0.8, Math.Min(unpairedQ, unpairedC));
    }

    /// <summary>A number on one side that the other does not have (Company 23 / Company) is a different name.</summary>
    private static double NumberFactor(string[] q, string[] c, ReadOnlySpan<int> pairedWith, ReadOnlySpan<bool> usedC)
    {
        for (var i = 0; i < q.Length; i++)
        {
            if (pairedWith[i] < 0 && char.IsAsciiDigit(q[i][0]))
            {
                return 0.7;
            }
        }

        for (var j = 0; j < c.Length; j++)
        {
            if (!usedC[j] && char.IsAsciiDigit(c[j][0]))
            {
                return 0.7;
            }
        }

        return 1.0;
    }

    private static double Sum(double[] values)
    {
        var sum = 0.0;
        foreach (var v in values)
        {
            sum += v;
        }

        return sum;
    }
}
