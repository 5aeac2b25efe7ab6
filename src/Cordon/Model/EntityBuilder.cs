namespace Cordon.Model;

/// <summary>Builds a valid <see cref="Entity"/>: unknown properties and malformed values are refused with the reason.</summary>
public sealed class EntityBuilder
{
    private readonly Dictionary<string, List<string>> _properties = new(StringComparer.Ordinal);

    public EntityBuilder(string id, Schema schema, string? sourceRef = null)
    {
        CheckId(id);
        Id = id;
        Schema = schema;
        SourceRef = sourceRef;
    }

    public string Id { get; }

    public Schema Schema { get; }

    public string? SourceRef { get; set; }

    /// <summary>Adds a value after validating and normalising it for the property's type; blank values are ignored.</summary>
    public EntityBuilder Add(string property, string? value)
    {
        var def = Schema.GetProperty(property) ?? throw UnknownProperty(Schema, property);
        var clean = PropertyValues.Clean(def, value);
        if (clean is null)
        {
            return this;
        }

        if (!_properties.TryGetValue(def.Name, out var values))
        {
            values = [];
            _properties.Add(def.Name, values);
        }

        if (!values.Contains(clean, StringComparer.Ordinal))
        {
            values.Add(clean);
        }

        return this;
    }

    /// <summary>Adds each value in turn.</summary>
    public EntityBuilder AddRange(string property, IEnumerable<string?> values)
    {
        foreach (var value in values)
        {
            Add(property, value);
        }

        return this;
    }

    /// <summary>Whether any value was added to the property.</summary>
    public bool Has(string property) => _properties.ContainsKey(property);

    public Entity Build()
    {
        var names = new string[_properties.Count];
        _properties.Keys.CopyTo(names, 0);
        Array.Sort(names, StringComparer.Ordinal);
        var values = new string[names.Length][];
        for (var i = 0; i < names.Length; i++)
        {
            values[i] = [.. _properties[names[i]]];
        }

        return new(Id, Schema, names, values, null, SourceRef);
    }

    /// <summary>Refuses an id that is not 1 to <see cref="EntityIds.MaxLength"/> characters of the allowed set.</summary>
    internal static void CheckId(string id)
    {
        if (!EntityIds.IsValid(id))
        {
            throw new ModelException("id", $"invalid entity id '{Truncate(id)}': use 1-{EntityIds.MaxLength} characters of A-Z a-z 0-9 . - _ :");
        }
    }

    /// <summary>Refuses a property the schema does not have.</summary>
    internal static ModelException UnknownProperty(Schema schema, string property) =>
        new(property, $"schema {schema.Name} has no property '{property}'");

    private static string Truncate(string value) => value.Length > 60 ? value[..60] + "…" : value;
}
