using System.Net;
using System.Net.Http.Json;
using Cordon.Server.Tests.Support;
using Cordon.Sharing;

namespace Cordon.Server.Tests;

/// <summary>
/// What an agency without rights learns of another agency's records, endpoint by endpoint: nothing for a restricted
/// record (not even through counts, or an answer that differs from the one for a record that does not exist); only
/// existence, owner, band and a reference for a hit-no-hit record, while the owner is told who asked and why.
/// </summary>
public sealed class SharingMatrixTests
{
    private const string RestrictedName = "Zorblax Quentavian Hargreave";
    private const string HitNoHitName = "Murtaza Velikhanov Tarquin";

    private static async Task<(CordonApp App, HttpClient Owner, HttpClient Other, HttpClient Partner)> Setup()
    {
        var app = new CordonApp();
        await app.ReadyAsync();
        var owner = app.Agency("BKA", Role.Admin);
        var other = app.Agency("FBI", Role.Admin);
        var partner = app.Agency("DGSI", Role.Admin);
        return (app, owner, other, partner);
    }

    private static async Task<string> CreateRecord(HttpClient owner, string dataset, string handling, string name, string[]? shareWith = null)
    {
        var created = await owner.PostJson("/v1/datasets", new { name = dataset, handling, shareWith });
        Assert.True(created.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, await created.Content.ReadAsStringAsync());
        var entity = await owner.PostJson("/v1/entities", new { dataset, schema = "Person", id = "P-1", properties = new { name, birthDate = "1971" } });
        Assert.Equal(HttpStatusCode.Created, entity.StatusCode);
        return (await entity.Json()).GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task A_restricted_record_changes_nothing_in_what_another_agency_is_answered()
    {
        // Given another agency's answers before the record exists
        var (app, owner, other, partner) = await Setup();
        using var _ = app;
        var screenBefore = await (await other.PostJson("/v1/screen", Http.Screen(RestrictedName))).Comparable();
        var datasetsBefore = await (await other.Get("/v1/datasets")).Content.ReadAsStringAsync();

        // When the owner adds a restricted record, shared with one partner
        var id = await CreateRecord(owner, "bka_cases", "restricted", RestrictedName, ["DGSI"]);

        // Then the other agency's screening and dataset list read byte for byte as before
        Assert.Equal(screenBefore, await (await other.PostJson("/v1/screen", Http.Screen(RestrictedName))).Comparable());
        Assert.Equal(datasetsBefore, await (await other.Get("/v1/datasets")).Content.ReadAsStringAsync());

        // And reading, replacing or withdrawing it is answered exactly as for an id that does not exist
        var absent = "bka_cases:P-404";
        await SameAsAbsent(other.Get($"/v1/entities/{id}"), other.Get($"/v1/entities/{absent}"), id, absent);
        await SameAsAbsent(other.PutAsJsonAsync($"/v1/entities/{id}", new { schema = "Person", properties = new { name = "x" } }),
            other.PutAsJsonAsync($"/v1/entities/{absent}", new { schema = "Person", properties = new { name = "x" } }), id, absent);
        await SameAsAbsent(other.DeleteAsync(new Uri($"/v1/entities/{id}", UriKind.Relative)),
            other.DeleteAsync(new Uri($"/v1/entities/{absent}", UriKind.Relative)), id, absent);
        await SameAsAbsent(other.Get("/v1/datasets/bka_cases"), other.Get("/v1/datasets/bka_nothing"), "bka_cases", "bka_nothing");

        // And the other agency's audit trail and notifications hold nothing of it
        Assert.DoesNotContain(id, await (await other.Get("/v1/audit")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(id, await (await other.Get("/v1/notifications")).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // While the owner and the named partner see it whole
        foreach (var client in new[] { owner, partner })
        {
            var hits = (await (await client.PostJson("/v1/screen", Http.Screen(RestrictedName))).Json()).GetProperty("results");
            Assert.Equal(id, hits[0].GetProperty("id").GetString());
            Assert.Equal(HttpStatusCode.OK, (await client.Get($"/v1/entities/{id}")).StatusCode);
        }
    }

    [Fact]
    public async Task A_hit_no_hit_record_tells_the_asker_only_that_it_exists_and_tells_the_owner_who_asked_and_why()
    {
        var (app, owner, other, _) = await Setup();
        using var __ = app;
        var id = await CreateRecord(owner, "bka_leads", "hit-no-hit", HitNoHitName);

        // When another agency screens a matching name
        var answer = await (await other.PostJson("/v1/screen", new { name = HitNoHitName, purpose = "visa application 88" })).Json();

        // Then it gets no record, one referral: owner, band and a reference; nothing that names the record
        Assert.Equal(0, answer.GetProperty("results").GetArrayLength());
        var referral = answer.GetProperty("referrals")[0];
        Assert.Equal("BKA", referral.GetProperty("owner").GetString());
        Assert.Equal("high", referral.GetProperty("band").GetString());
        var reference = referral.GetProperty("reference").GetString()!;
        Assert.DoesNotContain(id, answer.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Get($"/v1/entities/{id}")).StatusCode);

        // And its own audit trail holds the reference it was given, not the record
        var trail = await (await other.Get("/v1/audit")).Content.ReadAsStringAsync();
        Assert.Contains(reference, trail, StringComparison.Ordinal);
        Assert.DoesNotContain(id, trail, StringComparison.Ordinal);

        // And the owner is told who asked, when, why, with what query, which record matched, under which reference
        var notifications = (await (await owner.Get("/v1/notifications")).Json()).GetProperty("notifications");
        var note = Assert.Single(notifications.EnumerateArray());
        Assert.Equal(reference, note.GetProperty("reference").GetString());
        Assert.Equal("FBI", note.GetProperty("fromAgency").GetString());
        Assert.Equal("visa application 88", note.GetProperty("purpose").GetString());
        Assert.Equal(HitNoHitName, note.GetProperty("query").GetProperty("name").GetString());
        Assert.Equal(id, note.GetProperty("entityId").GetString());

        // And the owner's trail records the disclosure
        Assert.Contains("\"disclosure\"", await (await owner.Get("/v1/audit")).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // While the owner itself screening its own record sees it whole and raises no notification
        var own = await (await owner.PostJson("/v1/screen", Http.Screen(HitNoHitName))).Json();
        Assert.Equal(id, own.GetProperty("results")[0].GetProperty("id").GetString());
        Assert.Single((await (await owner.Get("/v1/notifications")).Json()).GetProperty("notifications").EnumerateArray());
    }

    [Fact]
    public async Task An_entity_rule_overrides_its_datasets_and_hides_the_dataset_counts_from_those_it_excludes()
    {
        var (app, owner, other, _) = await Setup();
        using var __ = app;
        Assert.Equal(HttpStatusCode.Created, (await owner.PostJson("/v1/datasets", new { name = "bka_public", handling = "shared" })).StatusCode);
        var shared = await owner.PostJson("/v1/entities", new { dataset = "bka_public", schema = "Person", properties = new { name = "Ostrava Pellington" } });
        Assert.Contains("\"bka_public\"", await (await other.Get("/v1/datasets")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var sharedId = (await shared.Json()).GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await other.Get($"/v1/entities/{sharedId}")).StatusCode);

        // When one record of the shared dataset is made restricted
        var hidden = await owner.PostJson("/v1/entities", new { dataset = "bka_public", schema = "Person", properties = new { name = RestrictedName }, handling = "restricted" });
        Assert.Equal(HttpStatusCode.Created, hidden.StatusCode);

        // Then the other agency no longer sees the dataset's counts, nor the record, but still the shared one
        Assert.DoesNotContain("\"bka_public\"", await (await other.Get("/v1/datasets")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, (await (await other.PostJson("/v1/screen", Http.Screen(RestrictedName))).Json()).GetProperty("results").GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, (await other.Get($"/v1/entities/{sharedId}")).StatusCode);
    }

    [Fact]
    public async Task A_visible_record_of_another_agency_may_be_read_but_not_changed()
    {
        var (app, owner, other, _) = await Setup();
        using var __ = app;
        Assert.Equal(HttpStatusCode.Created, (await owner.PostJson("/v1/datasets", new { name = "bka_public", handling = "shared" })).StatusCode);
        var id = (await (await owner.PostJson("/v1/entities", new { dataset = "bka_public", schema = "Person", properties = new { name = "Ostrava Pellington" } })).Json())
            .GetProperty("id").GetString()!;

        var read = await other.Get($"/v1/entities/{id}");
        var change = await other.PutAsJsonAsync($"/v1/entities/{id}", new { schema = "Person", properties = new { name = "x" } });
        var add = await other.PostJson("/v1/entities", new { dataset = "bka_public", schema = "Person", properties = new { name = "x" } });

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.False((await read.Json()).TryGetProperty("shareWith", out _), "who else may see a record is the owner's business");
        Assert.Equal(HttpStatusCode.Forbidden, change.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, add.StatusCode);

        // And the read of another agency's record is in the reader's trail
        Assert.Contains("entity.read", await (await other.Get("/v1/audit")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task SameAsAbsent(Task<HttpResponseMessage> hidden, Task<HttpResponseMessage> absent, string hiddenId, string absentId)
    {
        var a = await hidden;
        var b = await absent;
        Assert.Equal(HttpStatusCode.NotFound, a.StatusCode);
        Assert.Equal(b.StatusCode, a.StatusCode);
        var textA = (await a.Content.ReadAsStringAsync()).Replace(hiddenId, "ID", StringComparison.Ordinal);
        var textB = (await b.Content.ReadAsStringAsync()).Replace(absentId, "ID", StringComparison.Ordinal);
        Assert.Equal(textB, textA);
        Assert.Equal(b.Content.Headers.ContentType?.ToString(), a.Content.Headers.ContentType?.ToString());
    }
}
