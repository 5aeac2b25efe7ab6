using Cordon.Screening.Evaluation;

namespace Cordon.Benchmarks;

/// <summary>The parts of the peer's score for one labelled pair, as PostgreSQL computed them.</summary>
internal sealed record PairFeatures(NamePair Pair, float Similarity, double Levenshtein, bool SameDmetaphone);

/// <summary>The peer's knobs: <c>pg_trgm.similarity_threshold</c>, the acceptance threshold and the double-metaphone bonus.</summary>
internal sealed record PeerSettings(double Threshold, double Accept, double Bonus);

/// <summary>
/// Tunes the peer on the labelled pairs: a pair is a match when the trigram retrieval would find it (similarity ≥ T)
/// and its re-score reaches A. T, A and the bonus are swept for the best F1, on the same pairs the F1 is then reported
/// on, which favours the peer.
/// </summary>
internal static class PgPeerTuning
{
    private static readonly double[] Bonuses = [0, 0.05, 0.10, 0.15, 0.20];

    /// <summary>The same formula as <see cref="PgTrgmPeer.SearchSql"/>, in the same double arithmetic.</summary>
    public static double Score(PairFeatures pair, double bonus) =>
        Math.Min(1.0, Math.Max(pair.Similarity, pair.Levenshtein) + (pair.SameDmetaphone ? bonus : 0));

    public static PairCounts Count(IReadOnlyList<PairFeatures> pairs, PeerSettings settings) => PairCounts.Of(pairs,
        pair => pair.Similarity >= settings.Threshold && Score(pair, settings.Bonus) >= settings.Accept, pair => pair.Pair.IsMatch);

    /// <summary>
    /// T from 0.05 to 0.90 and A from 0.30 to 1.00 in steps of 0.01, with each bonus. Among equal F1 the highest T
    /// wins (the fastest query), then the smallest bonus, then the lowest A.
    /// </summary>
    public static (PeerSettings Settings, PairCounts Counts) Tune(IReadOnlyList<PairFeatures> pairs)
    {
        var best = TuneAt(pairs, 0.90);
        for (var t = 89; t >= 5; t--)
        {
            var candidate = TuneAt(pairs, t / 100.0);
            if (candidate.Counts.F1 > best.Counts.F1 + 1e-12)
            {
                best = candidate;
            }
        }

        return best;
    }

    /// <summary>The best A (and bonus) at a fixed T, to show what a given similarity threshold costs in F1.</summary>
    public static (PeerSettings Settings, PairCounts Counts) TuneAt(IReadOnlyList<PairFeatures> pairs, double threshold)
    {
        PeerSettings? best = null;
        PairCounts? bestCounts = null;
        foreach (var bonus in Bonuses)
        {
            for (var a = 30; a <= 100; a++)
            {
                var settings = new PeerSettings(threshold, a / 100.0, bonus);
                var counts = Count(pairs, settings);
                if (bestCounts is not { } kept || counts.F1 > kept.F1 + 1e-12)
                {
                    (best, bestCounts) = (settings, counts);
                }
            }
        }

        return (best!, bestCounts!.Value);
    }
}
