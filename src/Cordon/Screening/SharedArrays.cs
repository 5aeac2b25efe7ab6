using System.Collections.Concurrent;
using Cordon.Names;

namespace Cordon.Screening;

/// <summary>
/// One array for each pattern of a prepared name's flags and part kinds. A million names hold a few hundred patterns
/// ("word word", "word particle word"), so the index keeps those instead of three or four small arrays per name: less
/// memory, and fewer objects for the collector to trace while a server builds its index. The arrays are never written.
/// </summary>
internal static class SharedArrays
{
    /// <summary>Patterns beyond this many are not shared, so unusual input cannot grow the tables without bound.</summary>
    private const int MaxShared = 65_536;

    /// <summary>Longer flag sets than this are not shared: the key holds a bit per flag and the length.</summary>
    private const int MaxFlags = 48;

    /// <summary>Longer kind sequences than this are not shared: the key holds four bits per kind and the length.</summary>
    private const int MaxKinds = 12;

    private static readonly ConcurrentDictionary<ulong, bool[]> Flags = new();
    private static readonly ConcurrentDictionary<ulong, NamePartKind[]> Kinds = new();

    public static bool[] Of(ReadOnlySpan<bool> flags) => Share(Flags, flags, MaxFlags, bits: 1, static flag => flag ? 1UL : 0UL);

    public static NamePartKind[] Of(ReadOnlySpan<NamePartKind> kinds) => Share(Kinds, kinds, MaxKinds, bits: 4, static kind => (ulong)kind);

    /// <summary>
    /// The shared array with <paramref name="items"/>' content, keyed by their length and each item's
    /// <paramref name="code"/> in <paramref name="bits"/> bits; a copy when they do not fit a key or the table is full.
    /// </summary>
    private static T[] Share<T>(ConcurrentDictionary<ulong, T[]> table, ReadOnlySpan<T> items, int maxLength, int bits, Func<T, ulong> code)
    {
        if (items.Length == 0)
        {
            return [];
        }

        if (items.Length > maxLength)
        {
            return items.ToArray();
        }

        var key = (ulong)items.Length << 56;
        for (var i = 0; i < items.Length; i++)
        {
            var value = code(items[i]);
            if (value >= 1UL << bits)
            {
                return items.ToArray();
            }

            key |= value << (bits * i);
        }

        return table.TryGetValue(key, out var shared) ? shared
            : table.Count < MaxShared ? table.GetOrAdd(key, items.ToArray()) : items.ToArray();
    }
}
