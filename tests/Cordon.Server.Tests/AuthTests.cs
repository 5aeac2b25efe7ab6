using System.Net;
using Cordon.Audit;
using Cordon.Server.Tests.Support;
using Cordon.Sharing;

namespace Cordon.Server.Tests;

public sealed class AuthTests
{
    [Theory]
    [InlineData(null, "send an API key")]
    [InlineData("Basic dXNlcjpwYXNz", "must be 'Bearer <key>'")]
    [InlineData("Bearer not-a-key", "not a Cordon API key")]
    [InlineData("Bearer cordon_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "unknown API key")]
    public async Task A_request_without_a_valid_key_is_refused_with_401_problem_details(string? header, string detail)
    {
        // Given a running server
        using var app = new CordonApp();
        await app.ReadyAsync();
        var client = app.CreateClient();
        if (header is not null)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", header);
        }

        // When it screens
        var response = await client.PostJson("/v1/screen", Http.Screen("Ali"));

        // Then it is refused, saying why, as ProblemDetails
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Json();
        Assert.Equal(401, body.GetProperty("status").GetInt32());
        Assert.Contains(detail, body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_revoked_key_is_refused_from_then_on()
    {
        // Given a key that works
        using var app = new CordonApp();
        await app.ReadyAsync();
        app.Agency("BKA");
        var key = app.NewKey("BKA", Role.Screener);
        var client = app.WithKey(key.Secret);
        Assert.Equal(HttpStatusCode.OK, (await client.Get("/v1/me")).StatusCode);

        // When the operator revokes it
        Assert.True(app.Store.RevokeKey(key.Key.Id, DateTimeOffset.UtcNow,
            new AuditEntry(DateTimeOffset.UtcNow, AuditEntry.Operator, "", AuditActions.KeyRevoke, key.Key.Id, "{}")));

        // Then it is refused
        var response = await client.Get("/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("revoked", (await response.Json()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cached_keys_each_speak_for_their_own_agency_and_a_revocation_holds_once_the_cache_time_is_up()
    {
        // Given keys of two agencies, trusted for half a second once looked up
        using var app = new CordonApp(new() { ["KeyCacheSeconds"] = "0.5" });
        await app.ReadyAsync();
        app.Agency("BKA");
        app.Agency("DGSI");
        var bka = app.NewKey("BKA", Role.Analyst);
        var dgsi = app.NewKey("DGSI", Role.Screener);
        using var bkaClient = app.WithKey(bka.Secret);
        using var dgsiClient = app.WithKey(dgsi.Secret);
        using var padded = app.CreateClient();
        padded.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", $"Bearer   {dgsi.Secret}  ");

        // When they take turns
        for (var i = 0; i < 5; i++)
        {
            foreach (var (client, agency, key, role) in new[]
            {
                (bkaClient, "BKA", bka.Key.Id, "analyst"), (dgsiClient, "DGSI", dgsi.Key.Id, "screener"), (padded, "DGSI", dgsi.Key.Id, "screener"),
            })
            {
                // Then each is answered as its own agency, key and role
                var me = await (await client.Get("/v1/me")).Json();
                Assert.Equal((agency, key, role),
                    (me.GetProperty("agency").GetString(), me.GetProperty("key").GetString(), me.GetProperty("role").GetString()));
            }
        }

        // And a key revoked while cached is refused once its time is up
        Assert.True(app.Store.RevokeKey(bka.Key.Id, DateTimeOffset.UtcNow,
            new AuditEntry(DateTimeOffset.UtcNow, AuditEntry.Operator, "", AuditActions.KeyRevoke, bka.Key.Id, "{}")));
        await Task.Delay(TimeSpan.FromSeconds(0.7));
        Assert.Equal(HttpStatusCode.Unauthorized, (await bkaClient.Get("/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await dgsiClient.Get("/v1/me")).StatusCode);
    }

    [Theory]
    [InlineData(Role.Screener, "/v1/notifications")]
    [InlineData(Role.Screener, "/v1/audit")]
    [InlineData(Role.Analyst, "/v1/audit")]
    public async Task A_key_without_the_role_gets_403(Role role, string path)
    {
        // Given a key of a role below what the endpoint needs
        using var app = new CordonApp();
        await app.ReadyAsync();
        var client = app.Agency("BKA", role);

        // When it asks
        var response = await client.Get(path);

        // Then it is forbidden, as ProblemDetails naming its role
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains($"a {Roles.Name(role)} key", (await response.Json()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_screener_may_not_contribute_records()
    {
        using var app = new CordonApp();
        await app.ReadyAsync();
        var client = app.Agency("BKA", Role.Screener);

        var response = await client.PostJson("/v1/entities", new { dataset = "bka_x", schema = "Person", properties = new { name = "A B" } });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_key_over_its_rate_limit_gets_429_with_retry_after()
    {
        // Given a rate limit of 10 requests a second (one token every 100 ms) and a burst of 5
        using var app = new CordonApp(new() { ["RateLimit"] = "10", ["RateBurst"] = "5" });
        await app.ReadyAsync();
        var client = app.Agency("BKA", Role.Screener);
        var other = app.Agency("FBI", Role.Screener);

        // When the key makes 20 requests at once
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var statuses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.Get("/v1/me")));
        var refills = (int)Math.Ceiling(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds / 100);

        // Then some are refused with 429 and Retry-After, and another key is not affected
        var refused = statuses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.NotEmpty(refused);
        // (at most the burst and the tokens added while they ran: each key lookup takes longer on a database server)
        Assert.True(statuses.Count(r => r.StatusCode == HttpStatusCode.OK) <= 5 + refills);
        Assert.Equal("1", refused[0].Headers.RetryAfter?.ToString());
        Assert.Equal(HttpStatusCode.OK, (await other.Get("/v1/me")).StatusCode);
    }

    [Fact]
    public async Task Health_readiness_and_the_openapi_document_need_no_key()
    {
        using var app = new CordonApp();
        await app.ReadyAsync();
        var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.Get("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.Get("/readyz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.Get("/openapi/v1.json")).StatusCode);
    }
}
