using System.Net;
using Cordon.Audit;
using Cordon.Server.Tests.Support;
using Cordon.Sharing;

namespace Cordon.Server.Tests;

public sealed class AuditTests
{
    [Fact]
    public async Task Concurrent_screens_are_each_audited_once_in_one_intact_chain()
    {
        // Given a server
        using var app = new CordonApp();
        await app.ReadyAsync();
        var client = app.Agency("BKA", Role.Screener);
        var before = app.Store.GetAuditHead().Seq;

        // When 200 screens arrive at once (the writer commits them in groups)
        var answers = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => client.PostJson("/v1/screen", Http.Screen($"Name {i}"))));

        // Then every answer names its own entry, and the chain holds all of them, intact
        var seqs = new List<long>();
        foreach (var answer in answers)
        {
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            seqs.Add((await answer.Json()).GetProperty("auditSeq").GetInt64());
        }

        Assert.Equal(200, seqs.Distinct().Count());
        Assert.All(seqs, s => Assert.InRange(s, before + 1, before + 200));
        var verification = AuditChain.Verify(app.Store.ReadAudit());
        Assert.True(verification.Intact, verification.Reason);
        Assert.Equal(before + 200, verification.HeadSeq);
    }

    [Theory]
    [InlineData("UPDATE audit SET details = '{\"purpose\":\"nothing to see\"}' WHERE seq = @seq", "altered")]
    [InlineData("DELETE FROM audit WHERE seq = @seq", "missing")]
    [InlineData("UPDATE audit SET agency = 'FBI' WHERE seq = @seq", "altered")]
    public async Task Altering_or_deleting_one_audit_row_in_the_database_is_found_and_named(string sql, string reason)
    {
        // Given a chain of screens
        using var app = new CordonApp();
        await app.ReadyAsync();
        var client = app.Agency("BKA", Role.Screener);
        for (var i = 0; i < 5; i++)
        {
            await client.PostJson("/v1/screen", Http.Screen($"Name {i}"));
        }

        var victim = app.Store.GetAuditHead().Seq - 2;
        Assert.True(AuditChain.Verify(app.Store.ReadAudit()).Intact);

        // When one row is changed directly in the database
        Assert.Equal(1, await app.ExecuteSqlAsync(sql, victim));

        // Then verification names that entry and why
        var result = AuditChain.Verify(app.Store.ReadAudit());
        Assert.False(result.Intact);
        Assert.Equal(victim, result.BrokenAt);
        Assert.Contains(reason, result.Reason, StringComparison.Ordinal);
    }
}
