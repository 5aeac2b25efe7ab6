using System.Text.Json;
using Cordon.Model;

namespace Cordon.Lists.Ftm;

/// <summary>
/// Reads FollowTheMoney JSON lines (one entity object a line), as written by <see cref="FtmJsonWriter"/>, OpenSanctions
/// and Aleph. Ids are kept as they are (FtM ids are already stable); unknown schemata and properties are refused.
/// </summary>
public sealed class FtmJsonReader : IListReader
{
    /// <summary>A line longer than this is refused rather than read into memory.</summary>
    public const int MaxLineBytes = 4 << 20;

    public string Format => "ftm";

    public string DefaultDataset => "ftm";

    public string DefaultOwner => "local";

    public IEnumerable<Entity> Read(string path, ImportContext context, CancellationToken cancellationToken)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var lines = new LineReader(stream, path, MaxLineBytes);
        var seen = new Dictionary<string, long>(StringComparer.Ordinal);
        while (lines.TryReadLine(out var line, out var number))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (line.IsEmpty || IsBlank(line))
            {
                continue;
            }

            var entity = Parse(line, path, number);
            if (!seen.TryAdd(entity.Id, number))
            {
                throw new ImportException(path, number, "id", $"'{entity.Id}' appears twice (first on line {seen[entity.Id]})");
            }

            yield return entity;
        }
    }

    /// <summary>Parses one line; errors name the file, the line and the field.</summary>
    public static Entity Parse(ReadOnlySpan<byte> line, string file, long number)
    {
        try
        {
            var reader = new Utf8JsonReader(line, new JsonReaderOptions { MaxDepth = 8 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new ImportException(file, number, null, $"expected a JSON object, found {Describe(reader.TokenType)}");
            }

            string? id = null, schemaName = null, sourceRef = null;
            List<(string Name, List<string> Values)>? properties = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var field = reader.GetString();
                reader.Read();
                switch (field)
                {
                    case "id":
                        id = ReadString(ref reader, file, number, "id");
                        break;
                    case "schema":
                        schemaName = ReadString(ref reader, file, number, "schema");
                        break;
                    case "source_ref":
                        sourceRef = ReadString(ref reader, file, number, "source_ref");
                        break;
                    case "properties":
                        properties = ReadProperties(ref reader, file, number);
                        break;
                    default:
                        // Other top-level fields (caption, datasets, first_seen, referents, …) are derived or
                        // belong to the producer; the import's own dataset and clock replace them.
                        reader.Skip();
                        break;
                }
            }

            if (reader.Read())
            {
                throw new ImportException(file, number, null, "more than one JSON value on the line: one entity object a line");
            }

            if (id is null)
            {
                throw new ImportException(file, number, "id", "missing");
            }

            if (schemaName is null)
            {
                throw new ImportException(file, number, "schema", "missing");
            }

            var schema = Schemata.Find(schemaName)
                ?? throw new ImportException(file, number, "schema", $"unknown schema '{Shorten(schemaName)}'");
            var builder = new EntityBuilder(id, schema, sourceRef ?? id);
            foreach (var (name, values) in properties ?? [])
            {
                builder.AddRange(name, values);
            }

            return builder.Build();
        }
        catch (InvalidOperationException ex) when (ex.InnerException is System.Text.DecoderFallbackException || ex.Message.Contains("UTF-8", StringComparison.Ordinal))
        {
            throw new ImportException(file, number, null, "invalid UTF-8 text", ex);
        }
        catch (JsonException ex)
        {
            throw new ImportException(file, number, null, $"malformed JSON: {ex.Message.Split(" Path:", 2)[0]}", ex);
        }
        catch (ModelException ex)
        {
            throw new ImportException(file, number, ex.Field == "id" ? "id" : $"properties.{ex.Field}", ex.Reason, ex);
        }
    }

    private static List<(string, List<string>)> ReadProperties(ref Utf8JsonReader reader, string file, long number)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new ImportException(file, number, "properties", $"expected an object, found {Describe(reader.TokenType)}");
        }

        var result = new List<(string, List<string>)>();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            var values = new List<string>();
            if (reader.TokenType == JsonTokenType.String)
            {
                values.Add(reader.GetString()!);
            }
            else if (reader.TokenType == JsonTokenType.StartArray)
            {
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (reader.TokenType != JsonTokenType.String)
                    {
                        throw new ImportException(file, number, $"properties.{name}", $"values must be strings, found {Describe(reader.TokenType)}");
                    }

                    values.Add(reader.GetString()!);
                }
            }
            else
            {
                throw new ImportException(file, number, $"properties.{name}", $"expected a list of strings, found {Describe(reader.TokenType)}");
            }

            result.Add((name, values));
        }

        return result;
    }

    private static string ReadString(ref Utf8JsonReader reader, string file, long number, string field) =>
        reader.TokenType == JsonTokenType.String
            ? reader.GetString()!
            : throw new ImportException(file, number, field, $"expected a string, found {Describe(reader.TokenType)}");

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        JsonTokenType.None => "nothing",
        _ => token.ToString(),
    };

    private static bool IsBlank(ReadOnlySpan<byte> line) => line.IndexOfAnyExcept(" \t\r"u8) < 0;

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;

    /// <summary>Splits a stream into lines without ever holding more than one bounded line in memory.</summary>
    private sealed class LineReader(Stream stream, string file, int maxLineBytes)
    {
        private byte[] _buffer = new byte[1 << 16];
        private int _start;
        private int _end;
        private long _line;
        private bool _eof;

        public bool TryReadLine(out ReadOnlySpan<byte> line, out long number)
        {
            while (true)
            {
                var newline = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
                if (newline >= 0)
                {
                    line = Trim(_buffer.AsSpan(_start, newline));
                    _start += newline + 1;
                    number = ++_line;
                    return true;
                }

                if (_eof)
                {
                    if (_start < _end)
                    {
                        line = Trim(_buffer.AsSpan(_start, _end - _start));
                        _start = _end;
                        number = ++_line;
                        return true;
                    }

                    line = default;
                    number = _line;
                    return false;
                }

                Fill();
            }
        }

        private void Fill()
        {
            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }

            if (_end == _buffer.Length)
            {
                if (_buffer.Length >= maxLineBytes)
                {
                    throw new ImportException(file, _line + 1, null, $"line longer than {maxLineBytes} bytes: not FtM JSON lines");
                }

                Array.Resize(ref _buffer, Math.Min(_buffer.Length * 2, maxLineBytes));
            }

            var read = stream.Read(_buffer, _end, _buffer.Length - _end);
            if (read == 0)
            {
                _eof = true;
            }

            _end += read;
        }

        private ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> span)
        {
            if (_line == 0 && span.StartsWith("\uFEFF"u8))
            {
                span = span[3..];
            }

            return span.Length > 0 && span[^1] == '\r' ? span[..^1] : span;
        }
    }
}
