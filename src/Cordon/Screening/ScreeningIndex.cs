using System.Runtime.InteropServices;
using Cordon.Model;
using Cordon.Names;

namespace Cordon.Screening;

/// <summary>
/// The in-memory candidate index. Every name of every matchable entity is stored as the ids of its parts in a
/// vocabulary of distinct parts (<see cref="TokenSpace"/>), which finds every listed part similar to a query part.
/// Each part lists the names that carry it (its postings), largest share of the name's weight first, and every two
/// words of a name list it together (pair postings).
/// <para>
/// A query never ranks or cuts candidates by a guess. It finds the names that could reach the threshold and no more:
/// the score of a name is bounded from above by the similarities of its parts alone. A hit must match a query word on
/// a listed word, so a name is either found through two of the query's similar words at once (pair postings), or
/// through one, read only as far down that word's postings as one word (helped by the query's initials and generic
/// parts) can still make a hit. Where pairs do not apply (names of generic words only), or cost more, the rarest query
/// parts are followed to every name and the common ones only as far as their share allows; the cheaper plan wins. Each
/// name found is bounded again from its own parts, and only names whose bound reaches the threshold are scored in full,
/// with the similarities the part search already computed.
/// Recall against scoring every name is therefore complete up to the keys of the part search (measured in
/// <c>ScreeningIndexTests</c> and by <c>cordon bench screening</c>).
/// </para>
/// </summary>
public sealed class ScreeningIndex
{
    private static readonly string[] NameProperties = ["name", "alias", "previousName", "weakAlias"];

    /// <summary>The largest squared similarity a single letter earns (an initial: 0.75²).</summary>
    private const double InitialSquared = 0.75 * 0.75;

    private readonly List<IndexedEntity> _entities = [];
    private readonly List<IndexedName> _names = [];
    private readonly TokenSpace _tokens = new();
    private readonly Dictionary<string, string> _pool = new(StringComparer.Ordinal);
    private readonly Func<string, string> _intern;

    /// <summary>The joined-form keys of the name being added (the index is built on one thread).</summary>
    private readonly List<ulong> _keys = [];

    // Per name, its parts' ids in written order, then its particle-joined parts (al Rawi → alrawi), each with its
    // share of the name's weight.
    private readonly List<int> _forwardStartList = [0];
    private readonly List<int> _forwardTokenList = [];
    private readonly List<float> _forwardShareList = [];
    private readonly List<(ulong Key, int Name)> _joinedList = [];
    private int[] _forwardStart = [];
    private int[] _forwardToken = [];
    private float[] _forwardShare = [];

    // Per part, the names that carry it, largest share first.
    private int[] _postingStart = [];
    private int[] _postingName = [];
    private float[] _postingShare = [];

    // Per part, the other word parts it appears with (ascending) and the names where they do (see BuildPairs).
    private int[] _pairStart = [];
    private int[] _pairOther = [];
    private int[] _pairName = [];

    // Per name, the share of its weight in particles, honorifics and legal forms; per part, whether it is a word in
    // some name and generic in some name.
    private float[] _lightShare = [];
    private bool[] _tokenWord = [];
    private bool[] _tokenLight = [];

    /// <summary>Whether a part is a particle or honorific in some person's name (light there, and no legal form).</summary>
    private bool[] _tokenLightInPerson = [];

    // Per part, whether it is a particle, honorific or legal form in some name, whether it is anything else in some
    // name, and whether it is a legal form of three letters or more in some name: a query part's similar parts that
    // the scorer would not pair with it are dropped (NameScorer.SameKind).
    private bool[] _tokenGeneric = [];
    private bool[] _tokenPlain = [];
    private bool[] _tokenLegalForm = [];

    /// <summary>
    /// Whether a name is scored with the organisation lean against a query of several words: an organisation's name or
    /// a one-word name (<see cref="NameScorer.Lean(PreparedName, PreparedName)"/>).
    /// </summary>
    private bool[] _nameLeansAway = [];

    private int[] _nameShape = [];

    // Every name run together, folded (SiemensAG / Siemens AG).
    private ulong[] _joinedKeys = [];
    private int[] _joinedNames = [];

    [ThreadStatic]
    private static Scratch? _scratch;

    /// <summary>How many names this thread's last query touched before bounding (a diagnostic for benchmarks).</summary>
    [ThreadStatic]
    internal static int LastTouched;

    private ScreeningIndex()
    {
        _intern = Intern;
    }

    /// <summary>Builds the index from entities; entities of non-matchable schemata are ignored.</summary>
    public static ScreeningIndex Build(IEnumerable<Entity> entities)
    {
        var index = new ScreeningIndex();

        // Preparing names (normalising, transliterating, tagging parts) is most of the work: it runs on every core, a
        // chunk of entities at a time, and the names are added in the entities' order, so the index is the same
        // whatever the number of cores.
        // Adding is done on this thread, one chunk behind: the next chunk is prepared meanwhile, so that no core waits.
        (Entity[] Chunk, List<(string Property, PreparedName Name)>?[] Names)? previous = null;
        foreach (var chunk in entities.Chunk(BuildChunk))
        {
            var prepared = new List<(string Property, PreparedName Name)>?[chunk.Length];
            var preparing = Task.Run(() => Parallel.For(0, chunk.Length, i => prepared[i] = Prepare(chunk[i])));
            if (previous is var (before, beforeNames))
            {
                index.AddChunk(before, beforeNames);
            }

            preparing.GetAwaiter().GetResult();
            previous = (chunk, prepared);
        }

        if (previous is var (last, lastNames))
        {
            index.AddChunk(last, lastNames);
        }

        index.Freeze();
        return index;
    }

    private void AddChunk(Entity[] chunk, List<(string Property, PreparedName Name)>?[] prepared)
    {
        for (var i = 0; i < chunk.Length; i++)
        {
            if (prepared[i] is { } names)
            {
                Add(chunk[i], names);
            }
        }
    }

    /// <summary>The names of an entity that the index matches on, in property order.</summary>
    public static IEnumerable<string> NamesOf(Entity entity) => NameProperties.SelectMany(entity.Get);

    /// <summary>How many entities a build prepares at once.</summary>
    private const int BuildChunk = 4096;

    /// <summary>An entity's names prepared for the index, in property order; null for a schema that is not matched.</summary>
    private static List<(string Property, PreparedName Name)>? Prepare(Entity entity)
    {
        if (!entity.Schema.Matchable)
        {
            return null;
        }

        var organisation = !entity.Schema.IsA("Person");
        var names = new List<(string, PreparedName)>();
        foreach (var property in NameProperties)
        {
            foreach (var value in entity.Get(property))
            {
                names.Add((property, new PreparedName(value, organisation)));
            }
        }

        return names;
    }

    /// <summary>How many matchable entities the index holds.</summary>
    public int EntityCount => _entities.Count;

    /// <summary>How many names the index holds.</summary>
    public int NameCount => _names.Count;

    /// <summary>How many distinct name parts the index holds.</summary>
    public int PartCount => _tokens.Count;

    /// <summary>How many search keys the part vocabulary holds.</summary>
    public int KeyCount => _tokens.KeyCount;

    internal IReadOnlyList<IndexedEntity> Entities => _entities;

    /// <summary>The <paramref name="i"/>th matchable entity, in the order the index was built.</summary>
    public Entity EntityAt(int i) => _entities[i].Entity;

    internal IReadOnlyList<IndexedName> Names => _names;

    internal TokenSpace Tokens => _tokens;

    private string Intern(string value)
    {
        if (_pool.TryGetValue(value, out var pooled))
        {
            return pooled;
        }

        _pool.Add(value, value);
        return value;
    }

    private void Add(Entity entity, List<(string Property, PreparedName Name)> names)
    {
        var organisation = !entity.Schema.IsA("Person");
        var entityIndex = _entities.Count;
        _entities.Add(new IndexedEntity(entity, organisation));
        var firstName = _names.Count;
        var keys = _keys;
        Span<char> joined = stackalloc char[TokenSpace.JoinedKeyLength];
        foreach (var (property, prepared) in names)
        {
            if (prepared.Parts.Length == 0 || SameAsEarlier(prepared, firstName))
            {
                continue;
            }

            prepared.Intern(_intern);
            var nameIndex = _names.Count;
            _names.Add(new IndexedName(entityIndex, property, prepared));
            AddForward(prepared);
            keys.Clear();
            TokenSpace.JoinedKeys(joined[..prepared.WriteJoined(joined)], deletions: false, keys);
            foreach (var key in keys)
            {
                _joinedList.Add((key, nameIndex));
            }
        }
    }

    /// <summary>Whether an entity's name already added (from <paramref name="firstName"/> on) has the same parts.</summary>
    private bool SameAsEarlier(PreparedName prepared, int firstName)
    {
        for (var i = firstName; i < _names.Count; i++)
        {
            if (prepared.Parts.AsSpan().SequenceEqual(_names[i].Name.Parts))
            {
                return true;
            }
        }

        return false;
    }

    private void AddForward(PreparedName name)
    {
        var parts = name.Parts;
        var total = 0.0;
        foreach (var weight in name.Weights)
        {
            total += weight;
        }

        for (var i = 0; i < parts.Length; i++)
        {
            _forwardTokenList.Add(_tokens.Add(parts[i], name.Abjad));
            _forwardShareList.Add((float)(name.Weights[i] / total));
        }

        for (var k = 0; k < name.Joins.Length; k++)
        {
            var at = name.Joins[k];
            _forwardTokenList.Add(_tokens.Add(name.Table[parts.Length + k], name.Abjad));
            _forwardShareList.Add((float)((name.Weights[at] + name.Weights[at + 1]) / total));
        }

        _forwardStartList.Add(_forwardTokenList.Count);
    }

    private void Freeze()
    {
        _pool.Clear();
        _pool.TrimExcess();
        _forwardStart = [.. _forwardStartList];
        _forwardToken = [.. _forwardTokenList];
        _forwardShare = [.. _forwardShareList];
        _forwardStartList.Clear();
        _forwardStartList.TrimExcess();
        _forwardTokenList.Clear();
        _forwardTokenList.TrimExcess();
        _forwardShareList.Clear();
        _forwardShareList.TrimExcess();

        // The part vocabulary's keys, the postings and pairs, and the joined forms' keys each read what was added and
        // write apart: they are made side by side.
        Parallel.Invoke(_tokens.Freeze, BuildPartTables, SortJoined);
    }

    /// <summary>Which parts are words or generic somewhere, each name's share of light parts, the postings and the pairs.</summary>
    private void BuildPartTables()
    {
        // Each name's share of particles, honorifics and legal forms, and which parts are words or generic somewhere.
        _lightShare = new float[_names.Count];
        _tokenWord = new bool[_tokens.Count];
        _tokenLight = new bool[_tokens.Count];
        _tokenLightInPerson = new bool[_tokens.Count];
        _tokenGeneric = new bool[_tokens.Count];
        _tokenPlain = new bool[_tokens.Count];
        _tokenLegalForm = new bool[_tokens.Count];
        for (var name = 0; name < _names.Count; name++)
        {
            var words = _names[name].Name.TableWords;
            var generic = _names[name].Name.TableGeneric;
            for (var j = 0; j < words.Length; j++)
            {
                var token = _forwardToken[_forwardStart[name] + j];
                _tokenGeneric[token] |= generic[j];
                _tokenLegalForm[token] |= _names[name].Name.TableLegalForm[j];
                _tokenPlain[token] |= !generic[j];
                if (words[j])
                {
                    _tokenWord[token] = true;
                }
                else
                {
                    _tokenLight[token] = true;
                    _tokenLightInPerson[token] |= !_names[name].Name.Organisation;
                    _lightShare[name] += _forwardShare[_forwardStart[name] + j];
                }
            }
        }

        BuildPostings();
        BuildPairs();
    }

    private void SortJoined()
    {
        var joined = CollectionsMarshal.AsSpan(_joinedList);
        joined.Sort();
        _joinedKeys = new ulong[joined.Length];
        _joinedNames = new int[joined.Length];
        for (var i = 0; i < joined.Length; i++)
        {
            (_joinedKeys[i], _joinedNames[i]) = joined[i];
        }

        _joinedList.Clear();
        _joinedList.TrimExcess();
    }

    /// <summary>
    /// Postings by counting: each part lists every name that carries it once (a part repeated in a name counts its
    /// shares together), ordered by share plus the name's generic share, largest first, so a common part is read only
    /// as far as a name can still reach the threshold through it.
    /// </summary>
    private void BuildPostings()
    {
        var counts = new int[_tokens.Count + 1];
        for (var name = 0; name < _names.Count; name++)
        {
            for (var f = _forwardStart[name]; f < _forwardStart[name + 1]; f++)
            {
                if (FirstInName(name, f))
                {
                    counts[_forwardToken[f] + 1]++;
                }
            }
        }

        for (var t = 0; t < _tokens.Count; t++)
        {
            counts[t + 1] += counts[t];
        }

        _postingStart = counts;
        var fill = (int[])counts.Clone();
        _postingName = new int[counts[^1]];
        _postingShare = new float[counts[^1]];
        for (var name = 0; name < _names.Count; name++)
        {
            for (var f = _forwardStart[name]; f < _forwardStart[name + 1]; f++)
            {
                var token = _forwardToken[f];
                if (!FirstInName(name, f))
                {
                    _postingShare[fill[token] - 1] += _forwardShare[f];
                    continue;
                }

                var at = fill[token]++;
                _postingName[at] = name;
                _postingShare[at] = _forwardShare[f] + _lightShare[name];
            }
        }

        var keys = new float[_postingShare.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = -_postingShare[i];
        }

        for (var t = 0; t < _tokens.Count; t++)
        {
            var start = _postingStart[t];
            var length = _postingStart[t + 1] - start;
            if (length > 1)
            {
                keys.AsSpan(start, length).Sort(_postingName.AsSpan(start, length));
            }
        }

        for (var i = 0; i < keys.Length; i++)
        {
            _postingShare[i] = -keys[i];
        }

        _nameLeansAway = new bool[_names.Count];
        _nameShape = new int[_names.Count];
        for (var name = 0; name < _names.Count; name++)
        {
            var prepared = _names[name].Name;
            _nameLeansAway[name] = prepared.Organisation || prepared.Words == 1;
            _nameShape[name] = Shape(prepared);
        }
    }

    // A name's shape packed in one int, so that bounding a name reads no object: its number of parts (5 bits), of joined
    // pairs (2 bits) and where each pair starts (5 bits each), then whether it is vowel-blind (Abjad), an
    // organisation's, and a single word.
    private const int ShapeJoinsShift = 5, ShapeJoinShift = 7, ShapeAbjad = 1 << 22, ShapeOrganisation = 1 << 23, ShapeOneWord = 1 << 24;

    private static int Shape(PreparedName name)
    {
        var shape = name.Parts.Length | (name.Joins.Length << ShapeJoinsShift);
        for (var k = 0; k < name.Joins.Length; k++)
        {
            shape |= name.Joins[k] << (ShapeJoinShift + (5 * k));
        }

        return shape | (name.Abjad ? ShapeAbjad : 0) | (name.Organisation ? ShapeOrganisation : 0) | (name.Words == 1 ? ShapeOneWord : 0);
    }

    /// <summary>Whether forward entry <paramref name="f"/> is the first of its part in the name (names are short: a scan is enough).</summary>
    private bool FirstInName(int name, int f)
    {
        for (var g = _forwardStart[name]; g < f; g++)
        {
            if (_forwardToken[g] == _forwardToken[f])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Pair postings: for every two distinct word parts of a name (lower id first), the name. A name that shares two
    /// words with a query is found through them without reading either word's whole postings.
    /// </summary>
    private void BuildPairs()
    {
        var counts = new int[_tokens.Count + 1];
        var words = new List<(int Token, int From, int To)>(PreparedName.MaxParts + PreparedName.MaxJoins);
        var seen = new HashSet<long>();
        for (var pass = 0; pass < 2; pass++)
        {
            int[]? fill = null;
            if (pass == 1)
            {
                for (var t = 0; t < _tokens.Count; t++)
                {
                    counts[t + 1] += counts[t];
                }

                fill = (int[])counts.Clone();
                _pairOther = new int[counts[^1]];
                _pairName = new int[counts[^1]];
            }

            for (var name = 0; name < _names.Count; name++)
            {
                WordsOf(name, words);
                seen.Clear();
                var repeats = false;
                for (var x = 1; x < words.Count && !repeats; x++)
                {
                    for (var y = 0; y < x && !repeats; y++)
                    {
                        repeats = words[x].Token == words[y].Token;
                    }
                }

                for (var x = 0; x < words.Count; x++)
                {
                    for (var y = x + 1; y < words.Count; y++)
                    {
                        // A joined pair and either of its parts (al Mutairi / almutairi) are never read together, so no
                        // match pairs both: the name is found through whichever of them its reading has.
                        if (words[x].Token == words[y].Token || (words[x].From <= words[y].To && words[y].From <= words[x].To))
                        {
                            continue;
                        }

                        var (low, high) = words[x].Token < words[y].Token ? (words[x].Token, words[y].Token) : (words[y].Token, words[x].Token);
                        // A name with a word twice (Husayn ibn Husayn) lists each pair once.
                        if (repeats && !seen.Add(((long)low << 32) | (uint)high))
                        {
                            continue;
                        }

                        if (fill is null)
                        {
                            counts[low + 1]++;
                        }
                        else
                        {
                            var at = fill[low]++;
                            _pairOther[at] = high;
                            _pairName[at] = name;
                        }
                    }
                }
            }
        }

        _pairStart = counts;
        for (var t = 0; t < _tokens.Count; t++)
        {
            var start = _pairStart[t];
            var length = _pairStart[t + 1] - start;
            if (length > 1)
            {
                _pairOther.AsSpan(start, length).Sort(_pairName.AsSpan(start, length));
            }
        }
    }

    /// <summary>
    /// The word parts of a name (written words and particle-joined pairs), each with the first and last of the name's
    /// parts it spans.
    /// </summary>
    private void WordsOf(int name, List<(int Token, int From, int To)> words)
    {
        words.Clear();
        var prepared = _names[name].Name;
        var table = prepared.TableWords;
        var parts = prepared.Parts.Length;
        for (var j = 0; j < table.Length; j++)
        {
            if (table[j])
            {
                var from = j < parts ? j : prepared.Joins[j - parts];
                words.Add((_forwardToken[_forwardStart[name] + j], from, j < parts ? j : from + 1));
            }
        }
    }

    /// <summary>
    /// The names that could score at least <paramref name="threshold"/> against <paramref name="query"/>, in name
    /// order; every other name is certain to score below it.
    /// </summary>
    internal List<int> Candidates(PreparedName query, double threshold) => Candidates(query, threshold, null);

    /// <inheritdoc cref="Candidates(PreparedName, double, string?, List{double}?, bool?, double, out double)"/>
    internal List<int> Candidates(PreparedName query, double threshold, string? alsoJoined, List<double>? bounds = null, bool? organisations = null) =>
        Candidates(query, threshold, alsoJoined, bounds, organisations, probe: 0, out _);

    /// <summary>
    /// The names that could score at least <paramref name="threshold"/> against <paramref name="query"/>; every other
    /// name is certain to score below it.
    /// </summary>
    /// <param name="query">The query name.</param>
    /// <param name="threshold">The lowest score wanted.</param>
    /// <param name="alsoJoined">
    /// The run-together form of another reading of the query with the same parts in another order, whose whole-name
    /// matches are wanted too.
    /// </param>
    /// <param name="bounds">
    /// When given, receives each candidate's upper bound of its name score, in the order of the result (1 for names that
    /// are scored whatever their parts say), and the result comes highest bound first instead of in name order, so
    /// that a caller wanting only the best few can score the likeliest first.
    /// </param>
    /// <param name="organisations">
    /// When set, only organisations' names (true) or only people's (false): a query read one way for people and another
    /// for organisations asks once for each kind, and need not bound the names of the other.
    /// </param>
    /// <param name="probe">
    /// A higher threshold to try first: when finding every name that could reach <paramref name="threshold"/> would read
    /// more than <see cref="ProbeCost"/> postings, only the names that could reach this one are returned. A caller that
    /// wants the best few and finds that many at or above it has its answer for a fraction of the reading; otherwise it
    /// asks again without a probe.
    /// </param>
    /// <param name="complete">The lowest score the result holds every name that could reach: the threshold or the probe.</param>
    internal List<int> Candidates(
        PreparedName query, double threshold, string? alsoJoined, List<double>? bounds, bool? organisations, double probe, out double complete)
    {
        bounds?.Clear();
        complete = threshold;
        var scratch = _scratch ??= new Scratch();
        scratch.Begin(_names.Count, _tokens.Count);
        var plan = QueryPlan.Of(query, this, scratch);
        scratch.Plan = plan;
        var result = new List<int>();
        if (plan.BruteForce(threshold))
        {
            for (var name = 0; name < _names.Count; name++)
            {
                if (organisations is null || _names[name].Name.Organisation == organisations)
                {
                    result.Add(name);
                    bounds?.Add(1.0);
                }
            }

            return result;
        }

        var touched = scratch.Touched;
        var (enumerated, cutoffs, cost) = plan.Choose(threshold, this);
        var pairs = PairPlan(query, plan, threshold, scratch);
        if (probe > threshold && Math.Min(cost, pairs?.Cost ?? long.MaxValue) > ProbeCost)
        {
            // A common name: the names that could reach the probe are read instead, far fewer postings.
            threshold = probe;
            complete = probe;
            (enumerated, cutoffs, cost) = plan.Choose(threshold, this);
            scratch.ForgetReads();
            pairs = PairPlan(query, plan, threshold, scratch);
        }
        if (pairs is not null && pairs.Cost < cost)
        {
            foreach (var (start, end) in pairs.Ranges)
            {
                for (var i = start; i < end; i++)
                {
                    scratch.Touch(_pairName[i]);
                }
            }

            foreach (var (start, mid, end, tailLeansAway) in pairs.Prefixes)
            {
                for (var i = start; i < mid; i++)
                {
                    scratch.Touch(_postingName[i]);
                }

                for (var i = mid; i < end; i++)
                {
                    if (_nameLeansAway[_postingName[i]] == tailLeansAway)
                    {
                        scratch.Touch(_postingName[i]);
                    }
                }
            }

        }

        for (var p = 0; p < plan.Parts.Count && (pairs is null || pairs.Cost >= cost); p++)
        {
            foreach (var similar in plan.Parts[p].Similar)
            {
                var start = _postingStart[similar.Token];
                var end = p < enumerated.Length && enumerated[p]
                    ? _postingStart[similar.Token + 1]
                    : PrefixEnd(similar.Token, cutoffs[p] / Squared(similar));
                for (var i = start; i < end; i++)
                {
                    scratch.Touch(_postingName[i]);
                }
            }
        }

        // Names written as one word on one side (Goodwill / Good Will) are scored whatever their parts say.
        var forced = scratch.Forced;
        var keys = scratch.Keys;
        TokenSpace.JoinedKeys(query.Joined, deletions: query.Joined.Length >= 6, keys);
        if (alsoJoined is not null && !string.Equals(alsoJoined, query.Joined, StringComparison.Ordinal))
        {
            TokenSpace.JoinedKeys(alsoJoined, deletions: alsoJoined.Length >= 6, keys);
        }

        foreach (var key in keys)
        {
            for (var i = SortedSpans.LowerBoundOfHash(_joinedKeys, key); i < _joinedKeys.Length && _joinedKeys[i] == key; i++)
            {
                scratch.Touch(_joinedNames[i]);
                forced.Add(_joinedNames[i]);
            }
        }

        // A query word that a listed name writes as two (Koumtamadji / Koumta Madji) is found through the pair of them.
        foreach (var part in query.Parts)
        {
            for (var k = 2; k <= part.Length - 2 && part.Length <= 32; k++)
            {
                if (_tokens.TryGet(part[..k], out var left) && _tokens.TryGet(part[k..], out var right) && left != right)
                {
                    var (start, end) = PairRange(left, right);
                    for (var i = start; i < end; i++)
                    {
                        scratch.Touch(_pairName[i]);
                        forced.Add(_pairName[i]);
                    }
                }
            }
        }

        var queryJoined = query.JoinedLength;
        var variantJoined = NameVariants.GroupOf(query.Joined) is not null;
        Span<int> queryLetters = stackalloc int[LetterBins];
        CountLetters(query.Parts, queryLetters);

        // The names that pass are gathered in the thread's lists and copied out at their size: a common name touches tens
        // of thousands of names, of which a few hundred pass.
        var passed = scratch.Passed;
        var passedBounds = scratch.PassedBounds;
        var kind = organisations switch { true => ShapeOrganisation, false => 0, null => -1 };
        foreach (var name in touched)
        {
            if (kind >= 0 && (_nameShape[name] & ShapeOrganisation) != kind)
            {
                continue;
            }

            // Shares are stored as floats; the margin keeps a name whose bound rounded down.
            // A name found by its run-together keys is scored whatever its parts say, when the whole-name reading can
            // apply (NameScorer: lengths within 7 %); 'Abdulkarim' finds every name with Abdul and Karim apart, most of
            // them far longer, which its parts then bound like any other.
            var bound = forced.Contains(name) && JoinedMayMatch(queryLetters, queryJoined, variantJoined, name)
                ? 1.0
                : UpperBound(query, plan, scratch, name) + 1e-6;
            if (bound >= threshold)
            {
                passed.Add(name);
                passedBounds.Add(-bound);
            }
        }

        LastTouched = touched.Count;

        if (bounds is null)
        {
            passed.Sort();
        }
        else
        {
            // Highest bound first (the negated bounds sort ascending), so that a caller wanting the best few scores the
            // likeliest first.
            CollectionsMarshal.AsSpan(passedBounds).Sort(CollectionsMarshal.AsSpan(passed));
            bounds.EnsureCapacity(passed.Count);
            foreach (var bound in passedBounds)
            {
                bounds.Add(-bound);
            }
        }

        result.Capacity = passed.Count;
        result.AddRange(passed);

        return result;
    }

    /// <summary>
    /// Past this many postings to read for a query (a name touched, and bounded, per posting) a probe threshold is tried
    /// first (<see cref="Candidates(PreparedName, double, string?, List{double}?, bool?, double, out double)"/>).
    /// </summary>
    internal long ProbeCost { get; set; } = 4000;

    /// <summary>Past this many distinct words similar to the query's words, pairs cost more lookups than they save.</summary>
    private const int MaxPairWords = 256;

    /// <summary>
    /// How many pair lookups, or postings skipped by a flag, cost about as much as reading one posting (a touch and an
    /// upper bound).
    /// </summary>
    private const int PairLookupsPerPosting = 4;

    /// <summary>The postings a pair plan reads: pair ranges (in the pair postings) and part prefixes (in the part postings).</summary>
    /// <remarks>
    /// A prefix is read whole up to Mid; from Mid to End only names that lean away (organisations, one-word names) when
    /// TailLeansAway is set, else only the others.
    /// </remarks>
    private sealed record PairReads(List<(int Start, int End)> Ranges, List<(int Start, int Mid, int End, bool TailLeansAway)> Prefixes, long Cost);

    /// <summary>
    /// The pair plan, for a query with words. A hit must pair a query word with a listed word
    /// (<see cref="NameScorer"/>), so a name found by none of the query's similar words is no hit. A name with two
    /// distinct similar words one reading holds together is in the pair postings of those two; a name with one per
    /// reading (Mutairi, or al Mutairi joined as almutairi, never both) is read from that word's postings only as far
    /// as one word, the name's generic parts and whatever the query's generic parts may match there can still make it
    /// reach the threshold. Null when the plan does not apply.
    /// </summary>
    private PairReads? PairPlan(PreparedName query, QueryPlan plan, double threshold, Scratch scratch)
    {
        if (!query.HasWord)
        {
            return null;
        }

        var words = scratch.Words;
        // What the parts a name does not carry as words can add to the query's cover: in any name, and in a person's
        // name of several words, which holds no legal form.
        var generic = 0.0;
        var genericPerson = 0.0;
        var wordMatch = 0.0;
        for (var p = 0; p < plan.Parts.Count; p++)
        {
            var part = plan.Parts[p];
            if (part.Wildcard)
            {
                // An initial stands for any word it begins (0.75), so it is no key of its own: like a generic part, it
                // helps whichever word a name is found through, on either side. The same initial listed is a word.
                generic += InitialSquared * part.Weight / plan.TotalWeight;
                genericPerson += InitialSquared * part.Weight / plan.TotalWeight;
                wordMatch = Math.Max(wordMatch, InitialSquared);
            }

            var isWord = query.TableWords[p];
            var light = 0.0;
            var lightPerson = 0.0;
            foreach (var similar in part.Similar)
            {
                if (isWord && _tokenWord[similar.Token] && scratch.MarkWord(similar.Token))
                {
                    words.Add(similar.Token);
                }

                if (_tokenLight[similar.Token])
                {
                    light = Math.Max(light, Squared(similar));
                }

                if (_tokenLightInPerson[similar.Token] && Squared(similar) >= 1)
                {
                    // A word pairs with a particle or honorific only when it is the same part (NameScorer.SameKind).
                    lightPerson = 1;
                }

                if (!isWord && _tokenWord[similar.Token])
                {
                    // A generic query part (al, LLC) that resembles a listed word can cover part of the name.
                    wordMatch = Math.Max(wordMatch, Squared(similar));
                }
            }

            // A name found through one listed word gets the rest of its cover from parts it does not carry as words: a
            // generic query part from anything it resembles, a query word only from the particles, honorifics and
            // legal forms it resembles (Libi / LLP), whose similarity is what counts, not the word's own; in a person's
            // name only from the same part written as a particle or honorific.
            generic += (isWord ? light : part.MaxSquared) * part.Weight / plan.TotalWeight;
            genericPerson += (isWord ? lightPerson : part.MaxSquared) * part.Weight / plan.TotalWeight;

            if (words.Count > MaxPairWords)
            {
                return null;
            }
        }

        // Which query words each listed word resembles: two listed words that resemble one query word only cannot both
        // be paired, so the names carrying both need not be read.
        Span<ulong> resembles = words.Count <= MaxPairWords ? stackalloc ulong[words.Count] : new ulong[words.Count];
        for (var x = 0; x < words.Count; x++)
        {
            var slot = scratch.SlotOf(words[x]);
            resembles[x] = 0;
            for (var p = 0; p < plan.Parts.Count && p < 64; p++)
            {
                if (query.TableWords[p] && scratch.MaxSimilarity(slot, p) > 0)
                {
                    resembles[x] |= 1UL << p;
                }
            }
        }

        var ranges = scratch.Ranges;
        var prefixes = scratch.Prefixes;
        long lookups = 0;
        long cost = 0;
        for (var x = 0; x < words.Count; x++)
        {
            for (var y = x + 1; y < words.Count; y++)
            {
                if (resembles[x] == resembles[y] && ulong.IsPow2(resembles[x]))
                {
                    continue;
                }

                lookups++;
                var (start, end) = PairRange(words[x], words[y]);
                if (end > start)
                {
                    ranges.Add((start, end));
                    cost += end - start;
                }
            }
        }

        foreach (var word in words)
        {
            // The query's cover if this is the one listed word it matches.
            var slot = scratch.SlotOf(word);
            var matched = 0.0;
            for (var p = 0; p < plan.Parts.Count; p++)
            {
                if (query.TableWords[p])
                {
                    var s = scratch.MaxSimilarity(slot, p);
                    matched += s * s * plan.Parts[p].Weight / plan.TotalWeight;
                }
            }

            var start = _postingStart[word];
            if (plan.Organisation || query.Words < 2)
            {
                var needed = NeededCover(Math.Min(1, generic + matched), threshold, plan.Organisation);
                if (!double.IsPositiveInfinity(needed))
                {
                    var end = PrefixEnd(word, ShareCutoff(needed, wordMatch));
                    prefixes.Add((start, end, end, false));
                    cost += end - start;
                }

                continue;
            }

            // A person's name of several words is scored with the person lean and holds no legal form; a one-word name
            // or an organisation's (which leans away, NameScorer.Lean) with the organisation lean. Each needs its own
            // share of this word: the prefix is read whole as far as both need, then for the one that needs more.
            var person = NeededCover(Math.Min(1, genericPerson + matched), threshold, organisationQuery: false);
            var away = NeededCover(Math.Min(1, generic + matched), threshold, organisationQuery: true);
            var personEnd = double.IsPositiveInfinity(person) ? start : PrefixEnd(word, ShareCutoff(person, wordMatch));
            var awayEnd = double.IsPositiveInfinity(away) ? start : PrefixEnd(word, ShareCutoff(away, wordMatch));
            var mid = Math.Min(personEnd, awayEnd);
            var tail = Math.Max(personEnd, awayEnd);
            if (tail > start)
            {
                prefixes.Add((start, mid, tail, awayEnd > personEnd));
                cost += mid - start + ((tail - mid) / PairLookupsPerPosting);
            }
        }

        // A pair lookup is one binary search; a posting read costs a touch and an upper bound, several times more.
        return new PairReads(ranges, prefixes, cost + (lookups / PairLookupsPerPosting));
    }

    /// <summary>The share of its name a word must have for the name to reach <paramref name="needed"/> cover with generic help.</summary>
    private static double ShareCutoff(double needed, double wordMatch) => wordMatch >= 1 ? 0 : (needed - wordMatch) / (1 - wordMatch);

    /// <summary>
    /// The similar parts a query part of this kind can pair with: a generic part (al, LLC) with generic parts, any
    /// other part with other parts, either with the same part, and across kinds when the generic one is a legal form of
    /// three letters or more (<see cref="NameScorer.SameKind"/>). Al is no spelling of Ali; Tradibg is one of Trading.
    /// </summary>
    private SimilarToken[] SameKind(SimilarToken[] similar, bool generic, bool legalForm, string text)
    {
        var kept = 0;
        foreach (var s in similar)
        {
            kept += SameKind(s, generic, legalForm, text) ? 1 : 0;
        }

        if (kept == similar.Length)
        {
            return similar;
        }

        var result = new SimilarToken[kept];
        kept = 0;
        foreach (var s in similar)
        {
            if (SameKind(s, generic, legalForm, text))
            {
                result[kept++] = s;
            }
        }

        return result;
    }

    private bool SameKind(SimilarToken s, bool generic, bool legalForm, string text) =>
        Squared(s) >= 1
        || (generic
            ? _tokenGeneric[s.Token] || (legalForm && CloseByEdits(text, s.Token))
            : _tokenPlain[s.Token] || (_tokenLegalForm[s.Token] && CloseByEdits(text, s.Token)));

    /// <summary>Whether a query part and a listed part are one legal form in two spellings, to pair across kinds (NameScorer.SameForm).</summary>
    private bool CloseByEdits(string text, int token) => NameScorer.SameForm(text, _tokens.Text(token));

    /// <summary>
    /// Whether a listed name run together may reach the whole-name reading's 0.93 with the query run together
    /// (NameScorer): lengths within 7 %, and few enough letters differing in count. An insertion or deletion changes the
    /// letter counts by one for a whole edit, a look-alike substitution by two for half an edit, so the distance is at
    /// least a quarter of the difference. A query run together that is a listed variant (0.95 whatever its letters) may
    /// always.
    /// </summary>
    private bool JoinedMayMatch(ReadOnlySpan<int> queryLetters, int queryLength, bool variant, int name)
    {
        var listed = _names[name].Name;
        var length = listed.JoinedLength;
        if (!NameScorer.JoinedLengthsClose(queryLength, length))
        {
            return false;
        }

        if (variant || Math.Max(queryLength, length) > CountedLength)
        {
            // The part distance reads only the first 64 letters of each: past them letter counts prove nothing.
            return true;
        }

        Span<int> letters = stackalloc int[LetterBins];
        CountLetters(listed.Parts, letters);
        var difference = 0;
        for (var i = 0; i < LetterBins; i++)
        {
            difference += Math.Abs(letters[i] - queryLetters[i]);
        }

        return difference / 4.0 <= (1 - NameScorer.JoinedFloor) * Math.Max(queryLength, length);
    }

    /// <summary>How much of a part <see cref="PartSimilarity"/> compares letter by letter.</summary>
    private const int CountedLength = 64;

    /// <summary>Letter counts are kept for a to z and the digits; any other character counts in one bin.</summary>
    private const int LetterBins = 37;

    private static void CountLetters(string[] parts, Span<int> counts)
    {
        counts.Clear();
        foreach (var part in parts)
        {
            foreach (var c in part)
            {
                counts[c is >= 'a' and <= 'z' ? c - 'a' : c is >= '0' and <= '9' ? 26 + (c - '0') : 36]++;
            }
        }
    }

    /// <summary>Where the names carrying both word parts lie in the pair postings.</summary>
    private (int Start, int End) PairRange(int a, int b)
    {
        var (low, high) = a < b ? (a, b) : (b, a);
        var from = _pairStart[low];
        var others = _pairOther.AsSpan(from, _pairStart[low + 1] - from);
        var start = SortedSpans.LowerBound<int>(others, high);
        var end = start;
        while (end < others.Length && others[end] == high)
        {
            end++;
        }

        return (from + start, from + end);
    }

    private static double Squared(SimilarToken similar)
    {
        var s = Math.Max(similar.Plain, similar.VowelBlind);
        return s * s;
    }

    /// <summary>The end of the prefix of a part's postings whose share is at least <paramref name="share"/>.</summary>
    private int PrefixEnd(int token, double share)
    {
        int lo = _postingStart[token], hi = _postingStart[token + 1];
        if (share <= 0)
        {
            return hi;
        }

        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            // Shares are stored as floats: the tolerance keeps a name whose share rounded down.
            if (_postingShare[mid] >= share - 1e-6)
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

    /// <summary>How many postings reading a part's similar parts down to a share would cost.</summary>
    private long Cost(SimilarToken[] similar, double cutoff)
    {
        long cost = 0;
        foreach (var s in similar)
        {
            cost += PrefixEnd(s.Token, cutoff / Squared(s)) - _postingStart[s.Token];
        }

        return cost;
    }

    /// <summary>
    /// An upper bound of the name score from part similarities alone: each query part and each name part counted at
    /// its best similarity on the other side, with no alignment and no penalty, and each particle-joined pair at the
    /// better of its joined and separate readings. The scorer's score never exceeds it.
    /// </summary>
    private double UpperBound(PreparedName query, QueryPlan plan, Scratch scratch, int name)
    {
        var shape = _nameShape[name];
        var blind = query.Abjad != ((shape & ShapeAbjad) != 0);
        var start = _forwardStart[name];
        var width = _forwardStart[name + 1] - start;
        var parts = plan.Parts.Count;
        Span<double> bestQuery = stackalloc double[parts];
        bestQuery.Clear();
        var coverName = 0.0;
        var listedParts = shape & 31;
        var joins = (shape >> ShapeJoinsShift) & 3;
        Span<double> bestName = joins == 0 ? default : stackalloc double[width];
        for (var j = 0; j < width; j++)
        {
            var token = _forwardToken[start + j];
            var slot = scratch.SlotOf(token);
            var best = 0.0;
            if (slot >= 0 || plan.AnyWildcard)
            {
                // Most parts of a name found through one query part resemble no query part at all: only these are read.
                for (var p = 0; p < parts; p++)
                {
                    var s = slot >= 0 ? scratch.Similarity(slot, p, blind) : 0;
                    s = s < NameScorer.PartFloor ? 0 : s;
                    if (plan.Initials[p] != '\0' && s < 0.75 && _tokens.Text(token)[0] == plan.Initials[p])
                    {
                        // An initial stands for any part it begins.
                        s = 0.75;
                    }

                    var s2 = s * s;
                    bestQuery[p] = Math.Max(bestQuery[p], s2);
                    best = Math.Max(best, s2);
                }
            }

            var contribution = best * _forwardShare[start + j];
            if (joins == 0)
            {
                coverName += contribution;
            }
            else
            {
                bestName[j] = contribution;
            }
        }

        for (var p = 0; p < parts; p++)
        {
            bestQuery[p] *= plan.Weights[p];
        }

        if (joins > 0)
        {
            Span<int> starts = stackalloc int[joins];
            for (var k = 0; k < joins; k++)
            {
                starts[k] = (shape >> (ShapeJoinShift + (5 * k))) & 31;
            }

            coverName = ReadingsBound(bestName, listedParts, starts);
        }

        var coverQuery = Math.Min(1, ReadingsBound(bestQuery, query.Parts.Length, query.Joins) / plan.TotalWeight);
        var organisation = query.Organisation || (shape & ShapeOrganisation) != 0 || (query.Words == 1) != ((shape & ShapeOneWord) != 0);
        return Blend(NameScorer.Lean(organisation), coverQuery, Math.Min(1, coverName));
    }

    /// <summary>
    /// The most a name's parts can contribute over all its readings: parts outside a particle join count as they are,
    /// each join counts the better of its two parts apart or its joined form (stored after the parts).
    /// </summary>
    internal static double ReadingsBound(ReadOnlySpan<double> contributions, int parts, ReadOnlySpan<int> joins)
    {
        var total = 0.0;
        for (var i = 0; i < parts; i++)
        {
            total += contributions[i];
        }

        for (var k = 0; k < joins.Length; k++)
        {
            var apart = contributions[joins[k]] + contributions[joins[k] + 1];
            total += Math.Max(0, contributions[parts + k] - apart);
        }

        return total;
    }

    /// <summary>The similarity of query part <paramref name="part"/> and listed part <paramref name="token"/>, from the part search.</summary>
    private double Similarity(QueryPlan plan, Scratch scratch, int part, int token, bool blind)
    {
        var slot = scratch.SlotOf(token);
        var s = slot >= 0 ? scratch.Similarity(slot, part, blind) : 0;
        if (s < NameScorer.PartFloor)
        {
            s = 0;
        }

        // An initial stands for any part it begins.
        return plan.Parts[part].Wildcard && s < 0.75 && _tokens.Text(token)[0] == plan.Parts[part].Text[0] ? 0.75 : s;
    }

    /// <summary>
    /// Scores a candidate that <see cref="Candidates(PreparedName, double, string?, List{double}?, bool?)"/> returned for <paramref name="query"/> on this thread, with the
    /// part similarities its part search found.
    /// </summary>
    /// <param name="query">The query name the candidates were found for.</param>
    /// <param name="name">The candidate.</param>
    /// <param name="withPairs">Whether to list the part pairs (see <see cref="NameScorer"/>): only hits need them.</param>
    internal (double Score, List<PartMatch> Pairs) Score(PreparedName query, int name, bool withPairs = true)
    {
        var scratch = _scratch!;
        var similarity = scratch.Candidate ??= new CandidateSimilarity(scratch);
        similarity.Index = this;
        similarity.Start = _forwardStart[name];
        similarity.Blind = query.Abjad != _names[name].Name.Abjad;
        return NameScorer.Score(query, _names[name].Name, similarity.Of, withPairs);
    }

    /// <summary>
    /// The part similarities of the candidate being scored, from the part search: one per thread, pointed at each
    /// candidate in turn, so that scoring a candidate allocates no closure.
    /// </summary>
    private sealed class CandidateSimilarity
    {
        public CandidateSimilarity(Scratch scratch)
        {
            Of = (i, j) => Index!.Similarity(scratch.Plan!, scratch, i, Index._forwardToken[Start + j], Blind);
        }

        /// <summary>The index scoring (the scratch is the thread's, shared by every index).</summary>
        public ScreeningIndex? Index { get; set; }

        public int Start { get; set; }

        public bool Blind { get; set; }

        public Func<int, int, double> Of { get; }
    }

    private static double Blend(double lean, double a, double b) => (lean * Math.Max(a, b)) + ((1 - lean) * Math.Min(a, b));

    /// <summary>
    /// The least name cover with which a name matched only by query parts worth at most <paramref name="queryCover"/>
    /// can still reach the threshold, at the most forgiving lean; above 1 when it cannot.
    /// </summary>
    private static double NeededCover(double queryCover, double threshold, bool organisationQuery)
    {
        var needed = NeededCover(queryCover, threshold, NameScorer.Lean(true));
        return organisationQuery ? needed : Math.Min(needed, NeededCover(queryCover, threshold, NameScorer.Lean(false)));
    }

    private static double NeededCover(double queryCover, double threshold, double lean)
    {
        if (Blend(lean, queryCover, 1) < threshold)
        {
            return double.PositiveInfinity;
        }

        var below = (threshold - (lean * queryCover)) / (1 - lean);
        return below <= queryCover ? Math.Max(0, below) : (threshold - ((1 - lean) * queryCover)) / lean;
    }

    /// <summary>
    /// One query part: a written part, a particle-joined pair, or an initial. An initial's similar parts are only the
    /// same letter; it also matches, at 0.75, any part it begins, which no list holds (a wildcard).
    /// </summary>
    private sealed record PlanPart(string Text, double Weight, bool Wildcard, SimilarToken[] Similar, double MaxSquared, long Cost);

    /// <summary>The query's parts with their similar listed parts, and the choice of which to follow in full.</summary>
    private sealed class QueryPlan
    {
        public required List<PlanPart> Parts { get; init; }

        public required double TotalWeight { get; init; }

        public required bool Organisation { get; init; }

        /// <summary>How many of <see cref="Parts"/> are written parts; the particle-joined pairs follow.</summary>
        public required int RealParts { get; init; }

        /// <summary>Where each joined pair starts among the written parts.</summary>
        public required int[] Joins { get; init; }

        /// <summary>Each part's weight, as an array for the bound's inner loop.</summary>
        public required double[] Weights { get; init; }

        /// <summary>For each part that is an initial, its letter; else '\0'.</summary>
        public required char[] Initials { get; init; }

        public required bool AnyWildcard { get; init; }

        public static QueryPlan Of(PreparedName query, ScreeningIndex index, Scratch scratch)
        {
            var parts = new List<PlanPart>(query.Parts.Length + 2);
            var total = 0.0;
            for (var i = 0; i < query.Parts.Length; i++)
            {
                total += query.Weights[i];
                parts.Add(Part(query.Parts[i], query.Weights[i], query.Abjad, query.TableGeneric[i], query.TableLegalForm[i], index));
            }

            // The scorer also reads particles joined to the word after them (al Rawi → alrawi), so these are parts too.
            for (var k = 0; k < query.Joins.Length; k++)
            {
                var at = query.Joins[k];
                parts.Add(Part(query.Table[query.Parts.Length + k], query.Weights[at] + query.Weights[at + 1], query.Abjad, generic: false, legalForm: false, index));
            }

            for (var p = 0; p < parts.Count; p++)
            {
                foreach (var similar in parts[p].Similar)
                {
                    scratch.Record(similar, p, parts.Count);
                }
            }

            return new QueryPlan
            {
                Parts = parts,
                TotalWeight = total,
                Organisation = query.Organisation,
                RealParts = query.Parts.Length,
                Joins = query.Joins,
                Weights = [.. parts.Select(p => p.Weight)],
                Initials = [.. parts.Select(p => p.Wildcard ? p.Text[0] : '\0')],
                AnyWildcard = parts.Any(p => p.Wildcard),
            };
        }

        private static PlanPart Part(string text, double weight, bool abjad, bool generic, bool legalForm, ScreeningIndex index)
        {
            var wildcard = text.Length == 1 && !char.IsAsciiDigit(text[0]);
            var similar = wildcard
                ? index._tokens.TryGet(text, out var same) ? [new SimilarToken(same, 1, 1)] : []
                : index.SameKind(index._tokens.Similar(text, abjad), generic, legalForm, text);
            var max = wildcard ? InitialSquared : 0;
            long cost = 0;
            foreach (var s in similar)
            {
                max = Math.Max(max, Squared(s));
                cost += index._postingStart[s.Token + 1] - index._postingStart[s.Token];
            }

            return new PlanPart(text, weight, wildcard, similar, max, cost);
        }

        /// <summary>The most that per-part values add up to in one reading (see <see cref="ScreeningIndex.ReadingsBound"/>).</summary>
        private double ReadingsBound(ReadOnlySpan<double> values)
        {
            var total = 0.0;
            for (var i = 0; i < RealParts; i++)
            {
                total += values[i];
            }

            for (var k = 0; k < Joins.Length; k++)
            {
                total += Math.Max(0, values[RealParts + k] - values[Joins[k]] - values[Joins[k] + 1]);
            }

            return total;
        }

        private double Contribution(PlanPart part) => part.MaxSquared * part.Weight / TotalWeight;

        /// <summary>What a part can still add to a name that its similar parts do not lead to: an initial's wildcard.</summary>
        private double Residual(PlanPart part) => part.Wildcard ? InitialSquared * part.Weight / TotalWeight : 0;

        /// <summary>
        /// Whether initials alone could make a hit (a query of initials at a low threshold): no key can find those
        /// names, so every name is scored.
        /// </summary>
        public bool BruteForce(double threshold)
        {
            var wildcards = 0.0;
            foreach (var part in Parts)
            {
                wildcards += Residual(part);
            }

            return wildcards > 0 && NeededCover(Math.Min(1, wildcards), threshold, Organisation) <= InitialSquared;
        }

        /// <summary>
        /// Which parts to follow in full (the cheapest first) and, for the others, the least (similarity² × share)
        /// a name needs from one of them to be worth finding through it; the cheapest such plan.
        /// </summary>
        public (bool[] Enumerated, double[] Cutoffs, long Cost) Choose(double threshold, ScreeningIndex index)
        {
            var n = Parts.Count;
            // The parts with similar listed parts, cheapest first (ties in the parts' own order).
            Span<int> order = stackalloc int[n];
            var count = 0;
            for (var p = 0; p < n; p++)
            {
                if (Parts[p].Similar.Length == 0)
                {
                    continue;
                }

                var at = count++;
                while (at > 0 && Parts[order[at - 1]].Cost > Parts[p].Cost)
                {
                    order[at] = order[at - 1];
                    at--;
                }

                order[at] = p;
            }

            var bestCost = long.MaxValue;
            bool[] bestEnumerated = [];
            double[] bestCutoffs = [];
            Span<bool> enumerated = stackalloc bool[n];
            Span<double> cutoffs = stackalloc double[n];
            Span<double> open = stackalloc double[n];
            Span<double> unfollowed = stackalloc double[n];
            for (var k = 0; k <= count; k++)
            {
                enumerated.Clear();
                cutoffs.Clear();
                long cost = 0;
                for (var e = 0; e < k; e++)
                {
                    enumerated[order[e]] = true;
                    cost += Parts[order[e]].Cost;
                }

                var wildcard = false;
                for (var p = 0; p < n; p++)
                {
                    open[p] = enumerated[p] ? Residual(Parts[p]) : Math.Max(Contribution(Parts[p]), Residual(Parts[p]));
                    unfollowed[p] = !enumerated[p] && Parts[p].Similar.Length > 0 ? 1 : 0;
                    wildcard |= Parts[p].Wildcard;
                }

                // A reading has either a joined pair or its two parts, never both.
                var rest = ReadingsBound(open);
                var restParts = (int)ReadingsBound(unfollowed);

                var needed = NeededCover(Math.Min(1, rest), threshold, Organisation);
                if (restParts > 0)
                {
                    // A name found through none of the followed parts must get this much of its cover from the others,
                    // so one of them gives at least its fair share.
                    var fromParts = needed - (wildcard ? InitialSquared : 0);
                    var cutoff = double.IsPositiveInfinity(needed) ? double.PositiveInfinity : Math.Max(0, fromParts / restParts);
                    for (var p = 0; p < n && cost < bestCost; p++)
                    {
                        if (!enumerated[p] && Parts[p].Similar.Length > 0)
                        {
                            cutoffs[p] = cutoff;
                            cost += double.IsPositiveInfinity(cutoff) ? 0 : index.Cost(Parts[p].Similar, cutoff);
                        }
                    }
                }

                if (cost < bestCost)
                {
                    // Only a better plan is copied out; the others live on the stack.
                    bestCost = cost;
                    bestEnumerated = enumerated.ToArray();
                    bestCutoffs = cutoffs.ToArray();
                }
            }

            return (bestEnumerated, bestCutoffs, bestCost);
        }
    }

    /// <summary>Per-thread working memory of a query, sized to the index and reset by stamps rather than clearing.</summary>
    private sealed class Scratch
    {
        private int[] _nameStamp = [];
        // Each listed part's stamp and slot side by side, so that the bound reads one cache line per part, not two.
        private long[] _tokenMark = [];
        private int[] _wordStamp = [];
        private double[] _plain = new double[256];
        private double[] _blind = new double[256];
        private int _stamp;
        private int _slots;
        private int _width;

        public List<int> Touched { get; } = [];

        public HashSet<int> Forced { get; } = [];

        // The pair plan's lists and the joined keys, kept between queries so that a query does not grow them afresh.
        public List<int> Words { get; } = [];

        public List<(int Start, int End)> Ranges { get; } = [];

        public List<(int Start, int Mid, int End, bool TailLeansAway)> Prefixes { get; } = [];

        /// <summary>The names that passed their bound, and their bounds negated, before they are copied out.</summary>
        public List<int> Passed { get; } = [];

        public List<double> PassedBounds { get; } = [];

        public CandidateSimilarity? Candidate { get; set; }

        public List<ulong> Keys { get; } = [];

        /// <summary>The plan of the thread's last query, for scoring its candidates.</summary>
        public QueryPlan? Plan { get; set; }

        public void Begin(int names, int tokens)
        {
            if (_nameStamp.Length < names)
            {
                _nameStamp = new int[names];
            }

            if (_tokenMark.Length < tokens)
            {
                _tokenMark = new long[tokens];
            }

            if (++_stamp == int.MaxValue)
            {
                Array.Clear(_nameStamp);
                Array.Clear(_tokenMark);
                Array.Clear(_wordStamp);
                _stamp = 1;
            }

            _slots = 0;
            _width = 0;
            Touched.Clear();
            Forced.Clear();
            Words.Clear();
            Ranges.Clear();
            Prefixes.Clear();
            Passed.Clear();
            PassedBounds.Clear();
            Keys.Clear();
        }

        /// <summary>
        /// Forgets the postings a pair plan chose to read, so that another plan for the same query can choose afresh.
        /// The query's listed words stay gathered in <see cref="Words"/>: they do not depend on the threshold.
        /// </summary>
        public void ForgetReads()
        {
            Ranges.Clear();
            Prefixes.Clear();
        }

        public void Touch(int name)
        {
            if (_nameStamp[name] != _stamp)
            {
                _nameStamp[name] = _stamp;
                Touched.Add(name);
            }
        }

        /// <summary>Notes that listed part <paramref name="similar"/> is similar to query part <paramref name="part"/> of <paramref name="width"/>.</summary>
        public void Record(SimilarToken similar, int part, int width)
        {
            _width = width;
            int slot;
            if (SlotOf(similar.Token) is var known && known >= 0)
            {
                slot = known;
            }
            else
            {
                slot = _slots++;
                _tokenMark[similar.Token] = ((long)_stamp << 32) | (uint)slot;
                if ((slot + 1) * width > _plain.Length)
                {
                    Array.Resize(ref _plain, Math.Max(_plain.Length * 2, (slot + 1) * width));
                    Array.Resize(ref _blind, _plain.Length);
                }

                _plain.AsSpan(slot * width, width).Clear();
                _blind.AsSpan(slot * width, width).Clear();
            }

            _plain[(slot * width) + part] = similar.Plain;
            _blind[(slot * width) + part] = similar.VowelBlind;
        }

        /// <summary>Marks a word part as collected for this query; false when it already was.</summary>
        public bool MarkWord(int token)
        {
            if (_wordStamp.Length < _tokenMark.Length)
            {
                _wordStamp = new int[_tokenMark.Length];
            }

            if (_wordStamp[token] == _stamp)
            {
                return false;
            }

            _wordStamp[token] = _stamp;
            return true;
        }

        public double MaxSimilarity(int slot, int part) =>
            slot < 0 ? 0 : Math.Max(_plain[(slot * _width) + part], _blind[(slot * _width) + part]);

        public int SlotOf(int token)
        {
            var mark = _tokenMark[token];
            return (int)(mark >> 32) == _stamp ? (int)mark : -1;
        }

        public double Similarity(int slot, int part, bool blind) => (blind ? _blind : _plain)[(slot * _width) + part];
    }

    internal readonly record struct IndexedEntity(Entity Entity, bool Organisation);

    internal readonly record struct IndexedName(int EntityIndex, string Property, PreparedName Name);
}
