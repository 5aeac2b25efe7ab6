using System.Collections.Concurrent;

namespace Cordon.Names;

/// <summary>
/// The derived keys of a normalised name part (consonant skeleton, vowel-blind consonants), computed once per distinct
/// part and shared: scoring compares the same few hundred thousand parts millions of times.
/// </summary>
public static class TokenKeys
{
    /// <summary>Past this many distinct parts the cache stops growing (a long-running server meets endless typos).</summary>
    private const int MaxEntries = 4_000_000;

    private static readonly ConcurrentDictionary<string, (string Skeleton, string Consonants)> Cache = new(StringComparer.Ordinal);

    public static string Skeleton(string part) => Get(part).Skeleton;

    /// <summary>Both keys of a part, computed afresh (for callers that keep them, such as the index's vocabulary).</summary>
    public static PartKeys Compute(string part) => new(PhoneticKey.Of(part), PartSimilarity.Consonants(part));

    public static string Consonants(string part) => Get(part).Consonants;

    private static (string Skeleton, string Consonants) Get(string part)
    {
        if (Cache.TryGetValue(part, out var keys))
        {
            return keys;
        }

        keys = (PhoneticKey.Of(part), PartSimilarity.Consonants(part));
        if (Cache.Count < MaxEntries)
        {
            Cache.TryAdd(part, keys);
        }

        return keys;
    }
}

/// <summary>The derived keys of one part: its consonant skeleton and its vowel-blind consonants.</summary>
public readonly record struct PartKeys(string Skeleton, string Consonants);
