using System.Runtime.InteropServices;
using Cordon.Names;

namespace Cordon.Screening;

/// <summary>A listed name part similar to a query part: its token id and both similarities (as written, and vowel-blind).</summary>
internal readonly record struct SimilarToken(int Token, double Plain, double VowelBlind);

/// <summary>
/// The distinct name parts of the index (its vocabulary) and a search for every part similar to a query part. Each
/// part is keyed once, however many names carry it, by keys that any part scoring at least
/// <see cref="NameScorer.PartFloor"/> with it is meant to share: the part with look-alike letters folded (e/i/y, o/u,
/// c/k/s…) and each one-letter deletion of that (Baba / Bala, Serkan / Erkan, transpositions) — two letters from six
/// letters on (Saima / Samina, Rahimi / Ibrahimi) —, its consonant skeleton,
/// its listed variant group, its vowel-blind consonants and, for a single letter, the initial. Keys only propose:
/// every proposed part is scored with <see cref="PartSimilarity"/>, so the search returns exact similarities.
/// </summary>
internal sealed class TokenSpace
{
    /// <summary>Longest part prefix keyed by deletions; a longer part is keyed by its first this-many letters.</summary>
    private const int MaxDeletionLength = 24;

    /// <summary>How much of a joined form its keys are made of: the rest is not read.</summary>
    internal const int JoinedKeyLength = 4 * MaxDeletionLength;

    /// <summary>From this length on a part is also keyed by two deletions: two edits keep 0.75 from eight letters, an edit and a transposition from six.</summary>
    private const int TwoDeletionLength = 6;

    /// <summary>
    /// Past this many cached query parts a new generation of the cache starts and the previous one is kept for one more
    /// turn (a server meets endless typos; common parts come back).
    /// </summary>
    private const int MaxCached = 100_000;

    private const ulong Folded = 1, Skeleton = 2, Variant = 3, Initial = 4, AllConsonants = 5, AbjadConsonants = 6, JoinedConsonants = 8, JoinedLetters = 9, Collapsed = 10, Nickname = 11;

    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<string> _texts = [];
    private readonly List<bool> _abjad = [];
    private readonly GenerationalCache<(string Part, bool Abjad), SimilarToken[]> _cache = new(MaxCached, CacheKeyComparer.Instance);
    private readonly Func<(string Part, bool Abjad), SimilarToken[]> _search;

    [ThreadStatic]
    private static int[]? _stamps;

    [ThreadStatic]
    private static int _stamp;

    // A search's keys, proposals and results, kept for the thread's next search.
    [ThreadStatic]
    private static List<ulong>? _searchKeys;

    [ThreadStatic]
    private static List<int>? _proposed;

    [ThreadStatic]
    private static List<SimilarToken>? _similar;
    private PartKeys[] _partKeys = [];
    private ulong[] _keys = [];
    private int[] _keyTokens = [];
    private bool _anyAbjad;

    public TokenSpace()
    {
        _search = key => Search(key.Part, key.Abjad);
    }

    /// <summary>How many parts the keys proposed in the last search (a diagnostic for benchmarks).</summary>
    internal int LastProposed { get; private set; }

    /// <summary>How many distinct parts.</summary>
    public int Count => _texts.Count;

    /// <summary>How many (key, part) entries the search holds.</summary>
    public int KeyCount => _keys.Length;

    public string Text(int token) => _texts[token];

    public bool TryGet(string text, out int token) => _ids.TryGetValue(text, out token);

    /// <summary>The id of a part, adding it when new; <paramref name="abjad"/> marks parts of names written in Arabic or Hebrew script.</summary>
    public int Add(string text, bool abjad)
    {
        if (!_ids.TryGetValue(text, out var id))
        {
            id = _texts.Count;
            _ids.Add(text, id);
            _texts.Add(text);
            _abjad.Add(abjad);
        }
        else if (abjad && !_abjad[id])
        {
            _abjad[id] = true;
        }

        _anyAbjad |= abjad;
        return id;
    }

    /// <summary>Builds the key search over every part added so far.</summary>
    public void Freeze()
    {
        var pairs = new List<(ulong Key, int Token)>(_texts.Count * 12);
        var keys = new List<ulong>(64);
        _partKeys = new PartKeys[_texts.Count];
        for (var token = 0; token < _texts.Count; token++)
        {
            keys.Clear();
            _partKeys[token] = TokenKeys.Compute(_texts[token]);
            KeysOf(_texts[token], _partKeys[token], _abjad[token], query: false, keys);
            foreach (var key in keys)
            {
                pairs.Add((key, token));
            }
        }

        var span = CollectionsMarshal.AsSpan(pairs);
        span.Sort();
        _keys = new ulong[span.Length];
        _keyTokens = new int[span.Length];
        var n = 0;
        for (var i = 0; i < span.Length; i++)
        {
            if (n > 0 && _keys[n - 1] == span[i].Key && _keyTokens[n - 1] == span[i].Token)
            {
                continue;
            }

            _keys[n] = span[i].Key;
            _keyTokens[n] = span[i].Token;
            n++;
        }

        Array.Resize(ref _keys, n);
        Array.Resize(ref _keyTokens, n);
        _cache.Clear();
    }

    /// <summary>
    /// Every listed part whose similarity with <paramref name="part"/> reaches <see cref="NameScorer.PartFloor"/> as
    /// written or, where one side is written in Arabic or Hebrew script, vowel-blind. Cached per part.
    /// </summary>
    public SimilarToken[] Similar(string part, bool queryAbjad) => _cache.GetOrAdd((part, queryAbjad), _search);

    private SimilarToken[] Search(string part, bool queryAbjad)
    {
        var keys = _searchKeys ??= new List<ulong>(64);
        keys.Clear();
        var partKeys = TokenKeys.Compute(part);
        KeysOf(part, partKeys, queryAbjad, query: true, keys);
        // Tokens proposed by several keys are verified once: a stamp per token marks this search's proposals.
        var stamps = _stamps;
        if (stamps is null || stamps.Length < _texts.Count)
        {
            stamps = _stamps = new int[_texts.Count];
            _stamp = 0;
        }

        if (++_stamp == int.MaxValue)
        {
            Array.Clear(stamps);
            _stamp = 1;
        }

        var proposed = _proposed ??= new List<int>(64);
        proposed.Clear();
        if (_ids.TryGetValue(part, out var self))
        {
            stamps[self] = _stamp;
            proposed.Add(self);
        }

        foreach (var key in keys)
        {
            var at = SortedSpans.LowerBoundOfHash(_keys, key);
            for (var i = at; i < _keys.Length && _keys[i] == key; i++)
            {
                var token = _keyTokens[i];
                if (stamps[token] != _stamp)
                {
                    stamps[token] = _stamp;
                    proposed.Add(token);
                }
            }
        }

        LastProposed = proposed.Count;
        var result = _similar ??= new List<SimilarToken>(64);
        result.Clear();
        foreach (var token in proposed)
        {
            var text = _texts[token];
            var blindToo = queryAbjad || _abjad[token];
            if (!blindToo && !CanReachFloor(part, partKeys, text, _partKeys[token]))
            {
                continue;
            }

            var (plain, vowelBlind) = PartSimilarity.Both(part, partKeys, text, _partKeys[token], blindToo, NameScorer.PartFloor);
            if (Math.Max(plain, vowelBlind) >= NameScorer.PartFloor)
            {
                result.Add(new SimilarToken(token, plain, vowelBlind));
            }
        }

        return [.. result];
    }

    /// <summary>
    /// A quick test that two parts can reach the floor as written: by length (an edit costs at least half, an inserted
    /// letter a whole one), unless they are initials, listed variants or nicknames, share first letter and skeleton, or
    /// differ only in repeated letters.
    /// </summary>
    private static bool CanReachFloor(string a, PartKeys aKeys, string b, PartKeys bKeys)
    {
        if (a.Length == 1 || b.Length == 1 || Math.Abs(a.Length - b.Length) <= (1 - NameScorer.PartFloor) * Math.Max(a.Length, b.Length))
        {
            return true;
        }

        return (a[0] == b[0] && string.Equals(aKeys.Skeleton, bKeys.Skeleton, StringComparison.Ordinal))
            || NameVariants.AreVariants(a, b) || NameNicknames.Related(a, b) || PartSimilarity.SameCollapsed(a, b);
    }

    /// <summary>
    /// The keys of a part. Indexing and querying share this function; a query also looks up the initials its first
    /// letter stands for, and the vowel-blind consonants of every listed part when it is itself vowel-blind.
    /// </summary>
    internal void KeysOf(string part, PartKeys partKeys, bool abjad, bool query, List<ulong> keys)
    {
        if (part.Length == 0 || PartSimilarity.IsNumber(part))
        {
            // Numbers match only as written.
            return;
        }

        if (part.Length == 1)
        {
            keys.Add(Hash(Initial, part.AsSpan()));
            return;
        }

        if (query)
        {
            keys.Add(Hash(Initial, part.AsSpan(0, 1)));
        }

        Span<char> folded = stackalloc char[Math.Min(part.Length, MaxDeletionLength)];
        for (var i = 0; i < folded.Length; i++)
        {
            folded[i] = FoldLookAlike(part[i]);
        }

        AddDeletions(Folded, folded, keys, twice: folded.Length >= TwoDeletionLength);

        // Letters repeated more or less often (Jong-uun / Jong-un) may be further apart than deletions reach.
        Span<char> collapsed = stackalloc char[Math.Min(part.Length, MaxDeletionLength * 4)];
        var runs = 0;
        foreach (var c in part)
        {
            if (runs == 0 || collapsed[runs - 1] != c)
            {
                if (runs == collapsed.Length)
                {
                    break;
                }

                collapsed[runs++] = c;
            }
        }

        keys.Add(Hash(Collapsed, collapsed[..runs]));

        if (part.Length >= 3)
        {
            keys.Add(Hash(Skeleton, partKeys.Skeleton.AsSpan()));
        }

        if (NameVariants.GroupOf(part) is { } group)
        {
            Span<char> id = [(char)(group & 0xFFFF), (char)(group >> 16)];
            keys.Add(Hash(Variant, id));
        }

        foreach (var nickname in NameNicknames.GroupsOf(part))
        {
            Span<char> id = [(char)(nickname & 0xFFFF), (char)(nickname >> 16)];
            keys.Add(Hash(Nickname, id));
        }

        // Arabic and Hebrew script leave short vowels out: "mhmd" must meet "Mohammed" by its consonants. A listed part
        // is keyed this way for vowel-blind queries (all parts) and, when it came from such a name, for every query.
        var consonants = partKeys.Consonants;
        if (consonants.Length == 0)
        {
            return;
        }

        Span<char> foldedConsonants = stackalloc char[Math.Min(consonants.Length, MaxDeletionLength)];
        for (var i = 0; i < foldedConsonants.Length; i++)
        {
            foldedConsonants[i] = FoldLookAlike(consonants[i]);
        }

        if (!query)
        {
            AddConsonantKeys(AllConsonants, foldedConsonants, keys);
            if (abjad)
            {
                AddConsonantKeys(AbjadConsonants, foldedConsonants, keys);
            }
        }
        else if (abjad)
        {
            AddConsonantKeys(AllConsonants, foldedConsonants, keys);
        }
        else if (_anyAbjad)
        {
            AddConsonantKeys(AbjadConsonants, foldedConsonants, keys);
        }
    }

    private static void AddConsonantKeys(ulong kind, ReadOnlySpan<char> consonants, List<ulong> keys)
    {
        // Vowel-blind similarity allows a transposition from three consonants on and a full edit (or two letters Latin
        // lists use for one Arabic letter) from six on.
        if (consonants.Length >= 3)
        {
            AddDeletions(kind, consonants, keys, twice: consonants.Length >= TwoDeletionLength);
        }
        else
        {
            keys.Add(Hash(kind, consonants));
        }
    }

    /// <summary>
    /// The text and every text one deletion shorter; with <paramref name="twice"/> also two deletions shorter. Two
    /// parts within that many edits (a transposition is one deletion on each side) share one of them.
    /// </summary>
    private static void AddDeletions(ulong kind, ReadOnlySpan<char> text, List<ulong> keys, bool twice)
    {
        keys.Add(Hash(kind, text));
        Span<char> shorter = stackalloc char[text.Length];
        Span<char> shortest = stackalloc char[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            // Deleting one of a run of equal letters gives the same key; one is enough.
            if (i > 0 && text[i] == text[i - 1])
            {
                continue;
            }

            text[..i].CopyTo(shorter);
            text[(i + 1)..].CopyTo(shorter[i..]);
            var once = shorter[..(text.Length - 1)];
            keys.Add(Hash(kind, once));
            if (!twice)
            {
                continue;
            }

            for (var j = i; j < once.Length; j++)
            {
                if (j > i && once[j] == once[j - 1])
                {
                    continue;
                }

                once[..j].CopyTo(shortest);
                once[(j + 1)..].CopyTo(shortest[j..]);
                keys.Add(Hash(kind, shortest[..(once.Length - 1)]));
            }
        }
    }

    /// <summary>
    /// The keys of a whole name run together with look-alike letters folded (SiemensAG, Goodwill / Good Will): as
    /// written (and each one-letter deletion of it when <paramref name="deletions"/> is set), its consonants, its letters sorted.
    /// </summary>
    internal static void JoinedKeys(ReadOnlySpan<char> joined, bool deletions, List<ulong> keys)
    {
        Span<char> folded = stackalloc char[Math.Min(joined.Length, JoinedKeyLength)];
        for (var i = 0; i < folded.Length; i++)
        {
            folded[i] = FoldLookAlike(joined[i]);
        }

        AddJoinedKeys(folded, deletions, keys);

        // A changed vowel (Abdul / Abdel) leaves the consonants; swapped letters (Amhadi / Ahmadi) leave the letters.
        Span<char> consonants = stackalloc char[folded.Length];
        var n = 0;
        foreach (var c in folded)
        {
            if (c is not ('a' or 'o'))
            {
                consonants[n++] = c;
            }
        }

        keys.Add(Hash(JoinedConsonants, consonants[..n]));
        folded.Sort();
        keys.Add(Hash(JoinedLetters, folded));
    }

    /// <summary>Letters that cost half an edit in <see cref="PartSimilarity"/> fold together, so they cost nothing here.</summary>
    private static char FoldLookAlike(char c) => c switch
    {
        'a' or 'e' or 'i' or 'y' or 'j' or '1' => 'a',
        'o' or 'u' or '0' => 'o',
        'c' or 'k' or 'q' or 's' or 'z' or '5' => 'k',
        'f' or 'v' or 'w' => 'f',
        'd' or 't' => 'd',
        'b' or 'p' => 'b',
        '9' => 'g',
        _ => c,
    };

    /// <summary>FNV-1a over the kind and the characters, finished with a 64-bit mixer; a collision only proposes a part that scoring then rejects.</summary>
    /// <summary>
    /// The whole-name key as written and, with <paramref name="deletions"/>, each one-letter deletion of it. A whole name
    /// runs to a hundred letters, so the keys are a polynomial hash whose deletions come from prefix and suffix hashes
    /// in one pass rather than rehashing each shortened copy.
    /// </summary>
    private static void AddJoinedKeys(ReadOnlySpan<char> text, bool deletions, List<ulong> keys)
    {
        var n = text.Length;
        Span<ulong> prefix = stackalloc ulong[n + 1];
        Span<ulong> suffix = stackalloc ulong[n + 1];
        Span<ulong> power = stackalloc ulong[n + 1];
        power[0] = 1;
        for (var i = 0; i < n; i++)
        {
            prefix[i + 1] = (prefix[i] * PolyBase) + text[i];
            power[i + 1] = power[i] * PolyBase;
        }

        for (var i = n - 1; i >= 0; i--)
        {
            // The hash of text[i..] read as its own polynomial.
            suffix[i] = (text[i] * power[n - 1 - i]) + suffix[i + 1];
        }

        keys.Add(Finish(prefix[n] ^ JoinedSalt));
        if (!deletions)
        {
            return;
        }

        for (var i = 0; i < n; i++)
        {
            // Deleting one of a run of equal letters gives the same key; one is enough.
            if (i > 0 && text[i] == text[i - 1])
            {
                continue;
            }

            keys.Add(Finish(((prefix[i] * power[n - 1 - i]) + suffix[i + 1]) ^ JoinedSalt));
        }
    }

    private const ulong PolyBase = 1099511628211UL;
    private const ulong JoinedSalt = 0x5bd1e9955bd1e995UL;

    private static ulong Finish(ulong h)
    {
        h ^= h >> 33;
        h *= 0xff51afd7ed558ccdUL;
        h ^= h >> 33;
        h *= 0xc4ceb9fe1a85ec53UL;
        h ^= h >> 33;
        return h;
    }

    private static ulong Hash(ulong kind, ReadOnlySpan<char> text)
    {
        // The kind goes in as a step of its own: XORed into the basis beside the first letter, kind 4 with "m" would
        // equal kind 5 with "l" and every key of one kind would propose the parts of another.
        var h = (14695981039346656037UL ^ kind) * 1099511628211UL;
        foreach (var c in text)
        {
            h = (h ^ c) * 1099511628211UL;
        }

        return Finish(h);
    }
}

/// <summary>
/// Compares the part search cache's keys with an unseeded hash: the default string hash is randomised per process
/// against flooding, which costs more than the search it saves on short parts. The parts come from the index's own
/// queries, and a collision only costs a comparison.
/// </summary>
internal sealed class CacheKeyComparer : IEqualityComparer<(string Part, bool Abjad)>
{
    public static readonly CacheKeyComparer Instance = new();

    public bool Equals((string Part, bool Abjad) x, (string Part, bool Abjad) y) =>
        x.Abjad == y.Abjad && string.Equals(x.Part, y.Part, StringComparison.Ordinal);

    public int GetHashCode((string Part, bool Abjad) obj)
    {
        var h = obj.Abjad ? 2166136261u ^ 1u : 2166136261u;
        foreach (var c in obj.Part)
        {
            h = (h ^ c) * 16777619u;
        }

        return (int)h;
    }
}
