using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Cordon.Benchmarks;

/// <summary>The one-line JSON summary each benchmark ends with (numbers are written invariantly by the JSON writer).</summary>
internal static class BenchJson
{
    public static string Line(Action<Utf8JsonWriter> fields)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            fields(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
