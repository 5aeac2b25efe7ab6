using System.Text.Json;
using Cordon.Model;

namespace Cordon.Lists.Ftm;

/// <summary>Writes entities as FollowTheMoney JSON lines: one compact object a line, UTF-8, properties in ordinal order.</summary>
public static class FtmJsonWriter
{
    /// <summary>Writes every entity and returns how many were written.</summary>
    public static long Write(Stream output, IEnumerable<Entity> entities, CancellationToken cancellationToken = default)
    {
        long count = 0;
        using var writer = new Utf8JsonWriter(output, EntityJson.WriterOptions);
        foreach (var entity in entities)
        {
            cancellationToken.ThrowIfCancellationRequested();
            EntityJson.Write(writer, entity);
            writer.Flush();
            writer.Reset();
            output.WriteByte((byte)'\n');
            count++;
        }

        output.Flush();
        return count;
    }
}
