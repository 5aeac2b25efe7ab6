using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;

namespace Cordon.Model;

/// <summary>
/// The FollowTheMoney JSON form of an entity: <c>{"id","schema","properties":{name:[values]}}</c>, with the caption and
/// Cordon's provenance (<c>datasets</c>, <c>source_ref</c>) alongside. Properties are written in ordinal order so the
/// same entity always gives the same bytes (the store hashes them to detect changes).
/// </summary>
public static class EntityJson
{
    /// <summary>Writes the properties object only: the canonical part that the store keeps and hashes.</summary>
    public static void WriteProperties(Utf8JsonWriter writer, Entity entity)
    {
        writer.WriteStartObject();
        foreach (var name in entity.PropertyNames)
        {
            writer.WritePropertyName(name);
            writer.WriteStartArray();
            foreach (var value in entity.Get(name))
            {
                writer.WriteStringValue(value);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes the whole FtM entity object.</summary>
    public static void Write(Utf8JsonWriter writer, Entity entity)
    {
        writer.WriteStartObject();
        writer.WriteString("id", entity.Id);
        writer.WriteString("schema", entity.Schema.Name);
        writer.WriteString("caption", entity.Caption);
        writer.WritePropertyName("properties");
        WriteProperties(writer, entity);
        if (entity.Dataset is not null)
        {
            writer.WriteStartArray("datasets");
            writer.WriteStringValue(entity.Dataset);
            writer.WriteEndArray();
        }

        if (entity.SourceRef is not null)
        {
            writer.WriteString("source_ref", entity.SourceRef);
        }

        writer.WriteEndObject();
    }

    /// <summary>The properties object as compact UTF-8 JSON.</summary>
    public static byte[] PropertiesUtf8(Entity entity)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            WriteProperties(writer, entity);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>A content hash over schema, source reference and properties: equal hashes mean an unchanged entity.</summary>
    public static byte[] ContentHash(string schema, string? sourceRef, ReadOnlySpan<byte> propertiesUtf8)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes(schema + "\n" + sourceRef + "\n"));
        hash.AppendData(propertiesUtf8);
        return hash.GetHashAndReset()[..16];
    }

    /// <summary>
    /// Rebuilds an entity from stored parts. The values are checked and cleaned as on import, so a store written by an
    /// older version reads the same; a server reads a million of these at start, so nothing is built twice.
    /// </summary>
    public static Entity FromStored(string id, string schema, string? dataset, string? sourceRef, ReadOnlySpan<byte> propertiesUtf8)
    {
        EntityBuilder.CheckId(id);
        var schemaDef = Schemata.Get(schema);
        var scratch = t_stored ??= new StoredScratch();
        scratch.Clear();
        var reader = new Utf8JsonReader(propertiesUtf8);
        reader.Read();
        Span<char> nameBuffer = stackalloc char[64];
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var def = reader.ValueSpan.Length <= nameBuffer.Length
                ? schemaDef.GetProperty(nameBuffer[..reader.CopyString(nameBuffer)])
                : schemaDef.GetProperty(reader.GetString()!);
            if (def is null)
            {
                throw EntityBuilder.UnknownProperty(schemaDef, reader.GetString()!);
            }

            reader.Read();
            var start = scratch.Values.Count;
            while (reader.Read() && reader.TokenType == JsonTokenType.String)
            {
                var clean = PropertyValues.Clean(def, reader.GetString());
                if (clean is not null && scratch.Values.IndexOf(clean, start) < 0)
                {
                    scratch.Values.Add(clean);
                }
            }

            if (scratch.Values.Count > start)
            {
                scratch.Properties.Add((def.Name, start, scratch.Values.Count - start));
            }
        }

        return scratch.Build(id, schemaDef, dataset, sourceRef);
    }

    [ThreadStatic]
    private static StoredScratch? t_stored;

    /// <summary>One thread's properties of the entity being read: the values in order, and where each property's are.</summary>
    private sealed class StoredScratch
    {
        public List<(string Name, int Start, int Count)> Properties { get; } = [];

        public List<string> Values { get; } = [];

        public void Clear()
        {
            Properties.Clear();
            Values.Clear();
        }

        public Entity Build(string id, Schema schema, string? dataset, string? sourceRef)
        {
            // The store writes properties in ordinal order; anything else is sorted, and a property given twice is merged.
            var properties = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(Properties);
            properties.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
            var distinct = 0;
            for (var i = 0; i < properties.Length; i++)
            {
                if (i == 0 || properties[i].Name != properties[i - 1].Name)
                {
                    distinct++;
                }
            }

            var names = new string[distinct];
            var values = new string[distinct][];
            var at = -1;
            for (var i = 0; i < properties.Length; i++)
            {
                var (name, start, count) = properties[i];
                if (at >= 0 && names[at] == name)
                {
                    values[at] = [.. values[at].Union(Values.Skip(start).Take(count), StringComparer.Ordinal)];
                    continue;
                }

                names[++at] = name;
                values[at] = new string[count];
                Values.CopyTo(start, values[at], 0, count);
            }

            return new Entity(id, schema, names, values, dataset, sourceRef);
        }
    }

    /// <summary>Compact, non-escaping-of-non-ASCII writer settings (names in Arabic stay readable).</summary>
    public static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };
}
