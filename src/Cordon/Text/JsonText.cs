using System.Text.Json;

namespace Cordon.Text;

/// <summary>Small JSON documents as text (audit details, notifications): compact, non-ASCII left readable.</summary>
public static class JsonText
{
    /// <summary>One JSON object whose members <paramref name="write"/> writes.</summary>
    public static string Object(Action<Utf8JsonWriter> write)
    {
        using var scratch = JsonScratch.Take(relaxed: true);
        var writer = scratch.Writer;
        writer.WriteStartObject();
        write(writer);
        writer.WriteEndObject();
        writer.Flush();
        return System.Text.Encoding.UTF8.GetString(scratch.Buffer.WrittenSpan);
    }
}
