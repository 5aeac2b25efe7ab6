using System.Net;
using Cordon.Postgres.Tests;
using Cordon.Server.Tests.Support;
using Cordon.Sharing;
using Npgsql;

namespace Cordon.Server.Tests;

/// <summary>A node whose PostgreSQL database goes away while it serves: 503s while it is gone, service again when it is back.</summary>
public sealed class DatabaseOutageTests
{
    [PostgresFact]
    public async Task While_the_database_is_unreachable_requests_get_503_with_retry_after_and_service_returns_with_it()
    {
        // Given a node that reaches its database through a relay, serving screens
        var db = TestPostgres.NewDatabase(pooling: true);
        var direct = new NpgsqlConnectionStringBuilder(db);
        using var proxy = new TcpProxy(direct.Host!, direct.Port);
        var relayed = new NpgsqlConnectionStringBuilder(db) { Host = "127.0.0.1", Port = proxy.Port, Timeout = 2, CommandTimeout = 5 }.ConnectionString;
        using var app = new CordonApp(new() { ["Db"] = relayed }, db);
        await app.ReadyAsync();
        var client = app.Agency("BKA", Role.Screener);
        Assert.Equal(HttpStatusCode.OK, (await client.PostJson("/v1/screen", Http.Screen("Jane Roe"))).StatusCode);

        // When the database becomes unreachable
        proxy.Cut();
        var during = await client.PostJson("/v1/screen", Http.Screen("Jane Roe"));

        // Then requests are refused with 503, saying why, and the node stays up
        Assert.Equal(HttpStatusCode.ServiceUnavailable, during.StatusCode);
        Assert.Equal("1", during.Headers.RetryAfter?.ToString());
        Assert.Equal("application/problem+json", during.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().Get("/healthz")).StatusCode);

        // When it comes back, requests succeed again
        proxy.Mend();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        HttpStatusCode status;
        do
        {
            status = (await client.PostJson("/v1/screen", Http.Screen("Jane Roe"))).StatusCode;
            await Task.Delay(100);
        }
        while (status != HttpStatusCode.OK && DateTime.UtcNow < deadline);

        Assert.Equal(HttpStatusCode.OK, status);
    }
}
