namespace Cordon.Text;

/// <summary>
/// Writes RFC 4180 CSV records, one per line: a field holding the delimiter, a quote or a line break is quoted with
/// its quotes doubled, so <see cref="CsvReader"/> reads back exactly what was written.
/// </summary>
public sealed class CsvWriter(TextWriter writer, char delimiter = ',')
{
    /// <summary>Writes one record; a null field is written as empty.</summary>
    public void WriteRecord(params ReadOnlySpan<string?> fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                writer.Write(delimiter);
            }

            WriteField(fields[i] ?? "");
        }

        writer.Write('\n');
    }

    private void WriteField(string field)
    {
        if (!NeedsQuotes(field))
        {
            writer.Write(field);
            return;
        }

        writer.Write('"');
        var span = field.AsSpan();
        int quote;
        while ((quote = span.IndexOf('"')) >= 0)
        {
            writer.Write(span[..(quote + 1)]);
            writer.Write('"');
            span = span[(quote + 1)..];
        }

        writer.Write(span);
        writer.Write('"');
    }

    private bool NeedsQuotes(string field)
    {
        foreach (var c in field)
        {
            if (c == delimiter || c is '"' or '\r' or '\n')
            {
                return true;
            }
        }

        return false;
    }
}
