using System.Net;
using Cordon.Server.Tests.Support;
using Cordon.Sharing;

namespace Cordon.Server.Tests;

public sealed class ScreeningApiTests
{
    [Fact]
    public async Task Screening_a_listed_name_answers_the_hit_explained_and_records_it_in_the_audit_chain()
    {
        // Given the real UN list
        using var app = new CordonApp();
        app.ImportList("un", "lists/un/UN_consolidated.xml");
        await app.ReadyAsync();
        var client = app.Agency("BKA", Role.Screener);

        // When a member screens a listed name for a purpose
        var response = await client.PostJson("/v1/screen", new { name = "Abu Mohammed al-Adnani", purpose = "border check 17" });

        // Then the UN record comes back with its owner and explanation
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Json();
        var hit = body.GetProperty("results")[0];
        Assert.Equal("un", hit.GetProperty("dataset").GetString());
        Assert.Equal("UNSC", hit.GetProperty("owner").GetString());
        Assert.True(hit.GetProperty("score").GetDouble() >= 0.9);
        Assert.Equal("name", hit.GetProperty("explanation")[0].GetProperty("factor").GetString());

        // And the audit entry it names holds the purpose, the query and the record shown
        var seq = body.GetProperty("auditSeq").GetInt64();
        var entry = app.Store.ReadAudit(afterSeq: seq - 1, limit: 1).Single();
        Assert.Equal(seq, entry.Seq);
        Assert.Equal("screen", entry.Entry.Action);
        Assert.Equal("BKA", entry.Entry.Agency);
        Assert.Contains("border check 17", entry.Entry.Details, StringComparison.Ordinal);
        Assert.Contains(hit.GetProperty("id").GetString()!, entry.Entry.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_identifier_equal_to_the_records_raises_the_score_and_says_so()
    {
        // Given a UN record that carries a passport number
        using var app = new CordonApp();
        app.ImportList("un", "lists/un/UN_consolidated.xml");
        await app.ReadyAsync();
        var client = app.Agency("BKA", Role.Screener);
        var entity = app.Store.ReadEntities("un").First(e => e.Schema.Name == "Person" && e.Get("passportNumber").Count > 0);
        var number = entity.Get("passportNumber")[0];

        // When its name is screened without and with that number (written with other spacing)
        var name = entity.Caption;
        var plain = await (await client.PostJson("/v1/screen", new { name, purpose = "t", limit = 50 })).Json();
        var withId = await (await client.PostJson("/v1/screen", new { name, purpose = "t", limit = 50, identifiers = new[] { " " + number.ToLowerInvariant() + " " } })).Json();

        // Then the record's score does not fall, and the explanation names the number
        static System.Text.Json.JsonElement Find(System.Text.Json.JsonElement body, string id) =>
            body.GetProperty("results").EnumerateArray().First(h => h.GetProperty("id").GetString() == id);
        var before = Find(plain, entity.Id);
        var after = Find(withId, entity.Id);
        Assert.True(after.GetProperty("score").GetDouble() >= before.GetProperty("score").GetDouble());
        Assert.Contains(after.GetProperty("explanation").EnumerateArray(),
            e => e.GetProperty("factor").GetString() == "identifier" && e.GetProperty("effect").GetDouble() > 0);
        Assert.DoesNotContain(before.GetProperty("explanation").EnumerateArray(), e => e.GetProperty("factor").GetString() == "identifier");
    }

    [Theory]
    [InlineData("""{"name":"Ali"}""", "purpose")]
    [InlineData("""{"name":"Ali","purpose":"  "}""", "purpose")]
    [InlineData("""{"purpose":"t"}""", "name")]
    [InlineData("""{"name":"Ali","purpose":"t","schema":"Spaceship"}""", "schema")]
    [InlineData("""{"name":"Ali","purpose":"t","birthDate":"yesterday"}""", "birthDate")]
    [InlineData("""{"name":"Ali","purpose":"t","country":"Atlantis"}""", "country")]
    [InlineData("""{"name":"Ali","purpose":"t","limit":0}""", "limit")]
    [InlineData("""{"name":"Ali","purpose":"t","threshold":2}""", "threshold")]
    [InlineData("""{"name":"Ali","purpose":"t","colour":"red"}""", "colour")]
    [InlineData("""{"name":"Ali","purpose":"t","identifiers":["12"]}""", "identifiers")]
    [InlineData("""{"name":42,"purpose":"t"}""", "name")]
    public async Task A_bad_query_gets_400_naming_the_field(string body, string field)
    {
        using var app = new CordonApp();
        await app.ReadyAsync();
        var client = app.Agency("BKA", Role.Screener);
        var before = app.Store.GetAuditHead().Seq;

        var response = await client.PostRaw("/v1/screen", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Json();
        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.StartsWith(field, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, app.Store.GetAuditHead().Seq);
    }

    [Theory]
    [InlineData("{\"name\":\"Ali\",")]
    [InlineData("not json")]
    [InlineData("null")]
    public async Task Malformed_json_gets_400(string body)
    {
        using var app = new CordonApp();
        await app.ReadyAsync();
        var client = app.Agency("BKA", Role.Screener);

        var response = await client.PostRaw("/v1/screen", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_huge_body_gets_413_and_a_wrong_content_type_415()
    {
        using var app = new CordonApp(new() { ["MaxBodyBytes"] = "4096" });
        await app.ReadyAsync();
        var client = app.Agency("BKA", Role.Screener);

        var huge = await client.PostRaw("/v1/screen", "{\"name\":\"" + new string('a', 10_000) + "\",\"purpose\":\"t\"}");
        var form = await client.PostRaw("/v1/screen", "name=Ali", "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Equal(413, (await huge.Json()).GetProperty("status").GetInt32());
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, form.StatusCode);
    }

    [Fact]
    public async Task A_huge_body_sent_in_chunks_without_a_length_gets_413()
    {
        using var app = new CordonApp(new() { ["MaxBodyBytes"] = "4096" });
        await app.ReadyAsync();
        var client = app.Agency("BKA", Role.Screener);
        var content = new StreamContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes("{\"name\":\"" + new string('a', 100_000) + "\",\"purpose\":\"t\"}")));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        content.Headers.ContentLength = null;
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/screen") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }
}
