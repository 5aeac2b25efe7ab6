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
        if (string.Equals(a, b, StringComparison.Ordinal))
        {
            return 1.0;
        }

        if (a.Length == 0 || b.Length == 0)
        {
            return 0.0;
        }

        if (IsNumber(a) || IsNumber(b))
        {
            return 0.0;
        }

        if (a.Length == 1 || b.Length == 1)
        {
            // An initial stands for any part that starts with it.
            return a[0] == b[0] ? 0.75 : 0.0;
        }

        if (NameVariants.AreVariants(a, b))
        {
            return 0.95;
        }

        var distance = Distance(a.AsSpan(0, Math.Min(a.Length, MaxLength)), b.AsSpan(0, Math.Min(b.Length, MaxLength)));
        var similarity = 1.0 - (distance / Math.Max(a.Length, b.Length));
        if (a.Length >= 3 && b.Length >= 3 && a[0] == b[0] && string.Equals(TokenKeys.Skeleton(a), TokenKeys.Skeleton(b), StringComparison.Ordinal))
        {
            similarity = Math.Max(similarity, 0.85);
        }

        if (vowelBlind)
        {
            var ka = TokenKeys.Consonants(a);
            var kb = TokenKeys.Consonants(b);
            if (ka.Length > 0 && kb.Length > 0)
            {
                // Short skeletons collide by chance (Rana / Rania / Ryan are all "rn"), so they earn less.
                var consonantSimilarity = 1.0 - (Distance(ka, kb) / Math.Max(ka.Length, kb.Length));
                var trust = Math.Min(ka.Length, kb.Length) switch { <= 1 => 0.75, 2 => 0.82, _ => 0.92 };
                similarity = Math.Max(similarity, trust * consonantSimilarity);
            }
        }

        return Math.Max(0, similarity);
    }

    /// <summary>The consonants of a part, look-alike sounds folded and repeats collapsed (mohammed → mhmd).</summary>
    internal static string Consonants(string part)
    {
        Span<char> buffer = stackalloc char[Math.Min(part.Length, MaxLength)];
        var length = 0;
        for (var i = 0; i < buffer.Length; i++)
        {
            var c = part[i] is 'e' or 'i' or 'o' or 'u' or 'a' or 'y' or 'w' ? '\0' : PhoneticKey.Fold(part[i]);
            if (c == 'h' && i > 0 && part[i - 1] is 'k' or 's' or 't' or 'g' or 'd' or 'z' or 'c' or 'p')
            {
                continue;
            }

            if (c != '\0' && (length == 0 || buffer[length - 1] != c))
            {
                buffer[length++] = c;
            }
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
    internal static double Distance(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length > MaxLength * 4 || b.Length > MaxLength * 4)
        {
            a = a[..Math.Min(a.Length, MaxLength * 4)];
            b = b[..Math.Min(b.Length, MaxLength * 4)];
        }

        return DistanceCore(a, b);
    }

    private static double DistanceCore(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        Span<double> previous2 = stackalloc double[b.Length + 1];
        Span<double> previous = stackalloc double[b.Length + 1];
        Span<double> current = stackalloc double[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = a[i - 1] == b[j - 1] ? 0.0 : LookAlike(a[i - 1], b[j - 1]) ? 0.5 : 1.0;
                var best = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + substitution);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    best = Math.Min(best, previous2[j - 2] + 0.5);
                }

                current[j] = best;
            }

            var rotate = previous2;
            previous2 = previous;
            previous = current;
            current = rotate;
        }

        return previous[b.Length];
    }

    private static bool LookAlike(char x, char y)
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
