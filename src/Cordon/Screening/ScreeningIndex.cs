using Cordon.Model;
using Cordon.Names;

namespace Cordon.Screening;

/// <summary>
/// The in-memory candidate index: every name of every matchable entity, keyed by keys that survive typos,
/// transliteration and reordering — each part as written, its consonant skeleton (Mohammed / Muhammad → mhmd), its
/// vowel-blind consonants (Arabic-script "mhmd ly" meets "Mohammed Ali") and particle-joined forms (al Rawi → alrawi).
/// A query adds each key's rarity (inverse document frequency) to the names it lists, rarest keys first; a key listed by
/// very many names only adds weight to names already found, so "AL" or "MOHAMMED" never floods the candidates. The
/// best-keyed names go on to full scoring.
/// </summary>
public sealed class ScreeningIndex
{
    /// <summary>At least this many names, best-keyed first, are scored in full per query (when there are so many).</summary>
    public const int MinCandidates = 128;

    /// <summary>Scoring stops after this many candidates in a row brought no hit, once <see cref="MinCandidates"/> are done.</summary>
    public const int BarrenRun = 96;

    /// <summary>At most this many names are scored per query: a name shared by thousands of listed people is a search, not a screening.</summary>
    public const int MaxCandidates = 4096;

    /// <summary>A key listed by more names than this adds no new candidates once some have been found.</summary>
    public const int CommonKeyPostings = 50_000;

    private static readonly string[] NameProperties = ["name", "alias", "previousName", "weakAlias"];
    private readonly List<IndexedEntity> _entities = [];
    private readonly List<IndexedName> _names = [];
    private readonly Dictionary<string, int> _keyIds = new(StringComparer.Ordinal);
    private readonly List<List<int>> _postings = [];
    private readonly Dictionary<string, string> _pool = new(StringComparer.Ordinal);

    /// <summary>Per-thread score accumulator, all zeros between queries (each query clears what it touched).</summary>
    [ThreadStatic]
    private static float[]? _scores;

    /// <summary>Per-thread best key weight within one key group, all zeros between groups.</summary>
    [ThreadStatic]
    private static float[]? _groupBest;

    private ScreeningIndex()
    {
    }

    /// <summary>Builds the index from entities; entities of non-matchable schemata are ignored.</summary>
    public static ScreeningIndex Build(IEnumerable<Entity> entities)
    {
        var index = new ScreeningIndex();
        foreach (var entity in entities)
        {
            index.Add(entity);
        }

        index._pool.Clear();
        index._pool.TrimExcess();
        return index;
    }

    /// <summary>How many matchable entities the index holds.</summary>
    public int EntityCount => _entities.Count;

    /// <summary>How many names the index holds.</summary>
    public int NameCount => _names.Count;

    /// <summary>How many distinct keys the index holds.</summary>
    public int KeyCount => _keyIds.Count;

    internal IReadOnlyList<IndexedEntity> Entities => _entities;

    internal IReadOnlyList<IndexedName> Names => _names;

    private string Intern(string value)
    {
        if (_pool.TryGetValue(value, out var pooled))
        {
            return pooled;
        }

        _pool.Add(value, value);
        return value;
    }

    private void Add(Entity entity)
    {
        if (!entity.Schema.Matchable)
        {
            return;
        }

        var organisation = !entity.Schema.IsA("Person");
        var entityIndex = _entities.Count;
        _entities.Add(new IndexedEntity(entity, organisation));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in NameProperties)
        {
            foreach (var value in entity.Get(property))
            {
                var prepared = new PreparedName(value, organisation, Intern);
                if (prepared.Parts.Length == 0 || !seen.Add(string.Join(' ', prepared.Parts)))
                {
                    continue;
                }

                var nameIndex = _names.Count;
                _names.Add(new IndexedName(entityIndex, property, prepared));
                keys.Clear();
                KeysOf(prepared, keys);
                foreach (var key in keys)
                {
                    Post(key, nameIndex);
                }
            }
        }
    }

    /// <summary>The keys of a name, flat, for indexing.</summary>
    internal static void KeysOf(PreparedName name, HashSet<string> keys)
    {
        foreach (var group in KeyGroups(name))
        {
            keys.UnionWith(group);
        }
    }

    /// <summary>
    /// The keys of a name in groups, one group per part plus one per joined form: a name earns from each group only its
    /// best key, so one part matched exactly four ways does not outweigh two parts matched once each. The same
    /// function serves indexing and querying.
    /// </summary>
    internal static List<HashSet<string>> KeyGroups(PreparedName name)
    {
        var groups = new List<HashSet<string>>(name.Parts.Length + 2);
        var parts = name.Parts;
        var anyWord = false;
        for (var i = 0; i < parts.Length; i++)
        {
            if (name.Kinds[i] == NamePartKind.Word)
            {
                anyWord = true;
                var group = new HashSet<string>(StringComparer.Ordinal);
                PartKeys(parts[i], group);

                // "al Rawi" is also keyed as "alrawi", the way many lists write it.
                if (i > 0 && name.Kinds[i - 1] == NamePartKind.Particle)
                {
                    group.Add("t:" + parts[i - 1] + parts[i]);
                }

                groups.Add(group);
            }
        }

        if (!anyWord)
        {
            // A name of particles or legal forms only is keyed by what it has.
            foreach (var part in parts)
            {
                var group = new HashSet<string>(StringComparer.Ordinal);
                PartKeys(part, group);
                groups.Add(group);
            }
        }

        if (parts.Length > 1 && parts.Length <= 4)
        {
            // Written as one word elsewhere (SiemensAG, Goodwill).
            groups.Add(new HashSet<string>(StringComparer.Ordinal) { "t:" + name.Joined });
        }

        return groups;
    }

    private static void PartKeys(string part, HashSet<string> keys)
    {
        keys.Add("t:" + part);
        if (part.Length >= 2 && !char.IsAsciiDigit(part[0]))
        {
            if (part.Length >= 3)
            {
                keys.Add("s:" + TokenKeys.Skeleton(part));
            }

            // Arabic script leaves short vowels out, so "mr" must meet "Omar" by its consonants.
            var consonants = TokenKeys.Consonants(part);
            if (consonants.Length >= 2)
            {
                keys.Add("c:" + consonants);
            }
        }

        if (part.Length >= 6)
        {
            // A typo late in a long part still leaves its start intact.
            keys.Add("p:" + part[..5]);
        }

        if (part.Length is >= 3 and <= 12 && !char.IsAsciiDigit(part[0]))
        {
            // One edit apart (Baba / Bala, Serkan / Erkan) always share a part with at most one letter deleted from
            // each, so the part itself is keyed in the same space as its deletions.
            keys.Add("d:" + part);
            for (var i = 0; i < part.Length; i++)
            {
                keys.Add(string.Concat("d:", part.AsSpan(0, i), part.AsSpan(i + 1)));
            }
        }
    }

    private void Post(string key, int nameIndex)
    {
        if (!_keyIds.TryGetValue(key, out var id))
        {
            id = _postings.Count;
            _keyIds.Add(key, id);
            _postings.Add([]);
        }

        var postings = _postings[id];
        if (postings.Count == 0 || postings[^1] != nameIndex)
        {
            postings.Add(nameIndex);
        }
    }

    /// <summary>The indexes of the best-keyed names for the query, at most <paramref name="limit"/> of them.</summary>
    internal List<int> Candidates(PreparedName query, int limit)
    {
        var scores = _scores;
        if (scores is null || scores.Length < _names.Count)
        {
            scores = new float[Math.Max(_names.Count, 1024)];
            _scores = scores;
        }

        var best = _groupBest;
        if (best is null || best.Length < _names.Count)
        {
            best = new float[Math.Max(_names.Count, 1024)];
            _groupBest = best;
        }

        var touched = new List<int>();
        var groupTouched = new List<int>();
        foreach (var group in KeyGroups(query))
        {
            var lists = new List<(List<int> Postings, float Weight)>(group.Count);
            foreach (var key in group)
            {
                if (_keyIds.TryGetValue(key, out var id))
                {
                    var postings = _postings[id];
                    var kindFactor = key[0] switch { 't' => 1.0f, 's' => 0.8f, 'd' => 0.7f, 'c' => 0.6f, _ => 0.5f };
                    var idf = (float)Math.Log(1.0 + ((double)_names.Count / postings.Count));
                    lists.Add((postings, idf * kindFactor));
                }
            }

            foreach (var (postings, weight) in lists)
            {
                // A key listed by very many names only adds weight to names already found.
                var common = postings.Count > CommonKeyPostings && touched.Count > 0;
                foreach (var name in postings)
                {
                    if (common && scores[name] == 0 && best[name] == 0)
                    {
                        continue;
                    }

                    if (best[name] == 0)
                    {
                        groupTouched.Add(name);
                    }

                    if (weight > best[name])
                    {
                        best[name] = weight;
                    }
                }
            }

            foreach (var name in groupTouched)
            {
                if (scores[name] == 0)
                {
                    touched.Add(name);
                }

                scores[name] += best[name];
                best[name] = 0;
            }

            groupTouched.Clear();
        }

        // The best-keyed names, best first: a bounded min-heap keeps the top ones without sorting everything.
        var heap = new PriorityQueue<int, (float Score, int Name)>(Math.Min(limit, touched.Count) + 1, TopComparer.Instance);
        foreach (var name in touched)
        {
            heap.Enqueue(name, (scores[name], name));
            if (heap.Count > limit)
            {
                heap.Dequeue();
            }
        }

        var result = new List<int>(heap.Count);
        while (heap.TryDequeue(out var name, out _))
        {
            result.Add(name);
        }

        result.Reverse();

        foreach (var name in touched)
        {
            scores[name] = 0;
        }

        return result;
    }

    /// <summary>Orders the heap so the weakest candidate (lowest score, then highest index) leaves first.</summary>
    private sealed class TopComparer : IComparer<(float Score, int Name)>
    {
        public static readonly TopComparer Instance = new();

        public int Compare((float Score, int Name) x, (float Score, int Name) y)
        {
            var byScore = x.Score.CompareTo(y.Score);
            return byScore != 0 ? byScore : y.Name.CompareTo(x.Name);
        }
    }

    internal sealed record IndexedEntity(Entity Entity, bool Organisation);

    internal sealed record IndexedName(int EntityIndex, string Property, PreparedName Name);
}
