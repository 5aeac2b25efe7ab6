namespace Cordon.Names;

/// <summary>
/// Similarity of two normalised name parts in [0, 1]: an edit distance where transpositions and look-alike or
/// transliteration-alike characters (0/o, c/k, i/y, u/o…) cost half, normalised by the longer part. Listed variants
/// (Muhammad / Mohammed) and equal consonant skeletons score high; numbers must be equal; an initial matches the
/// parts it begins.
/// </summary>
public static class PartSimilarity
{
    private const int MaxLength = 64;

    /// <param name="a">One normalised part.</param>
    /// <param name="b">The other normalised part.</param>
    /// <param name="vowelBlind">
    /// True when one side was transliterated from a script that writes no short vowels (Arabic, Hebrew, Persian):
    /// <c>mhmd</c> must meet <c>mohammed</c>, so consonant skeletons are compared as well.
    /// </param>
    public static double Of(string a, string b, bool vowelBlind = false)
    {
        var (plain, blind) = Both(a, b, vowelBlind, 0);
        return vowelBlind ? blind : plain;
    }

    /// <summary>
    /// The similarity as written and, when <paramref name="vowelBlind"/>, vowel-blind (else equal to it as written), from
    /// one edit distance. Each is exact when it reaches <paramref name="floor"/>; below it, it is only known to be below:
    /// the distance stops as soon as it cannot reach the floor, which is what makes searching a vocabulary cheap.
    /// </summary>
    internal static (double Plain, double VowelBlind) Both(string a, string b, bool vowelBlind, double floor) =>
        Both(a, null, b, null, vowelBlind, floor);

    /// <summary><see cref="Both(string, string, bool, double)"/> with the parts' keys when the caller keeps them.</summary>
    internal static (double Plain, double VowelBlind) Both(string a, PartKeys? aKeys, string b, PartKeys? bKeys, bool vowelBlind, double floor)
    {
        if (string.Equals(a, b, StringComparison.Ordinal))
        {
            return (1.0, 1.0);
        }

        if (a.Length == 0 || b.Length == 0 || IsNumber(a) || IsNumber(b))
        {
            return (0.0, 0.0);
        }

        if (a.Length == 1 || b.Length == 1)
        {
            // An initial stands for any part that starts with it.
            var initial = a[0] == b[0] ? 0.75 : 0.0;
            return (initial, initial);
        }

        if (NameVariants.AreVariants(a, b))
        {
            return (0.95, 0.95);
        }

        var longer = Math.Max(a.Length, b.Length);
        var distance = Distance(a.AsSpan(0, Math.Min(a.Length, MaxLength)), b.AsSpan(0, Math.Min(b.Length, MaxLength)), (1 - floor) * longer);
        var similarity = Math.Max(0, 1.0 - (distance / longer));
        if (similarity < SkeletonSimilarity && a.Length >= 3 && b.Length >= 3 && a[0] == b[0]
            && string.Equals(aKeys?.Skeleton ?? TokenKeys.Skeleton(a), bKeys?.Skeleton ?? TokenKeys.Skeleton(b), StringComparison.Ordinal))
        {
            similarity = SkeletonSimilarity;
        }

        if (similarity < RepeatSimilarity && SameCollapsed(a, b))
        {
            similarity = RepeatSimilarity;
        }

        if (similarity < NameNicknames.Similarity && NameNicknames.Related(a, b))
        {
            similarity = NameNicknames.Similarity;
        }

        if (!vowelBlind)
        {
            return (similarity, similarity);
        }

        var blind = similarity;
        var ka = aKeys?.Consonants ?? TokenKeys.Consonants(a);
        var kb = bKeys?.Consonants ?? TokenKeys.Consonants(b);
        if (ka.Length > 0 && kb.Length > 0)
        {
            // Short skeletons collide by chance (Rana / Rania / Ryan are all "rn"), so they earn less.
            var consonantSimilarity = 1.0 - (DistanceCore(ka, kb, double.MaxValue, ConsonantLookAlikes, weakCheap: true) / Math.Max(ka.Length, kb.Length));
            var trust = Math.Min(ka.Length, kb.Length) switch { <= 1 => 0.75, 2 => 0.82, _ => 0.92 };
            blind = Math.Max(blind, trust * consonantSimilarity);
        }

        return (similarity, Math.Max(0, blind));
    }

    /// <summary>
    /// The similarity by edit distance alone (look-alike letters and transpositions at half cost), without the listed
    /// variants, skeletons, repeats or nicknames that <see cref="Of"/> also credits: how a typo resembles the word it
    /// came from (CORPORATIONJ / corporation), not how two names sound alike (Libi / LLP share a skeleton).
    /// </summary>
    internal static double Edit(string a, string b)
    {
        var longer = Math.Max(a.Length, b.Length);
        return longer == 0 ? 1.0 : Math.Max(0, 1.0 - (Distance(a, b) / longer));
    }

    /// <summary>Two parts that differ only in how often a letter repeats (Jong-uun / Jong-un) score at least this.</summary>
    private const double RepeatSimilarity = 0.9;

    /// <summary>Whether the parts are equal once runs of one letter are written once.</summary>
    internal static bool SameCollapsed(string a, string b)
    {
        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] != b[j])
            {
                return false;
            }

            var c = a[i];
            while (i < a.Length && a[i] == c)
            {
                i++;
            }

            while (j < b.Length && b[j] == c)
            {
                j++;
            }
        }

        return i == a.Length && j == b.Length;
    }

    /// <summary>Two parts of one first letter and one consonant skeleton (Mohamed / Muhammad) score at least this.</summary>
    private const double SkeletonSimilarity = 0.85;

    /// <summary>
    /// The consonants of a part, look-alike sounds folded and repeats collapsed (mohammed → mhmd). A final h after
    /// another letter is left out: lists write it or not alike (Juma / Jumah / جمعه, Zada / Zadeh, Abdulla / Abdullah).
    /// So is the l of a leading article before a sun letter, as it is in speech (aldyn / Eddine / Uddin, dn).
    /// </summary>
    internal static string Consonants(string part)
    {
        Span<char> buffer = stackalloc char[Math.Min(part.Length, MaxLength)];
        var length = 0;
        for (var i = 0; i < buffer.Length; i++)
        {
            var next = i + 1 < part.Length ? part[i + 1] : '\0';
            var c = part[i] switch
            {
                'e' or 'i' or 'o' or 'u' or 'a' or 'y' or 'w' => '\0',
                // French and English spellings of Arabic names: Chaouch (ش), Lounici (س), Djamel (ج).
                'c' when next is 'h' or 'e' or 'i' or 'y' => 's',
                'd' when next == 'j' => '\0',
                _ => PhoneticKey.Fold(part[i]),
            };
            if (c == 'h' && i > 0 && part[i - 1] is 'k' or 's' or 't' or 'g' or 'd' or 'z' or 'c' or 'p')
            {
                continue;
            }

            // The article's l takes the sound of a sun letter after it: al-Din is said ad-Din, written Eddine, Uddin.
            if (c == 'l' && i == 1 && part[0] is 'a' or 'e' or 'u' && next is 't' or 'd' or 'r' or 'z' or 's' or 'n')
            {
                continue;
            }

            if (c != '\0' && (length == 0 || buffer[length - 1] != c))
            {
                buffer[length++] = c;
            }
        }

        if (length > 1 && buffer[length - 1] == 'h' && part.Length == buffer.Length && part[^1] == 'h')
        {
            length--;
        }

        return new string(buffer[..length]);
    }

    /// <summary>Whether a part is all digits (numbers match only as written).</summary>
    internal static bool IsNumber(string s)
    {
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Optimal-string-alignment distance with cheap look-alike substitutions and transpositions.</summary>
    /// <param name="a">One text.</param>
    /// <param name="b">The other.</param>
    /// <param name="cap">
    /// Past this the exact distance does not matter: once two rows in a row exceed it (a transposition can skip one row,
    /// never two) the distance so far is returned, which is above the cap.
    /// </param>
    internal static double Distance(ReadOnlySpan<char> a, ReadOnlySpan<char> b, double cap = double.MaxValue)
    {
        if (a.Length > MaxLength * 4 || b.Length > MaxLength * 4)
        {
            a = a[..Math.Min(a.Length, MaxLength * 4)];
            b = b[..Math.Min(b.Length, MaxLength * 4)];
        }

        return DistanceCore(a, b, cap, LookAlikes);
    }

    /// <summary>
    /// The distance in half edits, so that the table holds whole numbers. With a cap only the band of cells a path under
    /// the cap can reach is computed (every letter inserted or deleted costs a whole edit), and the rows stop once two in
    /// a row exceed it. With <paramref name="weakCheap"/> inserting or deleting an l or an h costs half an edit: Arabic
    /// assimilates the article's l (Nur al-Din / Nureddine), and an h is a sound Latin spellings add or drop (Chaudhry /
    /// چوہدری chwhdry); only uncapped calls may set it, since the band assumes every insertion costs a whole edit.
    /// </summary>
    private static double DistanceCore(ReadOnlySpan<char> a, ReadOnlySpan<char> b, double cap, bool[] lookAlikes, bool weakCheap = false)
    {
        const int Unreachable = int.MaxValue / 4;
        var halfCap = cap >= Unreachable ? Unreachable : (int)Math.Floor(cap * 2);
        var band = Math.Min(Math.Max(a.Length, b.Length), halfCap / 2);
        if (Math.Abs(a.Length - b.Length) > band)
        {
            // Each letter one text has more than the other is an edit of its own.
            return Math.Abs(a.Length - b.Length);
        }

        Span<int> previous2 = stackalloc int[b.Length + 2];
        Span<int> previous = stackalloc int[b.Length + 2];
        Span<int> current = stackalloc int[b.Length + 2];
        previous[0] = 0;
        for (var j = 1; j <= b.Length + 1; j++)
        {
            previous[j] = j <= band ? previous[j - 1] + (j <= b.Length ? IndelCost(b[j - 1], weakCheap) : 2) : Unreachable;
        }

        var deletions = 0;
        var previousMin = 0;
        for (var i = 1; i <= a.Length; i++)
        {
            var ai = a[i - 1];
            var lo = Math.Max(1, i - band);
            var hi = Math.Min(b.Length, i + band);
            var deleteA = IndelCost(ai, weakCheap);
            deletions += deleteA;
            current[lo - 1] = lo == 1 ? deletions : Unreachable;
            var rowMin = current[lo - 1];
            for (var j = lo; j <= hi; j++)
            {
                var bj = b[j - 1];
                var substitution = ai == bj ? 0 : ai < 128 && bj < 128 && lookAlikes[(ai * 128) + bj] ? 1 : 2;
                var best = Math.Min(Math.Min(previous[j] + deleteA, current[j - 1] + IndelCost(bj, weakCheap)), previous[j - 1] + substitution);
                if (i > 1 && j > 1 && ai == b[j - 2] && a[i - 2] == bj)
                {
                    best = Math.Min(best, previous2[j - 2] + 1);
                }

                current[j] = best;
                rowMin = Math.Min(rowMin, best);
            }

            // The next row reads one cell past this row's band.
            current[hi + 1] = Unreachable;
            if (rowMin > halfCap && previousMin > halfCap)
            {
                return rowMin / 2.0;
            }

            previousMin = rowMin;
            var rotate = previous2;
            previous2 = previous;
            previous = current;
            current = rotate;
        }

        return previous[b.Length] / 2.0;
    }

    private static int IndelCost(char c, bool weakCheap) => weakCheap && c is 'l' or 'h' ? 1 : 2;

    /// <summary>Whether two ASCII characters look or sound alike, at x * 128 + y.</summary>
    private static readonly bool[] LookAlikes = BuildLookAlikes();

    /// <summary>
    /// For vowel-blind consonants, also the letters Latin lists use for one Arabic letter: ض ذ ظ (d, dh, z), ث (th, s),
    /// ق (q, g, k).
    /// </summary>
    private static readonly bool[] ConsonantLookAlikes = BuildLookAlikes(("d", "s"), ("t", "s"), ("g", "k"));

    private static bool[] BuildLookAlikes(params (string X, string Y)[] extra)
    {
        var table = new bool[128 * 128];
        for (var x = '0'; x <= 'z'; x++)
        {
            for (var y = '0'; y <= 'z'; y++)
            {
                table[(x * 128) + y] = LookAlikePair(x, y);
            }
        }

        foreach (var (x, y) in extra)
        {
            table[(x[0] * 128) + y[0]] = true;
            table[(y[0] * 128) + x[0]] = true;
        }

        return table;
    }

    private static bool LookAlikePair(char x, char y)
    {
        if (x > y)
        {
            (x, y) = (y, x);
        }

        return (x, y) switch
        {
            ('0', 'o') or ('1', 'i') or ('1', 'l') or ('9', 'g') or ('5', 's') => true,
            ('e', 'i') or ('o', 'u') or ('i', 'j') or ('i', 'y') or ('c', 'k') or ('k', 'q') or ('c', 's') or ('s', 'z') => true,
            ('a', 'e') or ('e', 'y') or ('j', 'y') or ('f', 'v') or ('v', 'w') or ('g', 'j') or ('d', 't') or ('b', 'p') => true,
            _ => false,
        };
    }
}
