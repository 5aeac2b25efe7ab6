using Cordon.Lists;
using Cordon.Text;

namespace Cordon.Tests.Text;

public sealed class CsvReaderTests
{
    private const string File = "test.csv";

    private static List<(long Line, List<string> Fields)> ReadAll(string text, int maxRecordChars = 1 << 20, char delimiter = ',')
    {
        using var csv = new CsvReader(new StringReader(text), File, delimiter, maxRecordChars);
        var records = new List<(long, List<string>)>();
        var fields = new List<string>();
        while (csv.TryReadRecord(fields))
        {
            records.Add((csv.RecordLine, [.. fields]));
        }

        return records;
    }

    private static List<List<string>> Records(string text) => [.. ReadAll(text).Select(r => r.Fields)];

    [Fact]
    public void Plain_fields_are_split_on_the_delimiter()
    {
        var records = Records("a,b,c\n1,2,3\n");
        Assert.Equal([["a", "b", "c"], ["1", "2", "3"]], records);
    }

    [Fact]
    public void Quoted_fields_may_hold_commas_newlines_and_doubled_quotes()
    {
        // Given quoted fields with every special character
        var records = Records("id,text\n1,\"Smith, John\"\n2,\"line one\nline two\"\n3,\"say \"\"hi\"\"\"\n");

        // Then each is read as one field with its content
        Assert.Equal(4, records.Count);
        Assert.Equal(["1", "Smith, John"], records[1]);
        Assert.Equal(["2", "line one\nline two"], records[2]);
        Assert.Equal(["3", "say \"hi\""], records[3]);
    }

    [Fact]
    public void Empty_fields_and_an_empty_quoted_field_are_kept()
    {
        var records = Records("a,,\"\",d,\n");
        Assert.Equal([["a", "", "", "d", ""]], records);
    }

    [Fact]
    public void Crlf_line_endings_are_one_line_break()
    {
        // Given CRLF lines
        var records = ReadAll("a,b\r\nc,d\r\ne,f");

        // Then the records and their lines are as with LF
        Assert.Equal([1L, 2L, 3L], records.Select(r => r.Line));
        Assert.Equal(["e", "f"], records[2].Fields);
    }

    [Fact]
    public void Record_line_is_where_a_record_starts_even_when_records_span_lines()
    {
        // Given a record spanning lines 2-4 and a blank line before the last
        var records = ReadAll("h1,h2\n1,\"a\nb\nc\"\n\n2,x\n");

        // Then each record reports its starting line
        Assert.Equal([1L, 2L, 6L], records.Select(r => r.Line));
        Assert.Equal(["1", "a\nb\nc"], records[1].Fields);
    }

    [Fact]
    public void Blank_lines_are_skipped()
    {
        var records = Records("\n\na\r\n\r\nb\n");
        Assert.Equal([["a"], ["b"]], records);
    }

    [Theory]
    [InlineData("a,b\r\n\u001A")]
    [InlineData("a,b\u001A")]
    [InlineData("a,\"b\"\u001A")]
    public void A_trailing_end_of_file_byte_is_ignored(string text)
    {
        // When an OFAC-style file ends with 0x1A
        var records = Records(text);

        // Then it is neither a field character nor a record
        Assert.Equal([["a", "b"]], records);
    }

    [Fact]
    public void An_end_of_file_byte_inside_text_is_kept()
    {
        var records = Records("a\u001Ab,c\n");
        Assert.Equal([["a\u001Ab", "c"]], records);
    }

    [Fact]
    public void Spaces_between_a_closing_quote_and_the_delimiter_are_tolerated()
    {
        var records = Records("\"a\"  ,\"b\" \n");
        Assert.Equal([["a", "b"]], records);
    }

    [Fact]
    public void Another_delimiter_can_be_used()
    {
        var records = ReadAll("a;\"b;c\"\n", delimiter: ';');
        Assert.Equal(["a", "b;c"], records[0].Fields);
    }

    [Fact]
    public void An_unterminated_quote_is_refused_at_the_line_it_opened_on()
    {
        // Given a quote opened on line 2 and never closed
        var error = Assert.Throws<ImportException>(() => ReadAll("a,b\n1,\"never closed\n3,4\n5,6\n"));

        // Then the opening line is named
        Assert.Equal(File, error.File);
        Assert.Equal(2, error.Line);
        Assert.Contains("unterminated quoted field", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Junk_after_a_closing_quote_is_refused()
    {
        // Given text after a closing quote on line 2
        var error = Assert.Throws<ImportException>(() => ReadAll("a,b\n1,\"two\"x,3\n"));

        // Then the character and line are named
        Assert.Equal(2, error.Line);
        Assert.Contains("unexpected character 'x' after a closing quote", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a,b\nc,d\0e\n")]
    [InlineData("a,b\nc,\"d\0e\"\n")]
    public void A_nul_byte_is_refused_as_binary(string text)
    {
        var error = Assert.Throws<ImportException>(() => ReadAll(text));
        Assert.Equal(2, error.Line);
        Assert.Contains("NUL", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_over_long_record_is_refused_at_its_first_line()
    {
        // Given a limit of 10 characters and a quoted record of 12 starting on line 2
        var error = Assert.Throws<ImportException>(() => ReadAll("ok,ok\n\"abcdef\nghijkl\"\n", maxRecordChars: 10));

        // Then the record's start line and the limit are named
        Assert.Equal(2, error.Line);
        Assert.Contains("record longer than 10 characters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_record_exactly_at_the_limit_is_read()
    {
        var records = Records("abcde,fghij\n");
        Assert.Equal(["abcde", "fghij"], ReadAll("abcde,fghij\n", maxRecordChars: 10)[0].Fields);
        Assert.Single(records);
    }

    [Fact]
    public void Empty_input_has_no_records()
    {
        Assert.Empty(Records(""));
        Assert.Empty(Records("\r\n\n"));
    }
}
