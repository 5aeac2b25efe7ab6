using System.Net;
using System.Text.Json;
using Cordon.Server.Tests.Support;
using Cordon.Sharing;

namespace Cordon.Server.Tests;

/// <summary>Continuous screening: a registered subject is screened at once, and again when a list change comes near it.</summary>
public sealed class MonitoringTests
{
    private static async Task<JsonElement> WaitForHits(HttpClient analyst, Func<JsonElement, bool> wanted)
    {
        for (var i = 0; i < 200; i++)
        {
            var hits = (await (await analyst.Get("/v1/hits")).Json()).GetProperty("hits");
            if (hits.EnumerateArray().FirstOrDefault(wanted) is { ValueKind: JsonValueKind.Object } found)
            {
                return found;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("no review item appeared in 20 s");
    }

    [Fact]
    public async Task A_record_added_later_that_matches_a_monitored_subject_raises_a_review_item()
    {
        // Given an agency monitoring a subject nobody has listed yet
        using var app = new CordonApp();
        app.ImportList("un", "lists/un/UN_consolidated.xml");
        await app.ReadyAsync();
        var owner = app.Agency("BKA", Role.Admin);
        var analyst = app.Agency("FBI", Role.Analyst);
        var registered = await analyst.PostJson("/v1/monitored",
            new { subject = "case-12", name = "Tarquin Velikhanov", birthDate = "1971", purpose = "open investigation 12" });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var first = await registered.Json();
        Assert.Equal("case-12", first.GetProperty("monitored").GetProperty("subject").GetString());
        Assert.Empty(first.GetProperty("screen").GetProperty("results").EnumerateArray());

        // When another agency lists that person, and an unrelated one
        Assert.Equal(HttpStatusCode.Created, (await owner.PostJson("/v1/datasets", new { name = "bka_cases", handling = "shared" })).StatusCode);
        var created = await owner.PostJson("/v1/entities", new { dataset = "bka_cases", schema = "Person", properties = new { name = "VELIKHANOV, Tarquin", birthDate = "1971-03-02" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var entityId = (await created.Json()).GetProperty("id").GetString();

        // Then a review item for the subject appears, raised by monitoring, for the subject's purpose
        var item = await WaitForHits(analyst, h => h.GetProperty("entityId").GetString() == entityId);
        Assert.Equal("case-12", item.GetProperty("subject").GetString());
        Assert.Equal("monitor", item.GetProperty("origin").GetString());
        Assert.Equal("open investigation 12", item.GetProperty("purpose").GetString());
        Assert.Contains(app.Store.ReadAudit("FBI"), r => r.Entry.Action == "monitor.screen" && r.Entry.Details.Contains(entityId!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_registration_screens_at_once_is_listed_and_removed_and_bad_input_names_the_field()
    {
        using var app = new CordonApp();
        app.ImportList("un", "lists/un/UN_consolidated.xml");
        await app.ReadyAsync();
        var analyst = app.Agency("FBI", Role.Analyst);
        var screener = app.Agency("FBI", Role.Screener);

        var registered = await (await analyst.PostJson("/v1/monitored", new { subject = "c-1", name = "Abu Mohammed al-Adnani", purpose = "case c-1" })).Json();
        Assert.NotEmpty(registered.GetProperty("screen").GetProperty("results").EnumerateArray());
        Assert.Equal("monitor", (await (await analyst.Get("/v1/hits")).Json()).GetProperty("hits")[0].GetProperty("origin").GetString());
        var listed = await (await analyst.Get("/v1/monitored")).Json();
        Assert.Equal("c-1", Assert.Single(listed.GetProperty("subjects").EnumerateArray()).GetProperty("subject").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await analyst.DeleteAsync(new Uri("/v1/monitored/c-1", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.DeleteAsync(new Uri("/v1/monitored/c-1", UriKind.Relative))).StatusCode);
        Assert.Empty((await (await analyst.Get("/v1/monitored")).Json()).GetProperty("subjects").EnumerateArray());
        Assert.Equal(HttpStatusCode.Forbidden, (await screener.PostJson("/v1/monitored", new { subject = "c-2", name = "x", purpose = "p" })).StatusCode);
        foreach (var (body, field) in new (object, string)[]
        {
            (new { name = "Jane Doe", purpose = "p" }, "subject"),
            (new { subject = "c-2", purpose = "p" }, "name"),
            (new { subject = "c-2", name = "Jane Doe" }, "purpose"),
            (new { subject = "c-2", name = "Jane Doe", purpose = "p", country = "Atlantis" }, "country"),
            (new { subject = "c-2", name = "Jane Doe", purpose = "p", birthDate = "soon" }, "birthDate"),
            (new { subject = new string('s', 201), name = "Jane Doe", purpose = "p" }, "subject"),
            (new { subject = "c\u00012", name = "Jane Doe", purpose = "p" }, "subject"),
        })
        {
            var refused = await analyst.PostJson("/v1/monitored", body);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal(field, (await refused.Json()).GetProperty("field").GetString());
        }

        Assert.Empty((await (await analyst.Get("/v1/monitored")).Json()).GetProperty("subjects").EnumerateArray());
    }
}
