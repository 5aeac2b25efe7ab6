using System.Buffers;
using System.Text.Json;
using Cordon.Model;

namespace Cordon.Text;

/// <summary>Small JSON documents as text (audit details, notifications): compact, non-ASCII left readable.</summary>
public static class JsonText
{
    /// <summary>One JSON object whose members <paramref name="write"/> writes.</summary>
    public static string Object(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, EntityJson.WriterOptions))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
