using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cordon.Server.Tests.Support;
using Cordon.Sharing;

namespace Cordon.Server.Tests;

/// <summary>
/// Review items: hits above the threshold are queued per (agency, subject, record); an analyst confirms or dismisses
/// with a note; a dismissal suppresses the pair until the record changes; a confirmation notifies the owner.
/// </summary>
public sealed class ReviewTests
{
    private const string Name = "Ostrava Pellington";

    private static async Task<(CordonApp App, HttpClient Owner, HttpClient Analyst, string EntityId)> Setup(string handling = "shared")
    {
        var app = new CordonApp();
        await app.ReadyAsync();
        var owner = app.Agency("BKA", Role.Admin);
        var analyst = app.Agency("FBI", Role.Analyst);
        Assert.Equal(HttpStatusCode.Created, (await owner.PostJson("/v1/datasets", new { name = "bka_cases", handling })).StatusCode);
        var created = await owner.PostJson("/v1/entities", new { dataset = "bka_cases", schema = "Person", id = "P-1", properties = new { name = Name, birthDate = "1971" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (app, owner, analyst, (await created.Json()).GetProperty("id").GetString()!);
    }

    private static async Task<JsonElement> Screen(HttpClient client, string subject = "traveller-7") =>
        await (await client.PostJson("/v1/screen", new { name = Name, purpose = "arrival check", subject })).Json();

    [Fact]
    public async Task A_hit_becomes_one_open_item_that_later_screens_of_the_subject_point_to()
    {
        var (app, _, analyst, entityId) = await Setup();
        using var _app = app;

        // When the same subject is screened twice
        var first = await Screen(analyst);
        var second = await Screen(analyst);

        // Then one open item stands for the pair, and both answers name it
        var review = first.GetProperty("results")[0].GetProperty("review");
        Assert.Equal("open", review.GetProperty("status").GetString());
        Assert.Equal(review.GetProperty("id").GetString(), second.GetProperty("results")[0].GetProperty("review").GetProperty("id").GetString());
        var page = await (await analyst.Get("/v1/hits?status=open")).Json();
        var item = Assert.Single(page.GetProperty("hits").EnumerateArray());
        Assert.Equal(entityId, item.GetProperty("entityId").GetString());
        Assert.Equal("traveller-7", item.GetProperty("subject").GetString());
        Assert.Equal("arrival check", item.GetProperty("purpose").GetString());
        Assert.Equal("screen", item.GetProperty("origin").GetString());
        Assert.Equal(Name, item.GetProperty("query").GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_dismissed_pair_is_left_out_of_later_screens_until_the_record_changes()
    {
        var (app, owner, analyst, entityId) = await Setup();
        using var _app = app;
        var id = (await Screen(analyst)).GetProperty("results")[0].GetProperty("review").GetProperty("id").GetString()!;

        // When an analyst dismisses it with a note
        var decided = await analyst.PostJson($"/v1/hits/{id}/decision", new { decision = "dismiss", note = "different person: born 1990" });
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        Assert.Equal("dismissed", (await decided.Json()).GetProperty("status").GetString());

        // Then the subject's next screen leaves the record out and names the item it was suppressed by
        var again = await Screen(analyst);
        Assert.DoesNotContain(again.GetProperty("results").EnumerateArray(), h => h.GetProperty("id").GetString() == entityId);
        Assert.Equal(id, again.GetProperty("suppressed")[0].GetString());

        // And another subject of the same name still gets the hit
        var other = await Screen(analyst, "traveller-8");
        Assert.Contains(other.GetProperty("results").EnumerateArray(), h => h.GetProperty("id").GetString() == entityId);

        // When the owner changes the record, the hit is back with a new item
        var update = await owner.PutAsJsonAsync(new Uri($"/v1/entities/{entityId}", UriKind.Relative),
            new { schema = "Person", properties = new { name = Name, birthDate = "1971", nationality = "de" } });
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        var after = await Screen(analyst);
        var hit = after.GetProperty("results").EnumerateArray().Single(h => h.GetProperty("id").GetString() == entityId);
        Assert.NotEqual(id, hit.GetProperty("review").GetProperty("id").GetString());
        Assert.Equal("open", hit.GetProperty("review").GetProperty("status").GetString());

        // And the decision is in the analyst's audit trail with its note
        Assert.Contains(app.Store.ReadAudit("FBI"), r => r.Entry.Action == "hit.dismiss" && r.Entry.Subject == id && r.Entry.Details.Contains("born 1990", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_confirmation_notifies_the_owner_and_a_second_decision_conflicts()
    {
        var (app, owner, analyst, entityId) = await Setup();
        using var _app = app;
        var id = (await Screen(analyst)).GetProperty("results")[0].GetProperty("review").GetProperty("id").GetString()!;

        var confirmed = await analyst.PostJson($"/v1/hits/{id}/decision", new { decision = "confirm", note = "passport matches" });
        var again = await analyst.PostJson($"/v1/hits/{id}/decision", new { decision = "dismiss", note = "changed my mind" });

        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var notifications = (await (await owner.Get("/v1/notifications")).Json()).GetProperty("notifications");
        var told = Assert.Single(notifications.EnumerateArray(), n => n.GetProperty("kind").GetString() == NotificationKinds.ConfirmedHit);
        Assert.Equal("FBI", told.GetProperty("fromAgency").GetString());
        Assert.Equal(entityId, told.GetProperty("entityId").GetString());
        Assert.Equal("arrival check", told.GetProperty("purpose").GetString());
        Assert.Equal("confirmed", (await (await analyst.Get($"/v1/hits/{id}")).Json()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Confirming_a_hit_on_a_public_list_notifies_no_one()
    {
        using var app = new CordonApp();
        app.ImportList("un", "lists/un/UN_consolidated.xml");
        await app.ReadyAsync();
        var analyst = app.Agency("FBI", Role.Analyst);
        var hit = (await (await analyst.PostJson("/v1/screen", new { name = "Abu Mohammed al-Adnani", purpose = "p", subject = "s" })).Json()).GetProperty("results")[0];
        var before = app.Store.GetAuditHead().Seq;

        var confirmed = await analyst.PostJson($"/v1/hits/{hit.GetProperty("review").GetProperty("id").GetString()}/decision", new { decision = "confirm", note = "same person" });

        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal(before + 1, app.Store.GetAuditHead().Seq);
        Assert.Empty(app.Store.GetNotifications(hit.GetProperty("owner").GetString()!));
    }

    [Fact]
    public async Task A_hit_no_hit_referral_is_queued_without_naming_the_record()
    {
        var (app, _, analyst, entityId) = await Setup("hit-no-hit");
        using var _app = app;

        var answer = await Screen(analyst);

        var referral = answer.GetProperty("referrals")[0];
        var id = referral.GetProperty("review").GetProperty("id").GetString()!;
        var text = await (await analyst.Get($"/v1/hits/{id}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(entityId, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Name.Split(' ')[1], text.Replace(Name, "", StringComparison.Ordinal), StringComparison.Ordinal);
        using var item = JsonDocument.Parse(text);
        Assert.Equal(referral.GetProperty("reference").GetString(), item.RootElement.GetProperty("reference").GetString());
        Assert.Equal("BKA", item.RootElement.GetProperty("owner").GetString());
        Assert.False(item.RootElement.TryGetProperty("score", out _));
    }

    [Fact]
    public async Task Another_agencys_item_is_answered_as_an_absent_one_and_bad_decisions_name_their_field()
    {
        var (app, owner, analyst, _) = await Setup();
        using var _app = app;
        var id = (await Screen(analyst)).GetProperty("results")[0].GetProperty("review").GetProperty("id").GetString()!;
        var screener = app.Agency("FBI", Role.Screener);

        var theirs = await owner.Get($"/v1/hits/{id}");
        var absent = await owner.Get("/v1/hits/hit_00000000000000000000");
        Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
        Assert.Equal((await absent.Content.ReadAsStringAsync()).Replace("hit_00000000000000000000", id, StringComparison.Ordinal),
            await theirs.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await owner.PostJson($"/v1/hits/{id}/decision", new { decision = "dismiss", note = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await screener.Get("/v1/hits")).StatusCode);
        foreach (var (body, field) in new (object, string)[]
        {
            (new { decision = "dismiss" }, "note"),
            (new { decision = "dismiss", note = "  " }, "note"),
            (new { decision = "maybe", note = "x" }, "decision"),
            (new { decision = "open", note = "x" }, "decision"),
            (new { note = "x" }, "decision"),
            (new { decision = "dismiss", note = new string('x', 2001) }, "note"),
        })
        {
            var refused = await analyst.PostJson($"/v1/hits/{id}/decision", body);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal(field, (await refused.Json()).GetProperty("field").GetString());
        }

        Assert.Equal("status", (await (await analyst.Get("/v1/hits?status=pending")).Json()).GetProperty("field").GetString());
        Assert.Equal("open", (await (await analyst.Get($"/v1/hits/{id}")).Json()).GetProperty("status").GetString());
    }
}
