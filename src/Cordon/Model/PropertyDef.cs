namespace Cordon.Model;

/// <summary>One property of a schema: its name, FtM type and, for entity references, the schema it points to.</summary>
public sealed record PropertyDef(string Name, PropertyType Type, string? Range = null);
