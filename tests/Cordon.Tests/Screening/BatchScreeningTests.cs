using System.Globalization;
using System.Text;
using Cordon.Lists;
using Cordon.Model;
using Cordon.Screening;
using Cordon.Tests.Support;
using Cordon.Text;

namespace Cordon.Tests.Screening;

public sealed class BatchScreeningTests
{
    private const string Header = "id,name,entity_id,dataset,score,matched_name";

    private static Entity Person(string id, string name, string? birthDate = null, string? nationality = null, string dataset = "test") =>
        new EntityBuilder(id, Schemata.Person, id).Add("name", name).Add("birthDate", birthDate).Add("nationality", nationality).Build().WithDataset(dataset);

    private static Entity Organization(string id, string name, string dataset = "test") =>
        new EntityBuilder(id, Schemata.Organization, id).Add("name", name).Build().WithDataset(dataset);

    private static Screener ScreenerOf(params Entity[] entities) => new(ScreeningIndex.Build(entities));

    private static readonly Entity[] Listed =
    [
        Person("p-adnani", "Abou Mohamed al Adnani", "1977", "sy", "un"),
        Person("p-roe", "Jane Roe", "1980-02-03", "gb"),
        Organization("o-acme", "Acme Trading Company"),
    ];

    private static (string Input, string Output) Files(string content)
    {
        var dir = TestData.TempDirectory();
        var input = Path.Combine(dir, "in.csv");
        File.WriteAllText(input, content);
        return (input, Path.Combine(dir, "out.csv"));
    }

    private static List<List<string>> ReadCsv(string path)
    {
        using var csv = new CsvReader(File.OpenText(path), path);
        var records = new List<List<string>>();
        var fields = new List<string>();
        while (csv.TryReadRecord(fields))
        {
            records.Add([.. fields]);
        }

        return records;
    }

    [Fact]
    public void Each_hit_is_one_row_with_the_input_id_in_input_order()
    {
        // Given three listed entities and an input of three names, the first with no hit
        var (input, output) = Files("id,name\nc-9,Wilhelmina Zzyzx\nc-2,Jane Roe\nc-1,Abou Mohamed al Adnani\n");

        // When the file is screened
        var summary = BatchScreening.Run(ScreenerOf(Listed), input, output);

        // Then each hit is one row under the input's id, in input order, with an invariant four-decimal score
        Assert.Equal(
            [Header, "c-2,Jane Roe,p-roe,test,1.0000,Jane Roe", "c-1,Abou Mohamed al Adnani,p-adnani,un,1.0000,Abou Mohamed al Adnani"],
            File.ReadAllLines(output));
        Assert.Equal(new BatchScreeningSummary(3, 2, 1, 2, summary.Seconds, summary.RowsPerSecond), summary);
        Assert.False(File.Exists(output + ".tmp"));
    }

    [Fact]
    public void Rows_without_an_id_column_are_numbered_from_one_by_data_row()
    {
        // Given an input without an id column, where a quoted name spans two lines
        var (input, output) = Files("name\nJane Roe\n\"Acme\nTrading Company\"\nJane Roe\n");

        // When it is screened
        BatchScreening.Run(ScreenerOf(Listed), input, output);

        // Then the ids count data rows, not lines
        Assert.Equal(["1", "2", "3"], ReadCsv(output).Skip(1).Select(r => r[0]));
    }

    [Fact]
    public void Columns_are_found_whatever_their_case_and_other_columns_are_ignored()
    {
        // Given a header in capitals with an extra column in between
        var (input, output) = Files("Ref,Notes,NAME,Country,DOB,Schema\nr1,\"note, with comma\",Jane Roe,GB,1980-02-03,Person\nr2,x,Jane Roe,,,Organization\n");

        // When it is screened
        var summary = BatchScreening.Run(ScreenerOf(Listed), input, output);

        // Then the name, facts and schema were read: the person matches row 1 only, and the facts raised nothing above one
        var rows = ReadCsv(output);
        Assert.Equal(2, rows.Count);
        Assert.Equal(["1", "Jane Roe", "p-roe", "test", "1.0000", "Jane Roe"], rows[1]);
        Assert.Equal(1, summary.RowsWithHits);
        Assert.Equal(1, summary.RowsWithoutHits);
    }

    [Fact]
    public void Blank_names_are_counted_as_rows_without_hits_and_are_not_an_error()
    {
        // Given rows with an empty and a blank name, even with a bad date beside them
        var (input, output) = Files("id,name,dob\na,,\nb,   ,not-a-date\nc,Jane Roe,\n");

        // When it is screened
        var summary = BatchScreening.Run(ScreenerOf(Listed), input, output);

        // Then all three rows are counted and only the named one has a hit
        Assert.Equal((3L, 1L, 2L, 1L), (summary.Rows, summary.RowsWithHits, summary.RowsWithoutHits, summary.Hits));
        Assert.Equal("c", Assert.Single(ReadCsv(output).Skip(1))[0]);
    }

    [Fact]
    public void Limit_and_threshold_apply_to_every_row()
    {
        // Given two similar listed names
        var screener = ScreenerOf(Person("p-1", "Jane Roe"), Person("p-2", "Jane Rowe"));
        var (input, output) = Files("name\nJane Roe\n");

        // When screened with a limit of one, then with a threshold of one
        var limited = BatchScreening.Run(screener, input, output, new BatchScreeningOptions { Limit = 1, Threshold = 0.5 });
        var limitedRows = ReadCsv(output);
        var strict = BatchScreening.Run(screener, input, output, new BatchScreeningOptions { Threshold = 1.0 });

        // Then each keeps only what was asked for
        Assert.Equal(1, limited.Hits);
        Assert.Equal("p-1", limitedRows[1][2]);
        Assert.Equal(1, strict.Hits);
    }

    [Fact]
    public void Fields_with_commas_quotes_and_line_breaks_are_quoted_and_read_back_unchanged()
    {
        // Given an id and a name that need quoting
        var (input, output) = Files("id,name\n\"a,\"\"1\"\"\nx\",\"Roe, Jane\"\n");

        // When it is screened
        BatchScreening.Run(ScreenerOf(Listed), input, output);

        // Then the output quotes them and a CSV reader gets the same text back
        Assert.StartsWith(Header + "\n\"a,\"\"1\"\"\nx\",\"Roe, Jane\",p-roe,", File.ReadAllText(output), StringComparison.Ordinal);
        Assert.Equal(["a,\"1\"\nx", "Roe, Jane", "p-roe", "test", "1.0000", "Jane Roe"], ReadCsv(output)[1]);
    }

    [Fact]
    public void A_generated_input_of_20000_rows_streams_to_the_same_hits_as_screening_each_row_alone()
    {
        // Given 500 listed people and 20,000 rows of listed names, typos, unlisted names and facts
        var random = new Random(20_000);
        string Word() => string.Concat(Enumerable.Range(0, random.Next(4, 9)).Select(_ => (char)('a' + random.Next(26))));
        var entities = Enumerable.Range(0, 500)
            .Select(i => Person($"p-{i}", $"{Word()} {Word()} {Word()}", $"{1950 + (i % 50)}", i % 2 == 0 ? "fr" : "ir"))
            .ToArray();
        var queries = new List<ScreeningQuery>();
        var text = new StringBuilder("name,dob,country\n");
        for (var i = 0; i < 20_000; i++)
        {
            var name = random.Next(3) switch
            {
                0 => entities[random.Next(entities.Length)].Get("name")[0],
                1 => Typo(entities[random.Next(entities.Length)].Get("name")[0], random),
                _ => $"{Word()} {Word()}",
            };
            var dob = random.Next(4) == 0 ? $"{1950 + random.Next(50)}" : "";
            var country = random.Next(4) == 0 ? "France" : "";
            queries.Add(new ScreeningQuery(name, dob.Length > 0 ? dob : null, country.Length > 0 ? country : null));
            text.Append(CultureInfo.InvariantCulture, $"{name},{dob},{country}\n");
        }

        var screener = ScreenerOf(entities);
        var (input, output) = Files(text.ToString());
        var reported = new List<long>();

        // When the file is screened in chunks of 700 rows by four workers
        var summary = BatchScreening.Run(
            screener, input, output, new BatchScreeningOptions { ChunkSize = 700, Workers = 4 }, new SynchronousProgress(reported.Add));

        // Then the output is exactly what screening each row alone gives, in input order
        var expected = new List<string> { Header };
        var rowsWithHits = 0;
        for (var i = 0; i < queries.Count; i++)
        {
            var hits = screener.Screen(queries[i]).Results;
            rowsWithHits += hits.Count > 0 ? 1 : 0;
            expected.AddRange(hits.Select(h => $"{i + 1},{queries[i].Name},{h.Entity.Id},test,{h.Score.ToString("F4", CultureInfo.InvariantCulture)},{h.MatchedName}"));
        }

        Assert.Equal(expected, File.ReadAllLines(output));
        Assert.Equal((20_000L, rowsWithHits, 20_000L - rowsWithHits, expected.Count - 1L), (summary.Rows, summary.RowsWithHits, summary.RowsWithoutHits, summary.Hits));
        Assert.InRange(rowsWithHits, 10_000, 19_999);

        // And progress was reported once per chunk, ending at the row count
        Assert.Equal(29, reported.Count);
        Assert.Equal(20_000, reported[^1]);
        Assert.Equal(reported.Order(), reported);
    }

    public static TheoryData<string, string, long, string?, string> BadInputs => new()
    {
        // case, file content, line, field, fragment of the reason
        { "no name column", "id,fullname\n1,Jane Roe\n", 1, "name", "missing column (header: id,fullname)" },
        { "name column twice", "name,Name\nJane,Roe\n", 1, "name", "appears twice" },
        { "too many columns", "id,name\n1,Jane Roe\n2,Jane Roe,extra\n", 3, null, "3 columns where the header has 2" },
        { "too few columns", "id,name\n1,Jane Roe\n2\n", 3, null, "1 columns where the header has 2" },
        { "broken quote", "id,name\n1,Jane Roe\n2,\"Jane\n3,Roe\n", 3, null, "unterminated quoted field" },
        { "invalid date", "id,name,dob\n1,Jane Roe,1980\n2,Jane Roe,1980-02-31\n", 3, "dob", "invalid date '1980-02-31'" },
        { "invalid date under its own header", "NAME,DOB\nJane Roe,1980-02-31\n", 2, "DOB", "invalid date" },
        { "unknown country", "name,COUNTRY\nJane Roe,GB\nJane Roe,Atlantis\n", 3, "COUNTRY", "unknown country 'Atlantis'" },
        { "unknown schema", "name,schema\nJane Roe,Spaceship\n", 2, "schema", "unknown schema 'Spaceship'" },
        { "first bad line wins", "name,dob\nJane Roe,1980\nJane Roe,1980-13\nJane Roe,1980,extra\n", 3, "dob", "invalid date '1980-13'" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Bad_input_is_refused_with_its_line_and_leaves_no_output(string name, string content, long line, string? field, string reason)
    {
        // Given a bad input file
        var (input, output) = Files(content);

        // When it is screened
        var error = Assert.Throws<ImportException>(() => BatchScreening.Run(ScreenerOf(Listed), input, output));

        // Then the error names the file, line and field, and no output (finished or partial) is left
        Assert.True(error.Line == line, $"{name}: line {error.Line}, {error.Message}");
        Assert.Equal(input, error.File);
        Assert.Equal(field, error.Field);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
        Assert.False(File.Exists(output), name);
        Assert.False(File.Exists(output + ".tmp"), name);
    }

    [Fact]
    public void An_error_after_many_written_chunks_leaves_no_output_and_keeps_an_earlier_one()
    {
        // Given the output of an earlier run, and an input whose 5,001st row is bad after 5,000 good ones
        var text = new StringBuilder("name,dob\n");
        for (var i = 0; i < 5_000; i++)
        {
            text.Append("Jane Roe,1980\n");
        }

        text.Append("Jane Roe,yesterday\n");
        var (input, output) = Files(text.ToString());
        File.WriteAllText(output, "earlier results\n");

        // When it is screened in chunks of 100
        var error = Assert.Throws<ImportException>(
            () => BatchScreening.Run(ScreenerOf(Listed), input, output, new BatchScreeningOptions { ChunkSize = 100 }));

        // Then the bad line is named, the partial output is gone and the earlier output is untouched
        Assert.Equal(5_002, error.Line);
        Assert.False(File.Exists(output + ".tmp"));
        Assert.Equal("earlier results\n", File.ReadAllText(output));
    }

    [Fact]
    public void An_empty_or_missing_input_is_refused_before_any_output_is_made()
    {
        // Given an empty file and a path that does not exist
        var (input, output) = Files("");

        // When each is screened
        var empty = Assert.Throws<ImportException>(() => BatchScreening.Run(ScreenerOf(Listed), input, output));
        var missing = Assert.Throws<ImportException>(() => BatchScreening.Run(ScreenerOf(Listed), input + ".nope", output));

        // Then each says why and nothing was written
        Assert.Equal("file is empty", empty.Reason);
        Assert.Equal("file not found", missing.Reason);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Writing_over_the_input_is_refused()
    {
        // Given an input file
        var (input, _) = Files("name\nJane Roe\n");

        // When the output is the input itself
        var error = Assert.Throws<ArgumentException>(() => BatchScreening.Run(ScreenerOf(Listed), input, input));

        // Then it is refused and the input is intact
        Assert.Equal("output", error.ParamName);
        Assert.Equal("name\nJane Roe\n", File.ReadAllText(input));
    }

    private static string Typo(string name, Random random)
    {
        var chars = name.ToCharArray();
        var at = random.Next(chars.Length);
        if (chars[at] != ' ')
        {
            chars[at] = (char)('a' + random.Next(26));
        }

        return new string(chars);
    }

    /// <summary>Reports on the calling thread, unlike <see cref="Progress{T}"/>, so the test sees every report at once.</summary>
    private sealed class SynchronousProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
