using System.Text.Json;
using Cordon.Server.Tests.Support;
using Cordon.Sharing;

namespace Cordon.Server.Tests;

/// <summary>A running server applies lists changed beside it as deltas on top of its index, and later folds them into a new one.</summary>
public sealed class FollowingTests
{
    [Fact]
    public async Task A_new_version_imported_beside_the_server_withdraws_and_adds_records_in_its_answers()
    {
        // Given a server answering from the 2018 UN list
        using var app = new CordonApp();
        app.ImportList("un", "lists/un/UN_consolidated_2018-10-29.xml");
        await app.ReadyAsync();
        var client = app.Agency("BKA", Role.Screener);
        var before = app.Store.ReadEntities("un").Where(e => e.Schema.Name == "Person").ToDictionary(e => e.Id, e => e.Caption, StringComparer.Ordinal);

        // When the current list is imported beside it (111 records added, 201 removed, 712 changed)
        app.ImportList("un", "lists/un/UN_consolidated.xml");
        var after = app.Store.ReadEntities("un").Where(e => e.Schema.Name == "Person").ToDictionary(e => e.Id, e => e.Caption, StringComparer.Ordinal);
        var removed = before.Keys.Except(after.Keys).Order(StringComparer.Ordinal).First();
        var added = after.Keys.Except(before.Keys).Order(StringComparer.Ordinal).First();
        var generation = await GenerationAsync(app);
        await WaitAsync(app, r => r.GetProperty("generation").GetInt64() > generation);

        // Then a withdrawn record is no longer found under its own name, and an added one is
        Assert.DoesNotContain(removed, await HitIdsAsync(client, before[removed]));
        Assert.Contains(added, await HitIdsAsync(client, after[added]));
    }

    [Fact]
    public async Task Many_changes_are_answered_at_once_then_folded_into_a_new_index_in_the_background()
    {
        // Given a server answering from the UN list
        using var app = new CordonApp();
        app.ImportList("un", "lists/un/UN_consolidated.xml");
        await app.ReadyAsync();
        var client = app.Agency("BKA", Role.Screener);
        var generation = await GenerationAsync(app);

        // When OFAC's list, far more records than the changes a view carries on top of its index, is imported beside it
        app.ImportList("ofac", "lists/ofac/sdn_csv_2021");
        var ofac = app.Store.ReadEntities("ofac").First(e => e.Schema.Name == "Person");

        // Then the server answers from both lists, first with the changes on top (one new view), then from a new index
        // built in the background (another), with the same entity count
        var delta = await WaitAsync(app, r => r.GetProperty("generation").GetInt64() > generation);
        Assert.Contains(ofac.Id, await HitIdsAsync(client, ofac.Caption));
        var rebuilt = await WaitAsync(app, r => r.GetProperty("generation").GetInt64() > delta.GetProperty("generation").GetInt64());
        Assert.Equal(delta.GetProperty("entities").GetInt32(), rebuilt.GetProperty("entities").GetInt32());
        Assert.Contains(ofac.Id, await HitIdsAsync(client, ofac.Caption));
    }

    private static async Task<long> GenerationAsync(CordonApp app) =>
        (await (await app.CreateClient().Get("/readyz")).Json()).GetProperty("generation").GetInt64();

    private static async Task<JsonElement> WaitAsync(CordonApp app, Func<JsonElement, bool> done)
    {
        var client = app.CreateClient();
        for (var i = 0; i < 600; i++)
        {
            var readiness = await (await client.Get("/readyz")).Json();
            if (done(readiness))
            {
                return readiness;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("the server's view did not change within 60 s");
    }

    private static async Task<List<string>> HitIdsAsync(HttpClient client, string name)
    {
        var answer = await (await client.PostJson("/v1/screen", Http.Screen(name))).Json();
        return [.. answer.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetString()!)];
    }
}
