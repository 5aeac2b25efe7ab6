using System.Text;
using Cordon.Lists;
using Cordon.Lists.Ftm;
using Cordon.Model;
using Cordon.Tests.Support;

namespace Cordon.Tests.Lists.Ftm;

public sealed class FtmJsonTests
{
    private const string File = "entities.ftm.json";

    private static Entity ParseLine(string json, long line = 1) => FtmJsonReader.Parse(Encoding.UTF8.GetBytes(json), File, line);

    private static ImportException ParseError(string json, long line = 7) =>
        Assert.Throws<ImportException>(() => ParseLine(json, line));

    private static string WriteBytes(byte[] bytes)
    {
        var path = Path.Combine(TestData.TempDirectory(), File);
        System.IO.File.WriteAllBytes(path, bytes);
        return path;
    }

    private static string WriteLines(string text) => WriteBytes(new UTF8Encoding(false).GetBytes(text));

    private static List<Entity> Read(string path) =>
        [.. new FtmJsonReader().Read(path, new ImportContext("ftm"), CancellationToken.None)];

    [Fact]
    public void Written_entities_read_back_equal()
    {
        // Given a person, a passport pointing at them and an organisation with Arabic and quoted names
        var person = new EntityBuilder("ftm-p-1", Schemata.Person, "SRC-1")
            .Add("name", "Abou Mohamed al Adnani").Add("alias", "أبو محمد العدناني").Add("alias", "Abu \"the spokesman\"")
            .Add("birthDate", "1977").Add("nationality", "iq").Build().WithDataset("test");
        var passport = new EntityBuilder("ftm-pp-1", Schemata.Passport, "SRC-1")
            .Add("holder", "ftm-p-1").Add("number", "A123").Add("country", "sy").Build();
        var org = new EntityBuilder("ftm-o-1", Schemata.Organization).Add("name", "Noor\\Trading").Build();
        Entity[] originals = [person, passport, org];
        using var stream = new MemoryStream();

        // When they are written and read back
        var written = FtmJsonWriter.Write(stream, originals);
        var path = WriteBytes(stream.ToArray());
        var read = Read(path);

        // Then ids, schemata, source refs and properties are equal, one line each
        Assert.Equal(3, written);
        Assert.Equal(3, System.IO.File.ReadAllLines(path).Length);
        Assert.Equal(originals.Length, read.Count);
        for (var i = 0; i < originals.Length; i++)
        {
            Assert.Equal(originals[i].Id, read[i].Id);
            Assert.Same(originals[i].Schema, read[i].Schema);
            Assert.Equal(originals[i].PropertyNames, read[i].PropertyNames);
            foreach (var name in originals[i].PropertyNames)
            {
                Assert.Equal(originals[i].Get(name), read[i].Get(name));
            }
        }

        Assert.Equal("SRC-1", read[0].SourceRef);
        Assert.Equal("ftm-o-1", read[2].SourceRef);
    }

    [Fact]
    public void The_writer_puts_one_compact_object_on_each_line()
    {
        // Given one entity
        var entity = new EntityBuilder("ftm-w-1", Schemata.Person).Add("name", "Jane Roe").Build();
        using var stream = new MemoryStream();

        // When written
        FtmJsonWriter.Write(stream, [entity]);
        var text = Encoding.UTF8.GetString(stream.ToArray());

        // Then it is exactly one compact line
        Assert.Equal("{\"id\":\"ftm-w-1\",\"schema\":\"Person\",\"caption\":\"Jane Roe\",\"properties\":{\"name\":[\"Jane Roe\"]}}\n", text);
    }

    [Fact]
    public void A_single_string_value_is_accepted_as_a_one_element_list()
    {
        // When a property is a string rather than a list
        var entity = ParseLine("""{"id":"x1","schema":"Person","properties":{"name":"Jane Roe","alias":["J. Roe"]}}""");

        // Then it becomes one value
        Assert.Equal(["Jane Roe"], entity.Get("name"));
        Assert.Equal(["J. Roe"], entity.Get("alias"));
    }

    [Fact]
    public void Unknown_top_level_fields_are_ignored()
    {
        // Given fields that producers add (caption, datasets, first_seen, referents, nested objects)
        var entity = ParseLine("""{"caption":"X","id":"x2","datasets":["a","b"],"first_seen":"2020-01-01","referents":[],"extra":{"a":[1,{"b":2}]},"schema":"Organization","properties":{"name":["Acme"]},"target":true}""");

        // Then they are skipped and the entity read
        Assert.Equal("x2", entity.Id);
        Assert.Equal("Organization", entity.Schema.Name);
        Assert.Equal(["Acme"], entity.Get("name"));
        Assert.Null(entity.Dataset);
    }

    [Fact]
    public void Without_a_source_ref_the_id_is_the_source_ref()
    {
        var entity = ParseLine("""{"id":"x3","schema":"Person","properties":{}}""");
        Assert.Equal("x3", entity.SourceRef);
    }

    [Fact]
    public void Values_are_validated_and_normalised_by_type()
    {
        // When the values need cleaning
        var entity = ParseLine("""{"id":"x4","schema":"Person","properties":{"nationality":["Syrian Arab Republic"],"gender":["Male"],"name":["  Jane   Roe "]}}""");

        // Then they are stored in FtM form
        Assert.Equal(["sy"], entity.Get("nationality"));
        Assert.Equal(["male"], entity.Get("gender"));
        Assert.Equal(["Jane Roe"], entity.Get("name"));
    }

    [Theory]
    [InlineData("[1,2]", "an array")]
    [InlineData("\"text\"", "a string")]
    [InlineData("42", "a number")]
    [InlineData("null", "null")]
    public void A_line_that_is_not_an_object_is_refused(string json, string found)
    {
        // When a line holds another JSON value
        var error = ParseError(json);

        // Then the file, line and what was found are named
        Assert.Equal(File, error.File);
        Assert.Equal(7, error.Line);
        Assert.Contains("expected a JSON object, found " + found, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"id":"x","schema":"Person",""")]
    [InlineData("""{"id":"x","schema":"Person","properties":{"name":["a"]}""")]
    [InlineData("""{"id":x}""")]
    [InlineData("""{id:"x"}""")]
    [InlineData("{")]
    public void Malformed_json_is_refused(string json)
    {
        // When the line is not valid JSON
        var error = ParseError(json);

        // Then the file and line are named as malformed JSON
        Assert.Equal(File, error.File);
        Assert.Equal(7, error.Line);
        Assert.Contains("malformed JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_schema_is_refused_naming_the_field()
    {
        var error = ParseError("""{"id":"x","schema":"Robot","properties":{}}""");
        Assert.Equal("schema", error.Field);
        Assert.Equal(7, error.Line);
        Assert.Contains("unknown schema 'Robot'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_property_is_refused_naming_it()
    {
        var error = ParseError("""{"id":"x","schema":"Person","properties":{"hullNumber":["1"]}}""");
        Assert.Equal("properties.hullNumber", error.Field);
        Assert.Equal(File, error.File);
        Assert.Equal(7, error.Line);
    }

    [Theory]
    [InlineData("""{"id":"x","schema":"Person","properties":{"name":["a",1]}}""", "properties.name")]
    [InlineData("""{"id":"x","schema":"Person","properties":{"name":[null]}}""", "properties.name")]
    [InlineData("""{"id":"x","schema":"Person","properties":{"name":[["a"]]}}""", "properties.name")]
    [InlineData("""{"id":"x","schema":"Person","properties":{"name":42}}""", "properties.name")]
    [InlineData("""{"id":"x","schema":"Person","properties":{"name":{"a":"b"}}}""", "properties.name")]
    [InlineData("""{"id":"x","schema":"Person","properties":[]}""", "properties")]
    [InlineData("""{"id":5,"schema":"Person"}""", "id")]
    [InlineData("""{"id":"x","schema":["Person"]}""", "schema")]
    public void A_value_that_is_not_a_string_is_refused_naming_the_field(string json, string field)
    {
        var error = ParseError(json);
        Assert.Equal(field, error.Field);
        Assert.Equal(7, error.Line);
        Assert.Equal(File, error.File);
    }

    [Fact]
    public void An_invalid_date_is_refused_naming_the_property()
    {
        var error = ParseError("""{"id":"x","schema":"Person","properties":{"birthDate":["1980-02-31"]}}""");
        Assert.Equal("properties.birthDate", error.Field);
        Assert.Contains("'1980-02-31'", error.Message, StringComparison.Ordinal);
        Assert.Equal(7, error.Line);
    }

    [Theory]
    [InlineData("""{"schema":"Person","properties":{}}""", "id")]
    [InlineData("""{"id":"x","properties":{}}""", "schema")]
    public void A_missing_id_or_schema_is_refused(string json, string field)
    {
        var error = ParseError(json);
        Assert.Equal(field, error.Field);
        Assert.Contains("missing", error.Message, StringComparison.Ordinal);
        Assert.Equal(7, error.Line);
    }

    [Fact]
    public void An_invalid_id_is_refused()
    {
        var error = ParseError("""{"id":"has space","schema":"Person"}""");
        Assert.Equal("id", error.Field);
    }

    [Fact]
    public void A_duplicate_id_is_refused_naming_both_lines()
    {
        // Given the same id on lines 1 and 3
        var path = WriteLines("""
            {"id":"dup","schema":"Person","properties":{"name":["A"]}}
            {"id":"other","schema":"Person","properties":{"name":["B"]}}
            {"id":"dup","schema":"Person","properties":{"name":["C"]}}

            """);

        // When the file is read
        var error = Assert.Throws<ImportException>(() => Read(path));

        // Then the second line is the error and the first is named
        Assert.Equal(path, error.File);
        Assert.Equal(3, error.Line);
        Assert.Equal("id", error.Field);
        Assert.Contains("first on line 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_in_a_file_name_the_file_and_the_line()
    {
        // Given a bad value on the third line after a blank line
        var path = WriteLines("""
            {"id":"a","schema":"Person","properties":{"name":["A"]}}

            {"id":"b","schema":"Person","properties":{"birthDate":["1980-13"]}}
            """);

        // When read
        var error = Assert.Throws<ImportException>(() => Read(path));

        // Then the place is exact
        Assert.Equal(path, error.File);
        Assert.Equal(3, error.Line);
        Assert.Equal("properties.birthDate", error.Field);
        Assert.StartsWith(path + ":3: properties.birthDate: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_is_refused_with_the_place()
    {
        // Given a name holding a byte that is not UTF-8, on line 2
        var good = Encoding.UTF8.GetBytes("{\"id\":\"a\",\"schema\":\"Person\",\"properties\":{\"name\":[\"A\"]}}\n");
        var bad = Encoding.UTF8.GetBytes("{\"id\":\"b\",\"schema\":\"Person\",\"properties\":{\"name\":[\"M\u00FCller\"]}}\n");
        var at = Array.IndexOf(bad, (byte)0xC3);
        bad[at] = 0xFF;
        var path = WriteBytes([.. good, .. bad]);

        // When read
        var error = Assert.Throws<ImportException>(() => Read(path));

        // Then the import error names the file and line
        Assert.Equal(path, error.File);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void A_line_over_the_limit_is_refused_without_reading_it_whole()
    {
        // Given a first good line and a second longer than the limit
        var good = Encoding.UTF8.GetBytes("{\"id\":\"a\",\"schema\":\"Person\",\"properties\":{\"name\":[\"A\"]}}\n");
        var huge = new byte[FtmJsonReader.MaxLineBytes + 10];
        huge.AsSpan().Fill((byte)'x');
        var path = WriteBytes([.. good, .. huge]);

        // When read
        var error = Assert.Throws<ImportException>(() => Read(path));

        // Then the long line is named with the limit
        Assert.Equal(path, error.File);
        Assert.Equal(2, error.Line);
        Assert.Contains("line longer than", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_just_under_the_limit_is_read()
    {
        // Given a valid line whose notes make it just shy of the limit
        var head = "{\"id\":\"a\",\"schema\":\"Person\",\"properties\":{\"name\":[\"A\"],\"notes\":[\"";
        const string tail = "\"]}}";
        var filler = 60_000;
        var line = head + new string('n', filler) + tail + new string(' ', FtmJsonReader.MaxLineBytes - 1 - head.Length - filler - tail.Length) + "\n";
        var path = WriteLines(line);

        // When read
        var entity = Assert.Single(Read(path));

        // Then the entity is there
        Assert.Equal(filler, entity.First("notes")!.Length);
    }

    [Fact]
    public void Crlf_line_endings_and_a_bom_are_accepted()
    {
        // Given a Windows-written file with a byte-order mark
        var text = "{\"id\":\"a\",\"schema\":\"Person\",\"properties\":{\"name\":[\"A\"]}}\r\n\r\n{\"id\":\"b\",\"schema\":\"Person\",\"properties\":{\"name\":[\"B\"]}}\r\n";
        var path = WriteBytes([.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(text)]);

        // When read
        var entities = Read(path);

        // Then both entities come through, the BOM and CRs gone
        Assert.Equal(["a", "b"], entities.Select(e => e.Id));
        Assert.Equal(["A"], entities[0].Get("name"));
    }

    [Fact]
    public void A_last_line_without_a_newline_is_read()
    {
        var path = WriteLines("{\"id\":\"a\",\"schema\":\"Person\"}\n{\"id\":\"b\",\"schema\":\"Person\"}");
        Assert.Equal(["a", "b"], Read(path).Select(e => e.Id));
    }

    [Fact]
    public void A_single_line_file_with_a_bom_and_no_final_newline_is_accepted()
    {
        // Given a BOM and one entity without a trailing newline
        var path = WriteBytes([.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes("{\"id\":\"a\",\"schema\":\"Person\"}")]);

        // When read
        var entities = Read(path);

        // Then the entity is read
        Assert.Equal("a", Assert.Single(entities).Id);
    }

    [Fact]
    public void Trailing_content_after_the_object_is_refused()
    {
        // Given two objects run together on one line
        var path = WriteLines("{\"id\":\"a\",\"schema\":\"Person\"}{\"id\":\"b\",\"schema\":\"Person\"}\n");

        // When read
        var error = Record.Exception(() => Read(path));

        // Then the line is refused rather than the second entity silently dropped
        var import = Assert.IsType<ImportException>(error);
        Assert.Equal(1, import.Line);
    }
}
