using System.Diagnostics;
using System.Text;
using Cordon.Cli.Tests.Support;
using Cordon.Tests.Support;

namespace Cordon.Cli.Tests;

/// <summary>Every kind of bad input: a clear error naming the place, exit code 2, and the database unchanged.</summary>
public sealed class BadInputTests
{
    private const string GoodLine = """{"id":"base-1","schema":"Person","properties":{"name":["Jane Example"],"birthDate":["1980"]}}""";

    public static TheoryData<string, string, string, string> Cases => new()
    {
        // name, format, file content (or a marker), expected fragment of the message
        { "truncated xml", "un", "@truncated-un", "malformed XML" },
        { "wrong xml root", "un", "<?xml version=\"1.0\"?>\n<sdnList></sdnList>", "expected <CONSOLIDATED_LIST>" },
        { "csv without a name column", "csv", "id,fullname\n1,Jane\n", "no column maps to 'name'" },
        { "csv with a broken quote", "csv", "id,name\n1,Jane\n2,\"Broken\n3,Fine\n", ":3: unterminated quoted field" },
        { "csv row with too many columns", "csv", "id,name\n1,Jane,extra\n", ":2: 3 columns where the header has 2" },
        { "json line that is not an object", "ftm", GoodLine + "\n[1,2,3]\n", ":2: expected a JSON object" },
        { "malformed json", "ftm", GoodLine + "\n{\"id\": \"x\",\n", ":2: malformed JSON" },
        { "unknown schema", "ftm", """{"id":"x1","schema":"Spaceship","properties":{}}""", ":1: schema: unknown schema 'Spaceship'" },
        { "unknown property", "ftm", """{"id":"x1","schema":"Person","properties":{"name":["A"],"shoeSize":["44"]}}""", "properties.shoeSize: schema Person has no property 'shoeSize'" },
        { "invalid date", "ftm", """{"id":"x1","schema":"Person","properties":{"name":["A"],"birthDate":["1980-02-31"]}}""", "properties.birthDate: invalid date '1980-02-31'" },
        { "missing id", "ftm", """{"schema":"Person","properties":{"name":["A"]}}""", ":1: id: missing" },
        { "empty file", "ftm", "", "file is empty" },
        { "only blank lines", "ftm", "\n\n  \n", "no entities found" },
        { "an over-long line", "ftm", "@long-line", "line longer than" },
        { "ofac row with too few columns", "ofac", "36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\"\r\n", ":1: expected 12 columns, found 4" },
        { "ofac row with a non-numeric ent_num", "ofac", "X36,\"A\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n", "ent_num: 'X36' is not a number" },
        { "ofac xml without sdnList root", "ofac-xml", "<?xml version=\"1.0\"?>\n<CONSOLIDATED_LIST/>", "sdnList" },
        { "duplicate ids", "ftm", GoodLine + "\n" + GoodLine + "\n", "appears twice" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bad_input_is_refused_with_its_place_and_leaves_the_database_unchanged(string name, string format, string content, string expected)
    {
        // Given a database holding one dataset
        var dir = TestData.TempDirectory();
        var db = Path.Combine(dir, "c.db");
        var good = Path.Combine(dir, "good.json");
        File.WriteAllText(good, GoodLine + "\n");
        Assert.Equal(0, CordonProcess.Run("import", "ftm", good, "--dataset", "base", "--db", db).ExitCode);
        var before = CordonProcess.Snapshot(db);

        // When a bad file is imported into that same dataset
        var bad = Path.Combine(dir, "bad-input." + format);
        Write(bad, content);
        var result = CordonProcess.Run("import", format, bad, "--dataset", "base", "--db", db);

        // Then it is refused with exit code 2, a message naming the file and the reason, and nothing changed
        Assert.True(result.ExitCode == 2, $"{name}: exit {result.ExitCode}, stderr {result.Stderr}");
        Assert.Contains(bad, result.Stderr, StringComparison.Ordinal);
        Assert.Contains(expected, result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, CordonProcess.Snapshot(db));
    }

    [Fact]
    public void A_missing_file_is_named_in_the_error()
    {
        var dir = TestData.TempDirectory();
        var missing = Path.Combine(dir, "nope.xml");

        var result = CordonProcess.Run("import", "un", missing, "--db", Path.Combine(dir, "c.db"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{missing}: file not found", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_two_gigabyte_file_of_garbage_is_refused_at_once()
    {
        // Given a 2 GB file of zero bytes (sparse, so it costs no disk)
        var dir = TestData.TempDirectory();
        var garbage = Path.Combine(dir, "garbage.json");
        using (var stream = File.Create(garbage))
        {
            stream.SetLength(2L << 30);
        }

        // When it is imported as each format
        foreach (var format in new[] { "ftm", "un", "csv" })
        {
            var watch = Stopwatch.StartNew();
            var result = CordonProcess.Run("import", format, garbage, "--db", Path.Combine(dir, "c.db"));

            // Then it is refused as binary without reading it all
            Assert.Equal(2, result.ExitCode);
            Assert.Contains("binary data", result.Stderr, StringComparison.Ordinal);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"{format} took {watch.Elapsed}");
        }
    }

    [Fact]
    public void Usage_errors_exit_with_code_2()
    {
        Assert.Equal(2, CordonProcess.Run("import", "pdf", "x").ExitCode);
        Assert.Equal(2, CordonProcess.Run("screen").ExitCode);
        Assert.Equal(2, CordonProcess.Run("screen", "Jane", "--threshold", "7", "--db", Path.Combine(TestData.TempDirectory(), "c.db")).ExitCode);
        Assert.Equal(2, CordonProcess.Run("screen", "Jane", "--dob", "yesterday", "--db", Path.Combine(TestData.TempDirectory(), "c.db")).ExitCode);
        Assert.Equal(2, CordonProcess.Run("entity", "no-such-id", "--db", Path.Combine(TestData.TempDirectory(), "c.db")).ExitCode);
    }

    private static void Write(string path, string content)
    {
        if (content == "@truncated-un")
        {
            var bytes = File.ReadAllBytes(TestData.Path("lists/un/UN_consolidated.xml"));
            File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        }
        else if (content == "@long-line")
        {
            File.WriteAllText(path, "{\"id\":\"" + new string('x', 5 << 20) + "\"}\n", Encoding.UTF8);
        }
        else
        {
            File.WriteAllText(path, content, new UTF8Encoding(false));
        }
    }
}
