using System.Text;
using Cordon.Lists;

namespace Cordon.Text;

/// <summary>
/// A streaming RFC 4180 CSV reader that names the line of every error, refuses binary data and over-long records
/// (so a 2 GB file of garbage fails fast instead of filling memory), and ignores the 0x1A end-of-file byte that
/// OFAC's files end with.
/// </summary>
public sealed class CsvReader : IDisposable
{
    private const char EndOfFileMarker = '\u001A';
    private readonly TextReader _reader;
    private readonly string _file;
    private readonly char _delimiter;
    private readonly int _maxRecordChars;
    private readonly StringBuilder _field = new();
    private long _line = 1;

    public CsvReader(TextReader reader, string file, char delimiter = ',', int maxRecordChars = 1 << 20)
    {
        _reader = reader;
        _file = file;
        _delimiter = delimiter;
        _maxRecordChars = maxRecordChars;
    }

    /// <summary>The 1-based line on which the record last returned starts.</summary>
    public long RecordLine { get; private set; }

    /// <summary>Reads the next record into <paramref name="fields"/>; false at the end of the input. Blank lines are skipped.</summary>
    public bool TryReadRecord(List<string> fields)
    {
        fields.Clear();
        while (true)
        {
            var c = _reader.Peek();
            if (c == -1)
            {
                return false;
            }

            if (c is '\r' or '\n')
            {
                ReadNewline();
                continue;
            }

            if (c == EndOfFileMarker)
            {
                _reader.Read();
                continue;
            }

            break;
        }

        RecordLine = _line;
        var recordChars = 0;
        while (true)
        {
            _field.Clear();
            var next = _reader.Peek();
            if (next == '"')
            {
                ReadQuoted(ref recordChars);
            }
            else
            {
                ReadUnquoted(ref recordChars);
            }

            fields.Add(_field.ToString());
            next = _reader.Peek();
            if (next == _delimiter)
            {
                _reader.Read();
                continue;
            }

            if (next is '\r' or '\n')
            {
                ReadNewline();
            }

            return true;
        }
    }

    private void ReadUnquoted(ref int recordChars)
    {
        while (true)
        {
            var c = _reader.Peek();
            if (c == -1 || c == _delimiter || c is '\r' or '\n')
            {
                return;
            }

            _reader.Read();
            if (c == EndOfFileMarker && _reader.Peek() == -1)
            {
                return;
            }

            Append((char)c, ref recordChars);
        }
    }

    private void ReadQuoted(ref int recordChars)
    {
        var startLine = _line;
        _reader.Read();
        while (true)
        {
            var c = _reader.Read();
            if (c == -1)
            {
                throw new ImportException(_file, startLine, null, "unterminated quoted field: the closing quote is missing");
            }

            if (c == '"')
            {
                var after = _reader.Peek();
                if (after == '"')
                {
                    _reader.Read();
                    Append('"', ref recordChars);
                    continue;
                }

                // Tolerate spaces between the closing quote and the delimiter, which some exports write.
                while (after == ' ')
                {
                    _reader.Read();
                    after = _reader.Peek();
                }

                if (after == -1 || after == _delimiter || after is '\r' or '\n' || after == EndOfFileMarker)
                {
                    return;
                }

                throw new ImportException(_file, _line, null, $"unexpected character '{(char)after}' after a closing quote");
            }

            if (c == '\n')
            {
                _line++;
            }

            Append((char)c, ref recordChars);
        }
    }

    private void Append(char c, ref int recordChars)
    {
        if (c == '\0')
        {
            throw new ImportException(_file, _line, null, "binary data (a NUL byte) where text was expected");
        }

        if (++recordChars > _maxRecordChars)
        {
            throw new ImportException(_file, RecordLine, null, $"record longer than {_maxRecordChars} characters: not a CSV file of this kind");
        }

        _field.Append(c);
    }

    private void ReadNewline()
    {
        if (_reader.Read() == '\r' && _reader.Peek() == '\n')
        {
            _reader.Read();
        }

        _line++;
    }

    public void Dispose() => _reader.Dispose();
}
