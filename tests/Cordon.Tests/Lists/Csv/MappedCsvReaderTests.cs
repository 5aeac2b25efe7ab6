using System.Text;
using Cordon.Lists;
using Cordon.Lists.Csv;
using Cordon.Model;
using Cordon.Tests.Support;

namespace Cordon.Tests.Lists.Csv;

public sealed class MappedCsvReaderTests
{
    private static string WriteCsv(string text)
    {
        var path = Path.Combine(TestData.TempDirectory(), "list.csv");
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    private static ImportContext Context(params (string Key, string Value)[] options) =>
        new("csv", options.ToDictionary(o => o.Key, o => o.Value, StringComparer.Ordinal));

    private static List<Entity> Read(string path, ImportContext? context = null) =>
        [.. new MappedCsvReader().Read(path, context ?? Context(), CancellationToken.None)];

    [Fact]
    public void Columns_named_like_properties_are_mapped_by_themselves()
    {
        // Given a header using FtM property names
        var path = WriteCsv("id,name,birthDate,nationality,alias,unrelated\nP1,Jane Roe,1970-01-02,France,J. Roe,ignored\n");

        // When it is read without a map
        var entity = Assert.Single(Read(path));

        // Then each matching column fills its property and the id comes from the id column
        Assert.Equal("csv-P1", entity.Id);
        Assert.Equal("P1", entity.SourceRef);
        Assert.Equal("Person", entity.Schema.Name);
        Assert.Equal(["Jane Roe"], entity.Get("name"));
        Assert.Equal(["1970-01-02"], entity.Get("birthDate"));
        Assert.Equal(["fr"], entity.Get("nationality"));
        Assert.Equal(["J. Roe"], entity.Get("alias"));
        Assert.Equal(["alias", "birthDate", "name", "nationality"], entity.PropertyNames);
    }

    [Fact]
    public void A_map_names_the_columns_for_each_property_and_the_id()
    {
        // Given a header of the agency's own names and a map as --map gives it
        var path = WriteCsv("ref,full_name,dob,name\nR-7,Yasser Khalaf Nazzal,1977,not this\n");
        var context = Context(("name", "full_name"), ("birthDate", "dob"), ("id", "ref"));

        // When read
        var entity = Assert.Single(Read(path, context));

        // Then only the mapped columns are used
        Assert.Equal("csv-R-7", entity.Id);
        Assert.Equal(["Yasser Khalaf Nazzal"], entity.Get("name"));
        Assert.Equal(["1977"], entity.Get("birthDate"));
    }

    [Fact]
    public void Mapped_column_names_match_the_header_ignoring_case()
    {
        var path = WriteCsv("Full_Name,DOB\nJane Roe,1970\n");
        var entity = Assert.Single(Read(path, Context(("name", "full_name"), ("birthDate", "dob"))));
        Assert.Equal(["Jane Roe"], entity.Get("name"));
        Assert.Equal(["1970"], entity.Get("birthDate"));
    }

    [Fact]
    public void The_schema_option_chooses_the_schema_of_every_row()
    {
        // Given organisation rows
        var path = WriteCsv("id,name,country\nO1,Al Noor Trading LLC,United Arab Emirates\n");

        // When read as Organization
        var entity = Assert.Single(Read(path, Context(("schema", "Organization"))));

        // Then the entity is an organisation
        Assert.Equal("Organization", entity.Schema.Name);
        Assert.Equal(["ae"], entity.Get("country"));
    }

    [Fact]
    public void An_unknown_schema_option_is_refused()
    {
        var path = WriteCsv("name\nJane\n");
        var error = Assert.Throws<ImportException>(() => Read(path, Context(("schema", "Robot"))));
        Assert.Equal("--schema", error.Field);
        Assert.Contains("'Robot'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_schema_column_chooses_the_schema_per_row()
    {
        // Given rows of two schemata, one row leaving the schema empty
        var path = WriteCsv("id,schema,name,country\n1,Person,Jane Roe,fr\n2,Organization,Acme,de\n3,,John Doe,gb\n");

        // When read
        var entities = Read(path);

        // Then each row has its own schema, the empty one the default
        Assert.Equal(["Person", "Organization", "Person"], entities.Select(e => e.Schema.Name));
    }

    [Fact]
    public void An_unknown_schema_in_the_schema_column_is_refused_with_line_and_column()
    {
        var path = WriteCsv("id,schema,name\n1,Person,Jane\n2,Robot,R2\n");
        var error = Assert.Throws<ImportException>(() => Read(path));
        Assert.Equal(3, error.Line);
        Assert.Equal("schema", error.Field);
    }

    [Fact]
    public void A_mixed_schema_file_accepts_empty_cells_of_properties_other_schemata_have()
    {
        // Given people and an organisation in one file, the organisation leaving birthDate empty
        var path = WriteCsv("id,schema,name,birthDate\n1,Person,Jane Roe,1970\n2,Organization,Acme Ltd,\n");

        // When read
        var entities = Read(path);

        // Then both rows are read
        Assert.Equal(["Person", "Organization"], entities.Select(e => e.Schema.Name));
        Assert.Equal(["1970"], entities[0].Get("birthDate"));
    }

    [Fact]
    public void A_filled_cell_of_a_property_the_row_schema_lacks_is_refused()
    {
        // Given an organisation row with a birth date
        var path = WriteCsv("id,schema,name,birthDate\n1,Person,Jane Roe,1970\n2,Organization,Acme Ltd,1999\n");

        // When read
        var error = Assert.Throws<ImportException>(() => Read(path));

        // Then the row and column are named
        Assert.Equal(3, error.Line);
        Assert.Equal("birthDate", error.Field);
    }

    [Fact]
    public void A_header_without_a_name_column_is_refused()
    {
        // Given no column called name and no map
        var path = WriteCsv("id,full_name,dob\n1,Jane,1970\n");

        // When read
        var error = Assert.Throws<ImportException>(() => Read(path));

        // Then the error says how to fix it, listing the header
        Assert.Equal(1, error.Line);
        Assert.Contains("no column maps to 'name'", error.Message, StringComparison.Ordinal);
        Assert.Contains("id, full_name, dob", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_map_naming_a_missing_column_is_refused()
    {
        var path = WriteCsv("id,full_name\n1,Jane\n");
        var error = Assert.Throws<ImportException>(() => Read(path, Context(("name", "full_name"), ("birthDate", "dob"))));
        Assert.Equal(1, error.Line);
        Assert.Equal("dob", error.Field);
        Assert.Contains("--map birthDate=dob: no such column", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_map_to_an_unknown_property_is_refused()
    {
        var path = WriteCsv("id,full_name,colour\n1,Jane,blue\n");
        var error = Assert.Throws<ImportException>(() => Read(path, Context(("name", "full_name"), ("favouriteColour", "colour"))));
        Assert.Equal("--map favouriteColour", error.Field);
        Assert.Contains("unknown property 'favouriteColour'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_row_with_the_wrong_column_count_is_refused_with_its_line()
    {
        // Given a third line with one column too many
        var path = WriteCsv("id,name\n1,Jane\n2,John,extra\n");

        // When read
        var error = Assert.Throws<ImportException>(() => Read(path));

        // Then the line and both counts are named
        Assert.Equal(3, error.Line);
        Assert.Contains("3 columns where the header has 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_repeated_id_is_refused_at_its_second_row()
    {
        var path = WriteCsv("id,name\nA1,Jane\nB2,John\nA1,Joan\n");
        var error = Assert.Throws<ImportException>(() => Read(path));
        Assert.Equal(4, error.Line);
        Assert.Equal("id", error.Field);
        Assert.Contains("'A1' appears twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_id_is_refused()
    {
        var path = WriteCsv("id,name\n,Jane\n");
        var error = Assert.Throws<ImportException>(() => Read(path));
        Assert.Equal(2, error.Line);
        Assert.Equal("id", error.Field);
    }

    [Fact]
    public void An_invalid_date_is_refused_naming_the_column()
    {
        // Given a mapped date column with an impossible date on line 3
        var path = WriteCsv("ref,full_name,dob\n1,Jane,1970\n2,John,1980-02-31\n");

        // When read
        var error = Assert.Throws<ImportException>(() => Read(path, Context(("name", "full_name"), ("birthDate", "dob"), ("id", "ref"))));

        // Then the column (not the property) and the value are named
        Assert.Equal(3, error.Line);
        Assert.Equal("dob", error.Field);
        Assert.Contains("'1980-02-31'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_name_is_refused_naming_the_name_column()
    {
        var path = WriteCsv("id,full_name\n1,  \n");
        var error = Assert.Throws<ImportException>(() => Read(path, Context(("name", "full_name"), ("id", "id"))));
        Assert.Equal(2, error.Line);
        Assert.Equal("full_name", error.Field);
    }

    [Fact]
    public void Rows_without_an_id_column_get_stable_content_ids()
    {
        // Given the same rows in two files, and a warning-collecting context
        var first = WriteCsv("name,birthDate\nJane Roe,1970\nJohn Doe,1980\n");
        var second = WriteCsv("name,birthDate\nJohn Doe,1980\nJane Roe,1970\nJane Roe,1971\n");
        var context = Context();

        // When both are read
        var a = Read(first, context);
        var b = Read(second);

        // Then a row has the same id wherever it is, different rows differ, and the missing id column is warned about
        Assert.Equal(a[0].Id, b[1].Id);
        Assert.Equal(a[1].Id, b[0].Id);
        Assert.NotEqual(b[1].Id, b[2].Id);
        Assert.Matches("^csv-[0-9a-f]{16}$", a[0].Id);
        Assert.Contains(context.Warnings, w => w.Contains("no id column", StringComparison.Ordinal));
    }

    [Fact]
    public void Identical_rows_without_an_id_column_are_refused_as_duplicates()
    {
        var path = WriteCsv("name\nJane Roe\nJane Roe\n");
        var error = Assert.Throws<ImportException>(() => Read(path));
        Assert.Equal(3, error.Line);
        Assert.Contains("appears twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_delimiter_option_reads_semicolon_files()
    {
        var path = WriteCsv("id;name;nationality\n1;Roe, Jane;Iraq\n");
        var entity = Assert.Single(Read(path, Context(("delimiter", ";"))));
        Assert.Equal(["Roe, Jane"], entity.Get("name"));
        Assert.Equal(["iq"], entity.Get("nationality"));
    }

    [Fact]
    public void An_empty_file_is_refused_for_lack_of_a_header()
    {
        var path = WriteCsv("\n\n");
        var error = Assert.Throws<ImportException>(() => Read(path));
        Assert.Contains("no header row", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_header_naming_a_column_twice_is_refused()
    {
        var path = WriteCsv("id,name,Name\n1,a,b\n");
        var error = Assert.Throws<ImportException>(() => Read(path));
        Assert.Equal("Name", error.Field);
        Assert.Contains("appears twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_utf8_bom_and_crlf_endings_are_accepted()
    {
        var path = Path.Combine(TestData.TempDirectory(), "bom.csv");
        File.WriteAllText(path, "id,name\r\n1,Müller\r\n", new UTF8Encoding(true));
        var entity = Assert.Single(Read(path));
        Assert.Equal("csv-1", entity.Id);
        Assert.Equal(["Müller"], entity.Get("name"));
    }

    [Fact]
    public void Ids_that_differ_only_in_punctuation_do_not_give_two_entities_one_id()
    {
        // Given two distinct source ids that clean to the same entity id
        var path = WriteCsv("id,name\nAB/1,Jane Roe\nAB-1,John Doe\n");

        // When read
        var error = Record.Exception(() => Read(path));

        // Then either the clash is refused or the ids stay distinct
        if (error is null)
        {
            var ids = Read(path).Select(e => e.Id).ToList();
            Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        }
        else
        {
            Assert.IsType<ImportException>(error);
        }
    }
}
