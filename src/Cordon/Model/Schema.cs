namespace Cordon.Model;

/// <summary>A FollowTheMoney schema: which properties exist (own and inherited) and how entities of it are screened.</summary>
public sealed class Schema
{
    private readonly Dictionary<string, PropertyDef> _properties;
    private readonly HashSet<string> _ancestors;

    internal Schema(
        string name,
        IReadOnlyList<Schema> parents,
        IEnumerable<PropertyDef> ownProperties,
        bool matchable,
        bool isAbstract,
        IReadOnlyList<string> captionProperties,
        (string Source, string Target)? edge)
    {
        Name = name;
        Parents = parents;
        Matchable = matchable;
        IsAbstract = isAbstract;
        Edge = edge;
        _properties = new Dictionary<string, PropertyDef>(StringComparer.Ordinal);
        _ancestors = new HashSet<string>(StringComparer.Ordinal) { name };
        foreach (var parent in parents)
        {
            foreach (var property in parent.Properties)
            {
                _properties.TryAdd(property.Name, property);
            }

            _ancestors.UnionWith(parent._ancestors);
        }

        foreach (var property in ownProperties)
        {
            _properties[property.Name] = property;
        }

        CaptionProperties = captionProperties.Count > 0
            ? captionProperties
            : parents.Count > 0 ? parents[0].CaptionProperties : [];
    }

    /// <summary>The schema name, e.g. <c>Person</c>.</summary>
    public string Name { get; }

    /// <summary>The schemata this one extends.</summary>
    public IReadOnlyList<Schema> Parents { get; }

    /// <summary>Whether entities of this schema are candidates in name screening.</summary>
    public bool Matchable { get; }

    /// <summary>Abstract schemata (Thing, LegalEntity, Interval) describe but are rarely instantiated.</summary>
    public bool IsAbstract { get; }

    /// <summary>For link schemata (Ownership, Family, …): the properties naming the two ends.</summary>
    public (string Source, string Target)? Edge { get; }

    /// <summary>Properties whose first value names the entity for display, in order of preference.</summary>
    public IReadOnlyList<string> CaptionProperties { get; }

    /// <summary>All properties, own and inherited.</summary>
    public IEnumerable<PropertyDef> Properties => _properties.Values;

    /// <summary>The property of that name, or null if the schema has none.</summary>
    public PropertyDef? GetProperty(string name) => _properties.GetValueOrDefault(name);

    /// <summary>The definition of a property by its name's characters, without making a string of them.</summary>
    internal PropertyDef? GetProperty(ReadOnlySpan<char> name) =>
        _properties.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(name, out var def) ? def : null;

    /// <summary>True when this schema is <paramref name="other"/> or extends it.</summary>
    public bool IsA(string other) => _ancestors.Contains(other);

    /// <inheritdoc />
    public override string ToString() => Name;
}
