namespace Cordon.Screening;

/// <summary>Binary search over sorted arrays, as the index's postings and keys need it.</summary>
internal static class SortedSpans
{
    /// <summary>The first position whose value is not less than <paramref name="value"/> (the length when none is).</summary>
    public static int LowerBound<T>(ReadOnlySpan<T> values, T value)
        where T : IComparable<T>
    {
        int lo = 0, hi = values.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (values[mid].CompareTo(value) < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>
    /// <see cref="LowerBound{T}"/> over hashes, which spread evenly over the 64-bit range: the search starts where the value
    /// should sit and widens from there, so it reads a few neighbouring cache lines instead of twenty far-apart ones.
    /// </summary>
    public static int LowerBoundOfHash(ReadOnlySpan<ulong> values, ulong value)
    {
        var n = values.Length;
        if (n < 64)
        {
            return LowerBound(values, value);
        }

        var guess = (int)Math.Min(n - 1, (long)(((UInt128)value * (ulong)n) >> 64));
        int lo, hi;
        var step = 16;
        if (values[guess] < value)
        {
            // The answer is after the guess: widen to the right until a value is not less.
            lo = guess + 1;
            hi = Math.Min(n, guess + step);
            while (hi < n && values[hi - 1] < value)
            {
                lo = hi;
                step *= 2;
                hi = Math.Min(n, hi + step);
            }
        }
        else
        {
            // The answer is at or before the guess: widen to the left until a value is less.
            hi = guess;
            lo = Math.Max(0, guess - step);
            while (lo > 0 && values[lo] >= value)
            {
                hi = lo;
                step *= 2;
                lo = Math.Max(0, lo - step);
            }
        }

        return lo + LowerBound(values[lo..hi], value);
    }
}
