using System.Collections.Frozen;

namespace Cordon.Model;

/// <summary>
/// A FollowTheMoney entity: an id, a schema and named lists of values, plus where it came from.
/// Immutable; build one with <see cref="EntityBuilder"/>, which validates every value.
/// </summary>
public sealed class Entity
{
    internal Entity(string id, Schema schema, FrozenDictionary<string, string[]> properties, string? dataset, string? sourceRef)
    {
        Id = id;
        Schema = schema;
        PropertiesMap = properties;
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

    internal FrozenDictionary<string, string[]> PropertiesMap { get; }

    /// <summary>Property names with at least one value, in ordinal order.</summary>
    public IEnumerable<string> PropertyNames => PropertiesMap.Keys.Order(StringComparer.Ordinal);

    /// <summary>The values of a property, empty when it has none.</summary>
    public IReadOnlyList<string> Get(string property) =>
        PropertiesMap.TryGetValue(property, out var values) ? values : [];

    /// <summary>The first value of a property, or null.</summary>
    public string? First(string property) =>
        PropertiesMap.TryGetValue(property, out var values) && values.Length > 0 ? values[0] : null;

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
    public Entity WithDataset(string dataset) => new(Id, Schema, PropertiesMap, dataset, SourceRef);

    /// <summary>A copy under another id (an agency's dataset scopes the ids it is given).</summary>
    public Entity WithId(string id) => new(id, Schema, PropertiesMap, Dataset, SourceRef ?? Id);

    /// <inheritdoc />
    public override string ToString() => $"{Schema.Name}:{Id}";
}
