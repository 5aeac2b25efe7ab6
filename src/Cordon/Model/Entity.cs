using System.Collections.Concurrent;
using System.Collections.ObjectModel;

namespace Cordon.Model;

/// <summary>
/// A FollowTheMoney entity: an id, a schema and named lists of values, plus where it came from.
/// Immutable; build one with <see cref="EntityBuilder"/>, which validates every value.
/// </summary>
public sealed class Entity
{
    /// <summary>
    /// The names of the properties with values, in ordinal order. Entities with the same names share one array: a
    /// server holds a million entities, and most lists give their records a handful of shapes.
    /// </summary>
    private readonly string[] _names;

    /// <summary>The values of each of <see cref="_names"/>, each array non-empty.</summary>
    private readonly string[][] _values;

    /// <summary>An entity of property names in ordinal order (as the schema spells them) and each one's values, non-empty.</summary>
    internal Entity(string id, Schema schema, string[] names, string[][] values, string? dataset, string? sourceRef)
    {
        Id = id;
        Schema = schema;
        _names = SharedNames.Of(names);
        _values = values;
        Dataset = dataset;
        SourceRef = sourceRef;
    }

    /// <summary>Stable id, derived from the dataset and the source's own identifier (e.g. <c>un-QDi.325</c>).</summary>
    public string Id { get; }

    public Schema Schema { get; }

    /// <summary>The dataset holding the entity, once stored.</summary>
    public string? Dataset { get; }

    /// <summary>The source's own identifier of the record this entity came from (e.g. <c>QDi.325</c>); deltas are keyed by it.</summary>
    public string? SourceRef { get; }

    /// <summary>Property names with at least one value, in ordinal order.</summary>
    public IReadOnlyList<string> PropertyNames => new ReadOnlyCollection<string>(_names);

    /// <summary>The values of a property, empty when it has none.</summary>
    public IReadOnlyList<string> Get(string property) => Find(property) is var at and >= 0 ? _values[at] : [];

    /// <summary>The first value of a property, or null.</summary>
    public string? First(string property) => Find(property) is var at and >= 0 ? _values[at][0] : null;

    /// <summary>Where a property is in <see cref="_names"/>, or -1: an entity has a few properties, so they are scanned.</summary>
    private int Find(string property)
    {
        var names = _names;
        for (var i = 0; i < names.Length; i++)
        {
            if (string.Equals(names[i], property, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The display name: the first value of the schema's caption properties, else the id.</summary>
    public string Caption
    {
        get
        {
            foreach (var property in Schema.CaptionProperties)
            {
                var value = First(property);
                if (value is not null)
                {
                    return value;
                }
            }

            return Id;
        }
    }

    /// <summary>A copy placed in a dataset (the store sets this on import).</summary>
    public Entity WithDataset(string dataset) => new(Id, Schema, _names, _values, dataset, SourceRef);

    /// <summary>A copy under another id (an agency's dataset scopes the ids it is given).</summary>
    public Entity WithId(string id) => new(id, Schema, _names, _values, Dataset, SourceRef ?? Id);

    /// <inheritdoc />
    public override string ToString() => $"{Schema.Name}:{Id}";

    /// <summary>One array for each set of property names, up to a bound, so that entities of the same shape share it.</summary>
    private static class SharedNames
    {
        /// <summary>Sets beyond this many are not shared: hostile input with endless shapes must not grow the table.</summary>
        private const int MaxShared = 16_384;

        private static readonly ConcurrentDictionary<string[], string[]> Shared = new(NamesComparer.Instance);

        public static string[] Of(string[] names) =>
            names.Length == 0 ? [] : Shared.TryGetValue(names, out var shared) ? shared
            : Shared.Count < MaxShared ? Shared.GetOrAdd(names, names) : names;
    }

    private sealed class NamesComparer : IEqualityComparer<string[]>
    {
        public static readonly NamesComparer Instance = new();

        public bool Equals(string[]? x, string[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(string[] obj)
        {
            var hash = new HashCode();
            foreach (var name in obj)
            {
                hash.Add(name, StringComparer.Ordinal);
            }

            return hash.ToHashCode();
        }
    }
}
