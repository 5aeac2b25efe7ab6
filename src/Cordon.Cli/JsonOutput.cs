using System.Text.Json;
using Cordon.Model;

namespace Cordon.Cli;

/// <summary>Writes one JSON document to stdout: the stable, machine-readable shape of each verb.</summary>
internal static class JsonOutput
{
    public static void Write(Action<Utf8JsonWriter> body)
    {
        using var stdout = Console.OpenStandardOutput();
        using (var writer = new Utf8JsonWriter(stdout, EntityJson.WriterOptions with { Indented = true }))
        {
            body(writer);
        }

        stdout.WriteByte((byte)'\n');
    }
}
