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

    public static bool[] Of(ReadOnlySpan<bool> flags)
    {
        if (flags.Length == 0)
        {
            return [];
        }

        if (flags.Length > MaxFlags)
        {
            return flags.ToArray();
        }

        var key = (ulong)flags.Length << 56;
        for (var i = 0; i < flags.Length; i++)
        {
            key |= flags[i] ? 1UL << i : 0;
        }

        return Flags.TryGetValue(key, out var shared) ? shared : Keep(Flags, key, flags.ToArray());
    }

    public static NamePartKind[] Of(ReadOnlySpan<NamePartKind> kinds)
    {
        if (kinds.Length == 0)
        {
            return [];
        }

        if (kinds.Length > MaxKinds)
        {
            return kinds.ToArray();
        }

        var key = (ulong)kinds.Length << 56;
        for (var i = 0; i < kinds.Length; i++)
        {
            if ((uint)kinds[i] > 15)
            {
                return kinds.ToArray();
            }

            key |= (ulong)kinds[i] << (4 * i);
        }

        return Kinds.TryGetValue(key, out var shared) ? shared : Keep(Kinds, key, kinds.ToArray());
    }

    private static T[] Keep<T>(ConcurrentDictionary<ulong, T[]> table, ulong key, T[] array) =>
        table.Count < MaxShared ? table.GetOrAdd(key, array) : array;
}
