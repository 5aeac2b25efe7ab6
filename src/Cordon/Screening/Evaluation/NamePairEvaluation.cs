using Cordon.Model;

namespace Cordon.Screening.Evaluation;

/// <summary>A scored pair.</summary>
public sealed record ScoredPair(NamePair Pair, double Score);

/// <summary>Errors of one kind in one category.</summary>
public sealed record CategoryErrors(string Category, int Pairs, int FalsePositives, int FalseNegatives);

/// <summary>Precision, recall and F1 of a matcher on labelled pairs, at a threshold and at its best threshold.</summary>
public sealed record EvaluationReport(
    int Pairs,
    double Threshold,
    int TruePositives,
    int FalsePositives,
    int FalseNegatives,
    int TrueNegatives,
    double Precision,
    double Recall,
    double F1,
    double BestF1,
    double BestThreshold,
    IReadOnlyList<CategoryErrors> ByCategory,
    IReadOnlyList<ScoredPair> Scored);

/// <summary>
/// Scores each pair as two entities of the pair's schema with the screening matcher itself (name2 is indexed, name1
/// is the query), so the figures describe exactly the scores <c>cordon screen</c> gives.
/// </summary>
public static class NamePairEvaluation
{
    public static EvaluationReport Evaluate(IReadOnlyList<NamePair> pairs, double threshold)
    {
        var scored = pairs.Select(p => new ScoredPair(p, Score(p))).ToList();
        var counts = Counted(scored, threshold);
        var (tp, fp, fn, tn) = counts;
        var (precision, recall, f1) = (counts.Precision, counts.Recall, counts.F1);
        var bestF1 = 0.0;
        var bestThreshold = threshold;
        for (var t = 0.50; t <= 0.99 + 1e-9; t += 0.01)
        {
            var bf1 = Counted(scored, t).F1;
            if (bf1 > bestF1 + 1e-12)
            {
                (bestF1, bestThreshold) = (bf1, Math.Round(t, 2));
            }
        }

        var byCategory = scored
            .GroupBy(s => s.Pair.Category.Length > 0 ? s.Pair.Category : s.Pair.Group, StringComparer.Ordinal)
            .Select(g => new CategoryErrors(
                g.Key,
                g.Count(),
                g.Count(s => !s.Pair.IsMatch && s.Score >= threshold),
                g.Count(s => s.Pair.IsMatch && s.Score < threshold)))
            .Where(c => c.FalsePositives + c.FalseNegatives > 0)
            .OrderByDescending(c => c.FalsePositives + c.FalseNegatives)
            .ThenBy(c => c.Category, StringComparer.Ordinal)
            .ToList();
        return new EvaluationReport(pairs.Count, threshold, tp, fp, fn, tn, precision, recall, f1, bestF1, bestThreshold, byCategory, scored);
    }

    /// <summary>The screening score of name1 against an entity named name2 (0 when not even a candidate).</summary>
    public static double Score(NamePair pair)
    {
        var schema = Schemata.Get(pair.Schema);
        Entity candidate;
        try
        {
            candidate = new EntityBuilder("pair", schema).Add("name", pair.Name2).Build();
        }
        catch (ModelException)
        {
            return 0;
        }

        var screener = new Screener(ScreeningIndex.Build([candidate]));
        // Exhaustive: the pair is scored even when the index would not have proposed it; index recall is measured apart.
        var response = screener.Screen(new ScreeningQuery(pair.Name1, Schema: pair.Schema) { Threshold = 0, Limit = 1 }, exhaustive: true);
        return response.Results.Count > 0 ? response.Results[0].Score : 0;
    }

    private static PairCounts Counted(List<ScoredPair> scored, double threshold) =>
        PairCounts.Of(scored, s => s.Score >= threshold, s => s.Pair.IsMatch);
}

/// <summary>How a matcher's decisions on labelled pairs fall against the labels, and the rates made of them.</summary>
public readonly record struct PairCounts(int TruePositives, int FalsePositives, int FalseNegatives, int TrueNegatives)
{
    public double Precision => TruePositives + FalsePositives == 0 ? 0 : (double)TruePositives / (TruePositives + FalsePositives);

    public double Recall => TruePositives + FalseNegatives == 0 ? 0 : (double)TruePositives / (TruePositives + FalseNegatives);

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>Counts <paramref name="items"/> by whether each was <paramref name="accepted"/> and whether it <paramref name="isMatch"/>.</summary>
    public static PairCounts Of<T>(IEnumerable<T> items, Func<T, bool> accepted, Func<T, bool> isMatch)
    {
        int tp = 0, fp = 0, fn = 0, tn = 0;
        foreach (var item in items)
        {
            switch (accepted(item), isMatch(item))
            {
                case (true, true): tp++; break;
                case (true, false): fp++; break;
                case (false, true): fn++; break;
                default: tn++; break;
            }
        }

        return new PairCounts(tp, fp, fn, tn);
    }
}
