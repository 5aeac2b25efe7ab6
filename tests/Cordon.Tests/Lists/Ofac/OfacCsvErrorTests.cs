using Cordon.Lists;
using Cordon.Tests.Support;
using static Cordon.Tests.Lists.Ofac.OfacFiles;

namespace Cordon.Tests.Lists.Ofac;

public sealed class OfacCsvErrorTests
{
    [Fact]
    public void A_row_with_the_wrong_column_count_is_refused_with_its_line()
    {
        // Given an sdn.csv whose second row lost a column
        var folder = CsvSet([SdnRow(1, "ONE, Person"), "2,\"TWO, Person\",\"individual\",\"SDGT\""]);

        // When it is read
        var error = Assert.Throws<ImportException>(() => ReadCsv(folder));

        // Then the error names the file, the line and what was wrong
        Assert.EndsWith("sdn.csv", error.File, StringComparison.Ordinal);
        Assert.Equal(2, error.Line);
        Assert.Contains("expected 12 columns, found 4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_quote_is_refused_with_the_line_it_opened_on()
    {
        // Given a name whose closing quote is missing
        var folder = CsvSet([SdnRow(1, "ONE, Person"), "2,\"TWO, Person,\"individual\",\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- "]);

        // When it is read
        var error = Assert.Throws<ImportException>(() => ReadCsv(folder));

        // Then the CSV layer's reason comes through with the place
        Assert.EndsWith("sdn.csv", error.File, StringComparison.Ordinal);
        Assert.Equal(2, error.Line);
        Assert.Contains("quote", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_non_numeric_ent_num_is_refused()
    {
        // Given a row whose ent_num is text
        var folder = CsvSet([SdnRow(1, "ONE, Person"), SdnRow(2, "TWO, Person").Replace("2,", "X2,", StringComparison.Ordinal)]);

        // When it is read
        var error = Assert.Throws<ImportException>(() => ReadCsv(folder));

        // Then the field and the value are named
        Assert.Equal(2, error.Line);
        Assert.Equal("ent_num", error.Field);
        Assert.Contains("'X2' is not a number", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_repeated_ent_num_is_refused_at_its_second_row()
    {
        // Given two rows with ent_num 5
        var folder = CsvSet([SdnRow(5, "ONE, Person"), SdnRow(6, "TWO, Person"), SdnRow(5, "THREE, Person")]);

        // When it is read
        var error = Assert.Throws<ImportException>(() => ReadCsv(folder));

        // Then the second occurrence is the one named
        Assert.Equal(3, error.Line);
        Assert.Contains("ent_num 5 appears twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_alt_row_with_the_wrong_column_count_is_refused()
    {
        // Given an alt.csv row with an extra column
        var folder = CsvSet([SdnRow(1, "ONE, Person")], alt: [AltRow(1, 1, "aka", "UNO"), AltRow(1, 2, "aka", "EINS") + ",-0- "]);

        // When it is read
        var error = Assert.Throws<ImportException>(() => ReadCsv(folder));

        // Then alt.csv and its line are named
        Assert.EndsWith("alt.csv", error.File, StringComparison.Ordinal);
        Assert.Equal(2, error.Line);
        Assert.Contains("expected 5 columns, found 6", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_add_row_with_the_wrong_column_count_is_refused()
    {
        // Given an add.csv row missing its remarks column
        var folder = CsvSet([SdnRow(1, "ONE, Person")], add: ["1,1,\"1 Main St\",\"Cairo\",\"Egypt\""]);

        // When it is read
        var error = Assert.Throws<ImportException>(() => ReadCsv(folder));

        // Then add.csv and its line are named
        Assert.EndsWith("add.csv", error.File, StringComparison.Ordinal);
        Assert.Equal(1, error.Line);
        Assert.Contains("expected 6 columns, found 5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_refused()
    {
        // Given a path where nothing is
        var path = Path.Combine(TestData.TempDirectory(), "sdn.csv");

        // When it is read
        var error = Assert.Throws<ImportException>(() => ReadCsv(path));

        // Then the reason says so
        Assert.Equal(path, error.File);
        Assert.Contains("file not found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_without_sdn_csv_is_refused()
    {
        // Given a folder holding only alt.csv
        var folder = CsvSet(null, alt: [AltRow(1, 1, "aka", "UNO")]);

        // When it is read
        var error = Assert.Throws<ImportException>(() => ReadCsv(folder));

        // Then the missing primary file is named
        Assert.EndsWith("sdn.csv", error.File, StringComparison.Ordinal);
        Assert.Contains("file not found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_sdn_csv_is_refused_rather_than_emptying_the_list()
    {
        // Given an sdn.csv of zero bytes, and one holding only OFAC's end-of-file byte
        var empty = TextFile("sdn.csv", "");
        var onlyMarker = CsvSet([]);

        // When each is read
        var first = Assert.Throws<ImportException>(() => ReadCsv(empty));
        var second = Assert.Throws<ImportException>(() => ReadCsv(onlyMarker));

        // Then both are refused: importing them would delete every listed party
        Assert.Contains("no SDN records", first.Message, StringComparison.Ordinal);
        Assert.Contains("no SDN records", second.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_name_is_refused_with_its_line()
    {
        // Given a row whose name is OFAC's empty marker
        var folder = CsvSet(["3,-0- ,\"individual\",\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- "]);

        // When it is read
        var error = Assert.Throws<ImportException>(() => ReadCsv(folder));

        // Then the field is named
        Assert.Equal(1, error.Line);
        Assert.Equal("SDN_Name", error.Field);
    }

    [Fact]
    public void Odd_values_in_the_remarks_are_kept_in_notes_without_failing_the_import()
    {
        // Given remarks with a date that is no date and a gender that is no gender
        var folder = CsvSet([SdnRow(4, "ODD, Case", remarks: "DOB 31 Feb 1970; Gender Mixed; Some free text.")]);
        var context = new ImportContext("ofac");

        // When it is read
        var person = Single(ReadCsv(folder, context), "ofac-4");

        // Then the clauses are kept verbatim and the refused ones warned about
        Assert.Equal(["DOB 31 Feb 1970", "Gender Mixed", "Some free text"], person.Get("notes"));
        Assert.Empty(person.Get("birthDate"));
        Assert.Equal(2, context.Warnings.Count(w => w.Contains("sdn.csv:1", StringComparison.Ordinal)));
    }
}
