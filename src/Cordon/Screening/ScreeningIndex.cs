using Cordon.Model;
using Cordon.Names;

namespace Cordon.Screening;

/// <summary>
/// The in-memory candidate index: every name of every matchable entity, keyed by its normalised parts and their
/// consonant skeletons so that reordering, case, diacritics and common transliteration variants still find it.
/// Parts that are particles or legal forms are not keys, and keys shared by very many names are skipped at query time,
/// so "AL" or "LTD" never floods the candidate set.
/// </summary>
public sealed class ScreeningIndex
{
    /// <summary>A key shared by more names than this is too common to narrow anything down.</summary>
    public const int MaxPostings = 20_000;

    private static readonly string[] NameProperties = ["name", "alias", "previousName", "weakAlias"];
    private readonly List<IndexedEntity> _entities = [];
    private readonly List<IndexedName> _names = [];
    private readonly Dictionary<string, List<int>> _tokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _skeletons = new(StringComparer.Ordinal);

    /// <summary>Builds the index from entities; entities of non-matchable schemata are ignored.</summary>
    public static ScreeningIndex Build(IEnumerable<Entity> entities)
    {
        var index = new ScreeningIndex();
        foreach (var entity in entities)
        {
            index.Add(entity);
        }

        return index;
    }

    /// <summary>How many matchable entities the index holds.</summary>
    public int EntityCount => _entities.Count;

    /// <summary>How many names the index holds.</summary>
    public int NameCount => _names.Count;

    internal IReadOnlyList<IndexedEntity> Entities => _entities;

    internal IReadOnlyList<IndexedName> Names => _names;

    private void Add(Entity entity)
    {
        if (!entity.Schema.Matchable)
        {
            return;
        }

        var organisation = !entity.Schema.IsA("Person");
        var entityIndex = _entities.Count;
        var indexed = new IndexedEntity(entity, organisation);
        _entities.Add(indexed);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in NameProperties)
        {
            foreach (var value in entity.Get(property))
            {
                var prepared = new PreparedName(value, organisation);
                if (prepared.Parts.Length == 0 || !seen.Add(string.Join(' ', prepared.Parts)))
                {
                    continue;
                }

                var nameIndex = _names.Count;
                _names.Add(new IndexedName(entityIndex, property, prepared));
                var keyed = false;
                for (var i = 0; i < prepared.Parts.Length; i++)
                {
                    if (prepared.Weights[i] >= 1.0)
                    {
                        AddKeys(prepared.Parts[i], nameIndex);
                        keyed = true;
                    }
                }

                // "al Rawi" is also keyed as "alrawi", the way many lists write it.
                for (var i = 0; i + 1 < prepared.Parts.Length; i++)
                {
                    if (prepared.Weights[i] < 1.0)
                    {
                        Post(_tokens, prepared.Parts[i] + prepared.Parts[i + 1], nameIndex);
                    }
                }

                if (!keyed)
                {
                    foreach (var part in prepared.Parts)
                    {
                        AddKeys(part, nameIndex);
                    }
                }
            }
        }
    }

    private void AddKeys(string part, int nameIndex)
    {
        Post(_tokens, part, nameIndex);
        if (part.Length >= 3)
        {
            Post(_skeletons, PhoneticKey.Of(part), nameIndex);
        }
    }

    private static void Post(Dictionary<string, List<int>> keys, string key, int nameIndex)
    {
        if (!keys.TryGetValue(key, out var postings))
        {
            postings = [];
            keys.Add(key, postings);
        }

        if (postings.Count == 0 || postings[^1] != nameIndex)
        {
            postings.Add(nameIndex);
        }
    }

    /// <summary>The names that share at least one useful key with the query.</summary>
    internal HashSet<int> Candidates(PreparedName query)
    {
        var result = new HashSet<int>();
        foreach (var part in query.Parts)
        {
            Collect(_tokens, part, result);
            if (part.Length >= 3)
            {
                Collect(_skeletons, PhoneticKey.Of(part), result);
            }
        }

        // A query written with a separate particle (al Rawi) must still find the joined form (Alrawi).
        for (var i = 0; i + 1 < query.Parts.Length; i++)
        {
            if (query.Weights[i] < 1.0)
            {
                Collect(_tokens, query.Parts[i] + query.Parts[i + 1], result);
            }
        }

        return result;
    }

    private static void Collect(Dictionary<string, List<int>> keys, string key, HashSet<int> into)
    {
        if (keys.TryGetValue(key, out var postings) && postings.Count <= MaxPostings)
        {
            into.UnionWith(postings);
        }
    }

    internal sealed record IndexedEntity(Entity Entity, bool Organisation);

    internal sealed record IndexedName(int EntityIndex, string Property, PreparedName Name);
}
