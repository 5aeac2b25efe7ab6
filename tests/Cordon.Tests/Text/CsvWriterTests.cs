using Cordon.Text;

namespace Cordon.Tests.Text;

public sealed class CsvWriterTests
{
    [Fact]
    public void Only_fields_with_a_delimiter_quote_or_line_break_are_quoted()
    {
        // Given a writer
        var text = new StringWriter();
        var csv = new CsvWriter(text);

        // When records with plain and special fields are written
        csv.WriteRecord("plain", "Smith, John", "say \"hi\"", "two\nlines", "cr\r", null, " spaced ");

        // Then only the special ones are quoted, with their quotes doubled
        Assert.Equal("plain,\"Smith, John\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\r\",, spaced \n", text.ToString());
    }

    [Fact]
    public void What_is_written_reads_back_unchanged()
    {
        // Given awkward fields
        string[] fields = ["\"", "\"\"", ",", "a\r\nb", "", "ümlaut"];
        var text = new StringWriter();

        // When they are written and read back
        new CsvWriter(text).WriteRecord(fields);
        using var reader = new CsvReader(new StringReader(text.ToString()), "round-trip.csv");
        var read = new List<string>();

        // Then the reader returns exactly the same fields
        Assert.True(reader.TryReadRecord(read));
        Assert.Equal(fields, read);
    }
}
