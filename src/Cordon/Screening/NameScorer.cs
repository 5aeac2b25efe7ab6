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

    /// <summary>How far a score leans on the better-covered name: more for people, less when an organisation is involved.</summary>
    public static double Lean(bool organisation) => organisation ? 0.35 : 0.65;

    /// <summary>
    /// The lean for two names: the organisation lean when either is an organisation's, and when exactly one of them is
    /// a single word — a one-word name (a weak alias such as "HAMZA", or a one-word query) covers itself whole whenever
    /// it matches one word of a longer name, and must not carry the score on that alone.
    /// </summary>
    public static double Lean(PreparedName query, PreparedName candidate) =>
        Lean(query.Organisation || candidate.Organisation || (query.Words == 1) != (candidate.Words == 1));

    public static (double Score, List<PartMatch> Pairs) Score(PreparedName query, PreparedName candidate) => Score(query, candidate, null);

    /// <param name="query">The query name.</param>
    /// <param name="candidate">The listed name.</param>
    /// <param name="similarity">
    /// The similarity of query <see cref="PreparedName.Table"/> entry i and candidate entry j when the caller already
    /// knows it (the index does, from its part search); computed with <see cref="PartSimilarity"/> when null.
    /// </param>
    /// <param name="withPairs">
    /// Whether to list the part pairs; without them scoring allocates nothing for a name that turns out no hit, and
    /// <c>Pairs</c> is empty (the score is the same).
    /// </param>
    internal static (double Score, List<PartMatch> Pairs) Score(PreparedName query, PreparedName candidate, Func<int, int, double>? similarity, bool withPairs = true)
    {
        var q = query.Parts;
        var c = candidate.Parts;
        if (q.Length == 0 || c.Length == 0)
        {
            return (0, []);
        }

        // People often carry extra given names or a patronymic on one side, so the score leans on the better-covered
        // name; an organisation with an extra word is more often another organisation, so it leans the other way.
        var lean = Lean(query, candidate);
        var vowelBlind = query.Abjad != candidate.Abjad;
        var qt = query.Table;
        var ct = candidate.Table;
        var cells = qt.Length * ct.Length;
        Span<double> sims = cells <= 1024 ? stackalloc double[cells] : new double[cells];
        for (var i = 0; i < qt.Length; i++)
        {
            for (var j = 0; j < ct.Length; j++)
            {
                var s = similarity?.Invoke(i, j) ?? Similarity(qt[i], ct[j], vowelBlind);
                sims[(i * ct.Length) + j] = s >= PartFloor && (s >= 1 || SameKind(query.TableGeneric[i], query.TableLegalForm[i], candidate.TableGeneric[j], candidate.TableLegalForm[j], qt[i], ct[j])) ? s : 0;
            }
        }

        // Readings with particles joined (Alrawi / al Rawi) exist only when a particle precedes a word; most names have none.
        var (bestScore, bestQuery, bestCandidate) = (-1.0, 0, 0);
        // Each reading is written into these as positions in the table with their weights: scoring allocates nothing.
        Span<int> qParts = stackalloc int[PreparedName.MaxParts];
        Span<double> qWeights = stackalloc double[PreparedName.MaxParts];
        Span<int> cParts = stackalloc int[PreparedName.MaxParts];
        Span<double> cWeights = stackalloc double[PreparedName.MaxParts];
        for (var a = 0; a < query.ReadingCount; a++)
        {
            var qn = query.Reading(a, qParts, qWeights);
            for (var b = 0; b < candidate.ReadingCount; b++)
            {
                var cn = candidate.Reading(b, cParts, cWeights);
                var score = Align(qParts[..qn], qWeights[..qn], cParts[..cn], cWeights[..cn], query, candidate, sims, lean, null);
                if (score > bestScore)
                {
                    (bestScore, bestQuery, bestCandidate) = (score, a, b);
                }
            }
        }

        var pairs = withPairs ? new List<PartMatch>() : NoPairs;
        if (withPairs)
        {
            var qn = query.Reading(bestQuery, qParts, qWeights);
            var cn = candidate.Reading(bestCandidate, cParts, cWeights);
            Align(qParts[..qn], qWeights[..qn], cParts[..cn], cWeights[..cn], query, candidate, sims, lean, pairs);
        }

        var best = (Score: bestScore, Pairs: pairs);

        // Words run together on one side (Goodwill / Good Will, PricewaterhouseCoopers / Pricewaterhouse Coopers).
        if (q.Length != c.Length && best.Score < 0.95 && CanBeJoined(query, candidate))
        {
            var joined = PartSimilarity.Of(query.Joined, candidate.Joined);
            if (joined >= JoinedFloor && joined * joined > best.Score)
            {
                best = (joined * joined, withPairs ? [new PartMatch(query.Joined, candidate.Joined, Math.Round(joined, 3))] : NoPairs);
            }
        }

        return (Math.Min(best.Score * LegalFormFactor(query, candidate), NativeCap(query, candidate)), best.Pairs);
    }

    /// <summary>
    /// Whether two parts of different kinds may pair as near spellings. A particle or honorific is no near spelling of
    /// a word (al / Ali, el / Eli, abu / Abul), nor is a legal form of two letters (co / Cole); a longer legal form
    /// misspelt is still itself (CORPORATIONJ, TRADIBG, LLCF; see <see cref="PreparedName.TableLegalForm"/>) when the
    /// two are that close by edits or listed as one (<see cref="SameForm"/>): a word that merely sounds like one (Libi /
    /// LLP, one skeleton) is not. Parts of one kind always may.
    /// </summary>
    internal static bool SameKind(bool aGeneric, bool aLegalForm, bool bGeneric, bool bLegalForm, string a, string b) =>
        aGeneric == bGeneric || ((aGeneric ? aLegalForm : bLegalForm) && SameForm(a, b));

    /// <summary>
    /// Whether a word is a legal form in another spelling: misspelt by edits (TRADIBG / Trading), or its listed
    /// translation (jamaat and جماعة, read jmaa, are a group; see <see cref="NameTranslations"/>).
    /// </summary>
    internal static bool SameForm(string a, string b) => PartSimilarity.Edit(a, b) >= PartFloor || NameVariants.AreVariants(a, b);

    /// <summary>A part similarity, exact from <see cref="PartFloor"/> up (below it the scorer counts nothing anyway).</summary>
    private static double Similarity(string a, string b, bool vowelBlind)
    {
        var (plain, blind) = PartSimilarity.Both(a, b, vowelBlind, PartFloor);
        return vowelBlind ? blind : plain;
    }

    /// <summary>The least similarity of two names run together (Goodwill / Good Will) for the whole-name reading to count.</summary>
    internal const double JoinedFloor = 0.93;

    /// <summary>The pairs of a score asked for without them: always empty, never added to.</summary>
    private static readonly List<PartMatch> NoPairs = [];

    /// <summary>Whether two run-together names are close enough in length to reach 0.93, and free of numbers.</summary>
    private static bool CanBeJoined(PreparedName query, PreparedName candidate)
    {
        if (!JoinedLengthsClose(query.JoinedLength, candidate.JoinedLength))
        {
            // Most names are not: their run-together form is not even built.
            return false;
        }

        var (a, b) = (query.Joined, candidate.Joined);
        return !a.Any(char.IsAsciiDigit) && !b.Any(char.IsAsciiDigit)
            && query.HasWord == candidate.HasWord;
    }

    /// <summary>
    /// Whether two names run together, of these lengths, can be similar enough for the whole-name reading (0.93): the
    /// index scores a name found by its run-together keys only then.
    /// </summary>
    internal static bool JoinedLengthsClose(int a, int b) => Math.Abs(a - b) <= 0.07 * Math.Max(a, b);

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

        return 0.75;
    }

    /// <summary>
    /// Pairs each part of one reading with its most similar free counterpart in the other, best pairs first, and turns
    /// the pairs into a score. <paramref name="pairs"/>, when given, receives the pairs.
    /// </summary>
    /// <param name="q">The query reading: positions in the query's table.</param>
    /// <param name="qw">Their weights.</param>
    /// <param name="c">The candidate reading: positions in the candidate's table.</param>
    /// <param name="cw">Their weights.</param>
    /// <param name="queryName">The query name.</param>
    /// <param name="candidateName">The listed name.</param>
    /// <param name="sims">The part similarities, query table entry by candidate table entry.</param>
    /// <param name="lean">How far the score leans on the better-covered name.</param>
    /// <param name="pairs">When given, receives the pairs.</param>
    private static double Align(
        ReadOnlySpan<int> q,
        ReadOnlySpan<double> qw,
        ReadOnlySpan<int> c,
        ReadOnlySpan<double> cw,
        PreparedName queryName,
        PreparedName candidateName,
        ReadOnlySpan<double> sims,
        double lean,
        List<PartMatch>? pairs)
    {
        var (qt, ct) = (queryName.Table, candidateName.Table);
        // A name with a word must be matched on a word; names of generic parts only are compared as they are.
        var substantive = !queryName.HasWord && !candidateName.HasWord;
        Span<int> pairedWith = q.Length <= 64 ? stackalloc int[q.Length] : new int[q.Length];
        pairedWith.Fill(-1);
        var usedC = c.Length <= 256 ? stackalloc bool[c.Length] : new bool[c.Length];
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

                var row = q[i] * ct.Length;
                for (var j = 0; j < c.Length; j++)
                {
                    var s = sims[row + c[j]];
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
            pairs?.Add(new PartMatch(qt[q[bi]], ct[c[bj]], Math.Round(bs, 3)));
            substantive |= queryName.TableWords[q[bi]] && candidateName.TableWords[c[bj]];
            matchedQ += bs * bs * qw[bi];
            matchedC += bs * bs * cw[bj];
        }

        if (!substantive)
        {
            // Particles, honorifics and legal forms alone ("al", "LLC", "Trading") never match a name that has words.
            return 0;
        }

        var coverQ = matchedQ / Sum(qw);
        var coverC = matchedC / Sum(cw);
        var score = (lean * Math.Max(coverQ, coverC)) + ((1 - lean) * Math.Min(coverQ, coverC));
        var (leftQ, leftC) = (Unpaired(q, queryName, pairedWith, default, query: true), Unpaired(c, candidateName, default, usedC, query: false));
        score *= ConflictFactor(leftQ, leftC);
        score *= OrderFactor(q, c, queryName.TableWords, candidateName.TableWords, qt, ct, pairedWith);
        score *= NumberFactor(leftQ, leftC);
        return Math.Clamp(score, 0, 1);
    }

    /// <summary>
    /// A father's name and a son's swapped around "bin" (SALMAN BIN MUHAMMAD / MUHAMMAD BIN SALMAN) are two people of
    /// one family: the pair stays below the default threshold however well the parts match.
    /// </summary>
    private const double SwappedFather = 0.65;

    /// <summary>Full parts aligned out of order cost a little; around "bin"/"ben" (a father's name) they cost a lot.</summary>
    private static double OrderFactor(ReadOnlySpan<int> q, ReadOnlySpan<int> c, bool[] qWords, bool[] cWords, string[] qt, string[] ct, ReadOnlySpan<int> pairedWith)
    {
        var last = -1;
        var inverted = false;
        for (var i = 0; i < q.Length; i++)
        {
            var j = pairedWith[i];
            if (j < 0 || !qWords[q[i]] || !cWords[c[j]])
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

        // Order says who is whose father only when neither side is a shuffle.
        var (fatherQ, fatherC) = (FatherParticle(q, qt), FatherParticle(c, ct));
        return fatherQ + fatherC > 0 && fatherQ >= 0 && fatherC >= 0 ? SwappedFather : 0.92;
    }

    /// <summary>
    /// Whether a reading has "bin" (or "ben", "ibn"…) between two parts, naming a father (1), at an end, where it names
    /// nobody because the parts were shuffled (-1: "Salman Mohammed bin" for MOHAMMED BIN SALMAN), or not at all (0).
    /// </summary>
    private static int FatherParticle(ReadOnlySpan<int> parts, string[] table)
    {
        var found = 0;
        for (var k = 0; k < parts.Length; k++)
        {
            if (table[parts[k]] is "bin" or "ben" or "ibn" or "bint" or "ould" or "binti")
            {
                if (k == 0 || k == parts.Length - 1)
                {
                    return -1;
                }

                found = 1;
            }
        }

        return found;
    }

    /// <summary>
    /// Full parts left unpaired on both sides are conflicting names (AL-TIKRITI / AL-DULAIMI), not an extra name on one
    /// side: each such conflict costs a fifth of the score, each pair of different countries a quarter.
    /// </summary>
    private static double ConflictFactor(UnpairedParts query, UnpairedParts candidate)
    {
        // Two different numbers are a series (NumberFactor), not two conflicting words.
        var numbers = Math.Min(query.Numbers, candidate.Numbers);

        // Two different countries (Bowne Global Solutions Sweden / Finland) are two organisations, subsidiaries that are
        // legal persons of their own however alike their names, so each such conflict costs a quarter; a country on one
        // side only merely qualifies.
        return Math.Pow(0.8, Math.Max(0, Math.Min(query.Words, candidate.Words) - numbers)) * Math.Pow(0.75, Math.Min(query.Places, candidate.Places));
    }

    /// <summary>
    /// A number on one side that the other does not have (Company 23 / Company) is a different name: the score drops
    /// to <see cref="AddedNumber"/> of itself. Two different numbers in the same place (Trust 2004-1 / Trust 2004-2,
    /// Partners VII / Partners VIII) are a series of sister funds, trusts or ships under one name: a reviewer should
    /// see them, below a true spelling variant, so the pair costs <see cref="OtherNumber"/> and its numbers are not
    /// counted as conflicting words. Numbers weigh half a word (<see cref="NamePartKind.Number"/>).
    /// </summary>
    private static double NumberFactor(UnpairedParts query, UnpairedParts candidate) =>
        query.Numbers > 0 && candidate.Numbers > 0 ? OtherNumber : query.Numbers + candidate.Numbers > 0 ? AddedNumber : 1.0;

    private const double AddedNumber = 0.7;

    private const double OtherNumber = 0.9;

    /// <summary>How many words (numbers among them), places and numbers of one side the alignment left unpaired.</summary>
    private readonly record struct UnpairedParts(int Words, int Places, int Numbers);

    /// <summary>
    /// Counts the unpaired parts of one reading: a query part is unpaired when <paramref name="pairedWith"/> says so, a
    /// candidate part when <paramref name="used"/> does not mark it.
    /// </summary>
    private static UnpairedParts Unpaired(ReadOnlySpan<int> parts, PreparedName name, ReadOnlySpan<int> pairedWith, ReadOnlySpan<bool> used, bool query)
    {
        int words = 0, places = 0, numbers = 0;
        for (var i = 0; i < parts.Length; i++)
        {
            if (query ? pairedWith[i] >= 0 : used[i])
            {
                continue;
            }

            var at = parts[i];
            words += name.TableWords[at] ? 1 : 0;
            var kind = at < name.Parts.Length ? name.Kinds[at] : NamePartKind.Word;
            places += kind == NamePartKind.Place ? 1 : 0;
            numbers += kind == NamePartKind.Number ? 1 : 0;
        }

        return new UnpairedParts(words, places, numbers);
    }

    private static double Sum(ReadOnlySpan<double> values)
    {
        var sum = 0.0;
        foreach (var v in values)
        {
            sum += v;
        }

        return sum;
    }
}
