using System.Net;
using System.Text;
using System.Text.Json;
using Cordon.Server.Tests.Support;
using Cordon.Sharing;

namespace Cordon.Server.Tests;

/// <summary><c>POST /v1/screen/batch</c>: NDJSON in and out, one answer line per input line in order, bad lines answered with their number.</summary>
public sealed class BatchScreeningTests
{
    private static async Task<List<JsonElement>> Lines(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
    }

    private static Task<HttpResponseMessage> Batch(HttpClient client, string body, string query = "?purpose=nightly%20customer%20run") =>
        client.PostRaw("/v1/screen/batch" + query, body, "application/x-ndjson");

    [Fact]
    public async Task Good_lines_are_answered_in_order_and_bad_ones_get_an_error_line_with_their_number()
    {
        using var app = new CordonApp();
        app.ImportList("un", "lists/un/UN_consolidated.xml");
        await app.ReadyAsync();
        var client = app.Agency("BKA", Role.Screener);
        var body = string.Join('\n',
            """{"id":"c1","name":"Abu Mohammed al-Adnani"}""",
            "",
            """{"id":"c3","name":"Jane Quietly-Unlisted"}""",
            "this is not json",
            """{"id":"c5","name":"Ali","colour":"red"}""",
            """{"id":"c6","name":"Ali","schema":"Spaceship"}""",
            """{"id":"c7"}""",
            """{"id":"c8","name":"Hamza Usama Muhammad bin Laden","birthDate":"1989"}""") + "\n";

        var lines = await Lines(await Batch(client, body));

        // Every non-blank line has its answer, in order, then the summary
        Assert.Equal([1, 3, 4, 5, 6, 7, 8], lines.SkipLast(1).Select(l => l.GetProperty("line").GetInt32()));
        Assert.NotEmpty(lines[0].GetProperty("results").EnumerateArray());
        Assert.Equal("c1", lines[0].GetProperty("id").GetString());
        Assert.Empty(lines[1].GetProperty("results").EnumerateArray());
        Assert.Equal("line", lines[2].GetProperty("error").GetProperty("field").GetString());
        Assert.Equal("colour", lines[3].GetProperty("error").GetProperty("field").GetString());
        Assert.Equal("schema", lines[4].GetProperty("error").GetProperty("field").GetString());
        Assert.Equal("c6", lines[4].GetProperty("id").GetString());
        Assert.Equal("name", lines[5].GetProperty("error").GetProperty("field").GetString());
        Assert.StartsWith("line 7:", lines[5].GetProperty("error").GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("un-QDi.421", lines[6].GetProperty("results")[0].GetProperty("id").GetString());
        var summary = lines[^1].GetProperty("summary");
        Assert.Equal(8, summary.GetProperty("lines").GetInt32());
        Assert.Equal(3, summary.GetProperty("rows").GetInt32());
        Assert.Equal(4, summary.GetProperty("errors").GetInt32());

        // And the batch is in the audit trail with its purpose, the lines' digest and what the hits were
        var entry = app.Store.ReadAudit("BKA").Single(r => r.Entry.Action == "screen.batch").Entry;
        using var details = JsonDocument.Parse(entry.Details);
        Assert.Equal("nightly customer run", details.RootElement.GetProperty("purpose").GetString());
        Assert.Equal(summary.GetProperty("batch").GetString(), entry.Subject);
        Assert.Equal(64, details.RootElement.GetProperty("sha256").GetString()!.Length);
        Assert.Equal([1, 8], details.RootElement.GetProperty("answered").EnumerateArray().Select(a => a.GetProperty("line").GetInt32()));
    }

    [Fact]
    public async Task Thousands_of_rows_stream_through_several_chunks_with_one_answer_each()
    {
        using var app = new CordonApp(new() { ["BatchChunk"] = "256" });
        app.ImportList("un", "lists/un/UN_consolidated.xml");
        await app.ReadyAsync();
        var client = app.Agency("BKA", Role.Screener);
        var names = app.Store.ReadEntities("un").Where(e => e.Schema.Name == "Person").Select(e => e.Caption).ToList();
        var body = new StringBuilder();
        for (var i = 0; i < 3000; i++)
        {
            body.Append(JsonSerializer.Serialize(new { id = $"r{i}", name = i % 2 == 0 ? names[i % names.Count] : $"Unlisted Person {i}" })).Append('\n');
        }

        var lines = await Lines(await Batch(client, body.ToString()));

        Assert.Equal(3001, lines.Count);
        Assert.Equal(Enumerable.Range(0, 3000).Select(i => $"r{i}"), lines.SkipLast(1).Select(l => l.GetProperty("id").GetString()));
        Assert.All(lines.Where((_, i) => i % 2 == 0).SkipLast(1), l => Assert.NotEmpty(l.GetProperty("results").EnumerateArray()));
        var summary = lines[^1].GetProperty("summary");
        Assert.Equal(3000, summary.GetProperty("rows").GetInt32());
        Assert.Equal(12, app.Store.ReadAudit("BKA").Count(r => r.Entry.Action == "screen.batch"));
    }

    [Fact]
    public async Task A_line_too_long_is_refused_alone_and_the_line_without_a_final_newline_is_read()
    {
        using var app = new CordonApp();
        await app.ReadyAsync();
        var client = app.Agency("BKA", Role.Screener);
        var body = $$"""{"name":"Jane Doe"}""" + "\n" + $$"""{"name":"{{new string('x', 70_000)}}"}""" + "\n" + """{"name":"John Doe"}""";

        var lines = await Lines(await Batch(client, body));

        Assert.Equal(4, lines.Count);
        Assert.True(lines[0].TryGetProperty("results", out _));
        Assert.Equal("line", lines[1].GetProperty("error").GetProperty("field").GetString());
        Assert.Contains("longer than", lines[1].GetProperty("error").GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(3, lines[2].GetProperty("line").GetInt32());
        Assert.True(lines[2].TryGetProperty("results", out _));
    }

    [Fact]
    public async Task A_line_gets_its_own_purpose_and_without_any_purpose_it_is_refused()
    {
        using var app = new CordonApp();
        await app.ReadyAsync();
        var client = app.Agency("BKA", Role.Screener);
        var body = """{"name":"Jane Doe","purpose":"line purpose"}""" + "\n" + """{"name":"John Doe"}""" + "\n";

        var lines = await Lines(await Batch(client, body, query: ""));

        Assert.True(lines[0].TryGetProperty("results", out _));
        Assert.Equal("purpose", lines[1].GetProperty("error").GetProperty("field").GetString());
    }

    [Fact]
    public async Task A_wrong_media_type_or_missing_key_is_refused_before_anything_is_screened()
    {
        using var app = new CordonApp();
        await app.ReadyAsync();
        var client = app.Agency("BKA", Role.Screener);

        var json = await client.PostRaw("/v1/screen/batch?purpose=p", """{"name":"Jane Doe"}""", "application/json");
        var anonymous = await app.WithKey(null).PostRaw("/v1/screen/batch?purpose=p", """{"name":"Jane Doe"}""", "application/x-ndjson");
        var longPurpose = await client.PostRaw("/v1/screen/batch?purpose=" + new string('p', 501), """{"name":"Jane Doe"}""", "application/x-ndjson");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, longPurpose.StatusCode);
        Assert.Equal("purpose", (await longPurpose.Json()).GetProperty("field").GetString());
        Assert.DoesNotContain(app.Store.ReadAudit("BKA"), r => r.Entry.Action == "screen.batch");
    }

    [Fact]
    public async Task A_hit_no_hit_record_is_referred_in_a_batch_and_its_owner_is_told()
    {
        using var app = new CordonApp();
        await app.ReadyAsync();
        var owner = app.Agency("DGSI", Role.Admin);
        var asker = app.Agency("FBI", Role.Screener);
        Assert.Equal(HttpStatusCode.Created, (await owner.PostJson("/v1/datasets", new { name = "dgsi_watch", handling = "hit-no-hit" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await owner.PostJson("/v1/entities",
            new { dataset = "dgsi_watch", schema = "Person", properties = new { name = "Murtaza Velikhanov Tarquin" } })).StatusCode);

        var lines = await Lines(await Batch(asker, """{"id":"p1","name":"Murtaza Velikhanov Tarquin"}""" + "\n"));

        Assert.Empty(lines[0].GetProperty("results").EnumerateArray());
        var referral = lines[0].GetProperty("referrals")[0];
        Assert.Equal("DGSI", referral.GetProperty("owner").GetString());
        var told = (await (await owner.Get("/v1/notifications")).Json()).GetProperty("notifications")[0];
        Assert.Equal(referral.GetProperty("reference").GetString(), told.GetProperty("reference").GetString());
        Assert.Equal("nightly customer run", told.GetProperty("purpose").GetString());
    }
}
