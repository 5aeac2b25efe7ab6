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

    /// <summary>Rebuilds an entity from stored parts (trusted: the store wrote them).</summary>
    public static Entity FromStored(string id, string schema, string? dataset, string? sourceRef, ReadOnlySpan<byte> propertiesUtf8)
    {
        var builder = new EntityBuilder(id, Schemata.Get(schema), sourceRef);
        var reader = new Utf8JsonReader(propertiesUtf8);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            while (reader.Read() && reader.TokenType == JsonTokenType.String)
            {
                builder.Add(name, reader.GetString());
            }
        }

        var entity = builder.Build();
        return dataset is null ? entity : entity.WithDataset(dataset);
    }

    /// <summary>Compact, non-escaping-of-non-ASCII writer settings (names in Arabic stay readable).</summary>
    public static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };
}
