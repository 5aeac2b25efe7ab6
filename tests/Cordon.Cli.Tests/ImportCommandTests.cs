using Cordon.Cli.Tests.Support;
using Cordon.Tests.Support;

namespace Cordon.Cli.Tests;

public sealed class ImportCommandTests
{
    private static readonly string Un2026 = TestData.Path("lists/un/UN_consolidated.xml");
    private static readonly string Un2018 = TestData.Path("lists/un/UN_consolidated_2018-10-29.xml");

    [Fact]
    public void Importing_the_un_list_reports_1003_entities_as_json()
    {
        // Given an empty database
        var db = Path.Combine(TestData.TempDirectory(), "c.db");

        // When the 2026 UN list is imported
        var result = CordonProcess.Run("import", "un", Un2026, "--db", db, "--json");

        // Then the dataset, version and delta come back in the documented shape
        Assert.Equal(0, result.ExitCode);
        var json = result.Json;
        Assert.Equal("un", json.GetProperty("dataset").GetString());
        Assert.Equal(1, json.GetProperty("version").GetInt32());
        Assert.Equal(1003, json.GetProperty("added").GetInt32());
        Assert.Equal(0, json.GetProperty("changed").GetInt32());
        Assert.Equal(0, json.GetProperty("removed").GetInt32());
        Assert.Equal(1003, json.GetProperty("entities").GetInt32());
    }

    [Fact]
    public void Importing_2018_then_2026_reports_111_added_and_201_removed()
    {
        var db = Path.Combine(TestData.TempDirectory(), "c.db");
        Assert.Equal(0, CordonProcess.Run("import", "un", Un2018, "--db", db, "--json").ExitCode);

        var json = CordonProcess.Run("import", "un", Un2026, "--db", db, "--json").Json;

        Assert.Equal(2, json.GetProperty("version").GetInt32());
        Assert.Equal(111, json.GetProperty("added").GetInt32());
        Assert.Equal(201, json.GetProperty("removed").GetInt32());
        Assert.Equal(892, json.GetProperty("changed").GetInt32() + json.GetProperty("unchanged").GetInt32());
    }

    [Fact]
    public void Importing_the_same_list_twice_records_no_new_version()
    {
        var db = Path.Combine(TestData.TempDirectory(), "c.db");
        CordonProcess.Run("import", "un", Un2026, "--db", db);

        var json = CordonProcess.Run("import", "un", Un2026, "--db", db, "--json").Json;

        Assert.False(json.GetProperty("new_version").GetBoolean());
        Assert.Equal(1, json.GetProperty("version").GetInt32());
        Assert.Equal(1003, json.GetProperty("unchanged").GetInt32());
    }

    [Fact]
    public void Ftm_export_then_import_round_trips_the_same_entities()
    {
        // Given the UN list in one database, exported as FtM JSON lines
        var dir = TestData.TempDirectory();
        var first = Path.Combine(dir, "first.db");
        var second = Path.Combine(dir, "second.db");
        CordonProcess.Run("import", "un", Un2026, "--db", first);
        var export = CordonProcess.Run("export", "ftm", "--db", first);
        var file = Path.Combine(dir, "un.ftm.json");
        File.WriteAllText(file, export.Stdout);

        // When that export is imported into a second database under the same dataset name and exported again
        var import = CordonProcess.Run("import", "ftm", file, "--dataset", "un", "--db", second, "--json");
        var again = CordonProcess.Run("export", "ftm", "--db", second);

        // Then both exports are byte for byte the same
        Assert.Equal(0, import.ExitCode);
        Assert.Equal(3203, import.Json.GetProperty("total_entities").GetInt32());
        Assert.Equal(export.Stdout, again.Stdout);
    }

    [Fact]
    public void Csv_import_maps_columns_given_on_the_command_line()
    {
        var dir = TestData.TempDirectory();
        var csv = Path.Combine(dir, "people.csv");
        File.WriteAllText(csv, "ref,full_name,dob,nat\nA1,Jane Example,1980-02-03,France\nA2,\"Doe, John\",1975,de\n");

        var result = CordonProcess.Run("import", "csv", csv, "--map", "id=ref,name=full_name,birthDate=dob,nationality=nat",
            "--dataset", "members", "--db", Path.Combine(dir, "c.db"), "--json");
        var entity = CordonProcess.Run("entity", "members-A1", "--db", Path.Combine(dir, "c.db"), "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(2, result.Json.GetProperty("added").GetInt32());
        var properties = entity.Json.GetProperty("properties");
        Assert.Equal("1980-02-03", properties.GetProperty("birthDate")[0].GetString());
        Assert.Equal("fr", properties.GetProperty("nationality")[0].GetString());
    }

    [Fact]
    public void A_real_screening_list_csv_imports_with_a_column_map()
    {
        // Given the US Consolidated Screening List sample, whose columns are not FtM property names
        var dir = TestData.TempDirectory();
        var db = Path.Combine(dir, "c.db");
        var csv = TestData.Path("lists/us_csl/consolidated_sample_2025.csv");
        var rows = File.ReadLines(csv).Count(l => l.StartsWith('"'));

        // When it is imported as LegalEntity rows with a map
        var result = CordonProcess.Run("import", "csv", csv, "--schema", "LegalEntity", "--dataset", "csl",
            "--map", "id=_id,name=name,program=programs,notes=remarks", "--db", db, "--json");

        // Then every row became an entity whose id comes from the _id column
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal(rows, result.Json.GetProperty("entities").GetInt32());
        var entity = CordonProcess.Run("entity", "csl-233a4d725770c81fb561ffe3842c14010c2201971d6be62eca1e613b", "--db", db, "--json");
        Assert.StartsWith("Sinobright Import and Export Company", entity.Json.GetProperty("caption").GetString(), StringComparison.Ordinal);
    }
}
