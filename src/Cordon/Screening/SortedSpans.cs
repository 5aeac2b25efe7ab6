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
}
