using Cordon.Cli.Tests.Support;
using Cordon.Tests.Support;

namespace Cordon.Cli.Tests;

public sealed class ScreenFileCommandTests
{
    private static readonly Lazy<string> UnDb = new(() =>
    {
        var db = Path.Combine(TestData.TempDirectory(), "un.db");
        Assert.Equal(0, CordonProcess.Run("import", "un", TestData.Path("lists/un/UN_consolidated.xml"), "--db", db).ExitCode);
        return db;
    });

    private static (string Input, string Output) Files(string content)
    {
        var dir = TestData.TempDirectory();
        var input = Path.Combine(dir, "customers.csv");
        File.WriteAllText(input, content);
        return (input, Path.Combine(dir, "hits.csv"));
    }

    [Fact]
    public void A_file_with_a_listed_name_writes_its_hits_and_exits_1()
    {
        // Given the UN list and a file of a listed alias, an unlisted name and a blank name
        var (input, output) = Files("id,name,country\nc-1,Abu Mohammed al-Adnani,\nc-2,Wilhelmina Zzyzx,\nc-3,,\n");

        // When the file is screened with --json
        var result = CordonProcess.Run("screen-file", input, "--out", output, "--db", UnDb.Value, "--json");

        // Then it exits 1 for findings and the summary counts every row
        Assert.True(result.ExitCode == 1, result.Stderr);
        var json = result.Json;
        Assert.Equal(
            ["rows", "rows_with_hits", "rows_without_hits", "hits", "seconds", "rows_per_second", "out"],
            json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(3, json.GetProperty("rows").GetInt64());
        Assert.Equal(1, json.GetProperty("rows_with_hits").GetInt64());
        Assert.Equal(2, json.GetProperty("rows_without_hits").GetInt64());
        Assert.Equal(output, json.GetProperty("out").GetString());

        // And the output holds one row per hit, all for the listed row, QDi.325 first
        var lines = File.ReadAllLines(output);
        Assert.Equal("id,name,entity_id,dataset,score,matched_name", lines[0]);
        Assert.Equal("c-1,Abu Mohammed al-Adnani,un-QDi.325,un,1.0000,Abu Mohammed al-Adnani", lines[1]);
        Assert.Equal(json.GetProperty("hits").GetInt64(), lines.Length - 1);
        Assert.All(lines.Skip(1), line => Assert.StartsWith("c-1,", line, StringComparison.Ordinal));
        Assert.False(File.Exists(output + ".tmp"));
    }

    [Fact]
    public void A_file_of_unlisted_names_exits_0_with_only_a_header_and_prints_a_summary()
    {
        // Given a file of unlisted names without an id column
        var (input, output) = Files("name\nWilhelmina Zzyzx\nBartholomew Quux\n");

        // When the file is screened without --json
        var result = CordonProcess.Run("screen-file", input, "--out", output, "--db", UnDb.Value);

        // Then it exits 0, the summary table names the counts, and the output has only its header
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("Rows without hits", result.Stdout, StringComparison.Ordinal);
        Assert.Contains(output, result.Stdout, StringComparison.Ordinal);
        Assert.Equal(["id,name,entity_id,dataset,score,matched_name"], File.ReadAllLines(output));
    }

    [Fact]
    public void A_missing_name_column_exits_2_naming_the_header_and_leaves_no_output()
    {
        // Given a file whose header has no name column
        var (input, output) = Files("id,full_name\n1,Abu Mohammed al-Adnani\n");

        // When the file is screened
        var result = CordonProcess.Run("screen-file", input, "--out", output, "--db", UnDb.Value, "--json");

        // Then it exits 2 with the file, line and header in the message, and writes nothing
        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{input}:1: name: missing column (header: id,full_name)", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
        Assert.False(File.Exists(output));
        Assert.False(File.Exists(output + ".tmp"));
    }

    [Fact]
    public void A_bad_date_in_a_row_exits_2_naming_its_line_and_field()
    {
        // Given a file whose third line has an impossible birth date
        var (input, output) = Files("name,dob\nAbu Mohammed al-Adnani,1977\nJane Roe,1980-02-31\n");

        // When the file is screened
        var result = CordonProcess.Run("screen-file", input, "--out", output, "--db", UnDb.Value);

        // Then it exits 2 naming the line and the column, and leaves no output
        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{input}:3: dob: invalid date '1980-02-31'", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Theory]
    [InlineData("--threshold", "1.5", "--threshold 1.5: must be between 0 and 1")]
    [InlineData("--limit", "0", "--limit must be at least 1")]
    public void Out_of_range_options_exit_2(string option, string value, string expected)
    {
        // Given a good input file
        var (input, output) = Files("name\nJane Roe\n");

        // When an option is out of range
        var result = CordonProcess.Run("screen-file", input, "--out", output, option, value, "--db", UnDb.Value);

        // Then it is refused before anything is written
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Writing_the_output_over_the_input_is_refused()
    {
        // Given an input file
        var (input, _) = Files("name\nJane Roe\n");

        // When --out names the input itself
        var result = CordonProcess.Run("screen-file", input, "--out", input, "--db", UnDb.Value);

        // Then it exits 2 and the input is untouched
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("is the input file", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("name\nJane Roe\n", File.ReadAllText(input));
    }
}
