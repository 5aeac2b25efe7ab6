using Cordon.Names;

namespace Cordon.Screening;

/// <summary>A name prepared for scoring: its normalised parts and their weights.</summary>
public sealed class PreparedName
{
    public PreparedName(string original, bool organisation)
    {
        Original = original;
        Parts = NameNormalizer.Tokens(original);
        Weights = new double[Parts.Length];
        for (var i = 0; i < Parts.Length; i++)
        {
            Weights[i] = NameParts.Weight(NameParts.Classify(Parts[i], organisation));
        }
    }

    public string Original { get; }

    public string[] Parts { get; }

    public double[] Weights { get; }
}

/// <summary>
/// Scores two names by aligning their parts regardless of order: each part pairs with its most similar counterpart
/// (Jaro-Winkler), and the score is the weighted share of both names that the pairs cover. Particles and legal forms
/// weigh little, so "AL" or "LTD" cannot carry a match; parts left unpaired on either side lower the score.
/// </summary>
public static class NameScorer
{
    /// <summary>Below this, two parts are not considered the same part.</summary>
    public const double PartFloor = 0.80;

    public static (double Score, List<PartMatch> Pairs) Score(PreparedName query, PreparedName candidate)
    {
        var q = query.Parts;
        var c = candidate.Parts;
        if (q.Length == 0 || c.Length == 0)
        {
            return (0, []);
        }

        // A particle written joined on one side and apart on the other (Alrawi / al-Rawi, Abdulrahman / Abdul Rahman)
        // is compared with the particle merged into the next part as well; the better reading wins.
        var best = Align(q, query.Weights, c, candidate.Weights);
        var queryReadings = Readings(q, query.Weights);
        var candidateReadings = Readings(c, candidate.Weights);
        foreach (var (qp, qw) in queryReadings)
        {
            foreach (var (cp, cw) in candidateReadings)
            {
                if (!ReferenceEquals(qp, q) || !ReferenceEquals(cp, c))
                {
                    best = Better(best, Align(qp, qw, cp, cw));
                }
            }
        }

        return best;
    }

    private static (double Score, List<PartMatch> Pairs) Better((double Score, List<PartMatch> Pairs) a, (double Score, List<PartMatch> Pairs) b) =>
        b.Score > a.Score ? b : a;

    /// <summary>
    /// The name as written plus every reading with some particles joined to the part after them (at most three
    /// particles are considered, so at most eight readings).
    /// </summary>
    private static List<(string[] Parts, double[] Weights)> Readings(string[] parts, double[] weights)
    {
        var joinable = new List<int>(3);
        for (var i = 0; i + 1 < parts.Length && joinable.Count < 3; i++)
        {
            if (weights[i] < 1.0 && weights[i + 1] >= 1.0)
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
                    // The joined part carries both weights, so joining never hides an unmatched particle.
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

    private static (double Score, List<PartMatch> Pairs) Align(string[] q, double[] qw, string[] c, double[] cw)
    {
        Span<double> sims = q.Length * c.Length <= 256 ? stackalloc double[q.Length * c.Length] : new double[q.Length * c.Length];
        for (var i = 0; i < q.Length; i++)
        {
            for (var j = 0; j < c.Length; j++)
            {
                var s = JaroWinkler.Similarity(q[i], c[j]);
                sims[(i * c.Length) + j] = s >= PartFloor ? s : 0;
            }
        }

        var usedQ = new bool[q.Length];
        var usedC = new bool[c.Length];
        var pairs = new List<PartMatch>();
        var covered = 0.0;
        while (true)
        {
            var bi = -1;
            var bj = -1;
            var bs = 0.0;
            for (var i = 0; i < q.Length; i++)
            {
                if (usedQ[i])
                {
                    continue;
                }

                for (var j = 0; j < c.Length; j++)
                {
                    var s = sims[(i * c.Length) + j];
                    if (!usedC[j] && s > bs)
                    {
                        (bi, bj, bs) = (i, j, s);
                    }
                }
            }

            if (bi < 0)
            {
                break;
            }

            usedQ[bi] = true;
            usedC[bj] = true;
            pairs.Add(new PartMatch(q[bi], c[bj], Math.Round(bs, 3)));
            covered += bs * (qw[bi] + cw[bj]);
        }

        var total = Sum(qw) + Sum(cw);
        return (total > 0 ? covered / total : 0, pairs);
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
