using System.Net;
using Cordon.Server.Tests.Support;
using Cordon.Sharing;

namespace Cordon.Server.Tests;

/// <summary>The yente-compatible endpoints take yente's request shapes and answer in yente's response shapes.</summary>
public sealed class YenteApiTests
{
    private const string Example = """
        {"queries":{
          "entity1":{"schema":"Person","properties":{"name":["Abu Mohammed al-Adnani"],"nationality":["sy"]}},
          "entity2":{"id":"my-2","schema":"Person","properties":{"name":"Hamza Usama Muhammad bin Laden","birthDate":["1989-05-09"]},
                     "caption":"passed over","datasets":["x"]}
        }}
        """;

    private static async Task<(CordonApp App, HttpClient Client)> Setup(Role role = Role.Screener)
    {
        var app = new CordonApp();
        app.ImportList("un", "lists/un/UN_consolidated.xml");
        await app.ReadyAsync();
        return (app, app.Agency("BKA", role));
    }

    [Fact]
    public async Task A_match_answers_each_example_in_yentes_shape()
    {
        var (app, client) = await Setup();
        using var _app = app;

        var response = await client.PostRaw("/match/default?purpose=sanctions%20check&limit=3", Example);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("2", response.Headers.GetValues("x-batch-size").Single());
        var body = await response.Json();
        Assert.Equal(3, body.GetProperty("limit").GetInt32());
        Assert.True(body.GetProperty("matcher").GetProperty("name").TryGetProperty("description", out _));
        var second = body.GetProperty("responses").GetProperty("entity2");
        Assert.Equal(200, second.GetProperty("status").GetInt32());
        Assert.Equal("my-2", second.GetProperty("query").GetProperty("id").GetString());
        Assert.Equal("eq", second.GetProperty("total").GetProperty("relation").GetString());
        var top = second.GetProperty("results")[0];
        Assert.Equal("un-QDi.421", top.GetProperty("id").GetString());
        Assert.Equal("Person", top.GetProperty("schema").GetString());
        Assert.Equal(["un"], top.GetProperty("datasets").EnumerateArray().Select(d => d.GetString()));
        Assert.True(top.GetProperty("match").GetBoolean());
        Assert.True(top.GetProperty("score").GetDouble() >= 0.9);
        Assert.True(top.GetProperty("features").GetProperty("name").GetDouble() > 0.9);
        Assert.True(top.GetProperty("features").GetProperty("birthDate").GetDouble() > 0);
        Assert.NotEmpty(top.GetProperty("properties").GetProperty("name").EnumerateArray());
        Assert.True(second.GetProperty("results").GetArrayLength() <= 3);
        Assert.All(body.GetProperty("responses").EnumerateObject(), r =>
            Assert.All(r.Value.GetProperty("results").EnumerateArray(), h => Assert.True(h.GetProperty("score").GetDouble() >= 0.7)));
        Assert.Equal(2, app.Store.ReadAudit("BKA").Count(r => r.Entry.Action == "screen" && r.Entry.Details.Contains("\"origin\":\"match\"", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_threshold_decides_match_and_a_dataset_path_and_exclusions_narrow_the_results()
    {
        var (app, client) = await Setup();
        using var _app = app;
        var query = """{"queries":{"q":{"schema":"Person","properties":{"name":"Hamza Usama Muhammad bin Laden"}}}}""";

        var strict = await (await client.PostRaw("/match/un?purpose=p&threshold=0.99&cutoff=0.5&limit=10", query)).Json();
        var excluded = await (await client.PostRaw("/match/default?purpose=p&exclude_dataset=un", query)).Json();
        var excludedIds = await (await client.PostRaw("/match/default?purpose=p&exclude_entity_ids=un-QDi.421", query)).Json();

        var results = strict.GetProperty("responses").GetProperty("q").GetProperty("results").EnumerateArray().ToList();
        Assert.Contains(results, r => !r.GetProperty("match").GetBoolean());
        Assert.All(results, r => Assert.Equal(r.GetProperty("score").GetDouble() >= 0.99, r.GetProperty("match").GetBoolean()));
        Assert.Empty(excluded.GetProperty("responses").GetProperty("q").GetProperty("results").EnumerateArray());
        Assert.DoesNotContain(excludedIds.GetProperty("responses").GetProperty("q").GetProperty("results").EnumerateArray(),
            r => r.GetProperty("id").GetString() == "un-QDi.421");
    }

    [Fact]
    public async Task A_search_pages_entities_in_yentes_shape_with_facets()
    {
        var (app, client) = await Setup();
        using var _app = app;

        var all = await (await client.Get("/search/default?q=Muhammad&limit=5&purpose=p")).Json();
        var page = await (await client.Get("/search/un?q=Muhammad&limit=2&offset=1&purpose=p")).Json();

        Assert.Equal(5, all.GetProperty("limit").GetInt32());
        Assert.True(all.GetProperty("total").GetProperty("value").GetInt32() >= 3);
        Assert.Equal(all.GetProperty("results")[1].GetProperty("id").GetString(), page.GetProperty("results")[0].GetProperty("id").GetString());
        Assert.Equal(1, page.GetProperty("offset").GetInt32());
        Assert.Equal("un", all.GetProperty("facets").GetProperty("datasets").GetProperty("values")[0].GetProperty("name").GetString());
        Assert.False(all.GetProperty("results")[0].TryGetProperty("score", out _));
    }

    [Fact]
    public async Task The_purpose_comes_from_the_query_a_header_or_the_keys_standing_purpose_and_is_required()
    {
        var (app, client) = await Setup();
        using var _app = app;
        var standing = ApiKeys.Create("BKA", Role.Screener, "yente client", DateTimeOffset.UtcNow, purpose: "payment screening");
        app.Store.AddKey(standing.Key, standing.Hash, new Cordon.Audit.AuditEntry(DateTimeOffset.UtcNow, "operator", "", "key.create", standing.Key.Id, "{}"));
        var withStanding = app.WithKey(standing.Secret);
        using var header = new HttpRequestMessage(HttpMethod.Post, new Uri("/match/default", UriKind.Relative))
        {
            Content = new StringContent(Example, System.Text.Encoding.UTF8, "application/json"),
        };
        header.Headers.Add("X-Cordon-Purpose", "header purpose");

        var none = await client.PostRaw("/match/default", Example);
        var byHeader = await client.SendAsync(header);
        var byKey = await withStanding.PostRaw("/match/default", Example);

        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Equal("purpose", (await none.Json()).GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.OK, byHeader.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byKey.StatusCode);
        Assert.Contains(app.Store.ReadAudit("BKA"), r => r.Entry.Key == standing.Key.Id && r.Entry.Details.Contains("payment screening", StringComparison.Ordinal));
        Assert.Contains(app.Store.ReadAudit("BKA"), r => r.Entry.Details.Contains("header purpose", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/match/default?purpose=p", """{"queries":{"q":{"schema":"Spaceship","properties":{"name":"x"}}}}""", "queries.q.schema")]
    [InlineData("/match/default?purpose=p", """{"queries":{"q":{"schema":"Person","properties":{"colour":"red"}}}}""", "queries.q.properties.colour")]
    [InlineData("/match/default?purpose=p", """{"queries":{"q":{"schema":"Person","properties":{"birthDate":"1970"}}}}""", "properties.name")]
    [InlineData("/match/default?purpose=p", """{"queries":{}}""", "queries")]
    [InlineData("/match/default?purpose=p", """{"queries":{"q":{"schema":"Person","properties":{"name":"x"}}},"weights":{"name_literal":0.8}}""", "weights")]
    [InlineData("/match/default?purpose=p&limit=0", """{"queries":{"q":{"schema":"Person","properties":{"name":"x"}}}}""", "limit")]
    [InlineData("/match/default?purpose=p&threshold=1.5", """{"queries":{"q":{"schema":"Person","properties":{"name":"x"}}}}""", "threshold")]
    [InlineData("/match/default?purpose=p&topics=sanction", """{"queries":{"q":{"schema":"Person","properties":{"name":"x"}}}}""", "topics")]
    [InlineData("/match/default?purpose=p", """{"queries":{"q":{"schema":"Person","properties":{"name":"x"}}}""", "body")]
    public async Task A_bad_match_request_gets_400_naming_the_field(string path, string body, string field)
    {
        var (app, client) = await Setup();
        using var _app = app;

        var response = await client.PostRaw(path, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, (await response.Json()).GetProperty("field").GetString());
    }

    [Fact]
    public async Task A_dataset_the_asker_may_not_see_whole_is_answered_as_an_absent_one()
    {
        var (app, client) = await Setup();
        using var _app = app;
        var owner = app.Agency("DGSI", Role.Admin);
        Assert.Equal(HttpStatusCode.Created, (await owner.PostJson("/v1/datasets", new { name = "dgsi_secret", handling = "restricted" })).StatusCode);

        var hidden = await client.Get("/search/dgsi_secret?q=x&purpose=p");
        var absent = await client.Get("/search/dgsi_nothing?q=x&purpose=p");
        var hiddenMatch = await client.PostRaw("/match/dgsi_secret?purpose=p", Example);

        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, hiddenMatch.StatusCode);
        Assert.Equal((await absent.Content.ReadAsStringAsync()).Replace("dgsi_nothing", "dgsi_secret", StringComparison.Ordinal),
            await hidden.Content.ReadAsStringAsync());
    }
}
