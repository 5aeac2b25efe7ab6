using Cordon.Audit;
using Cordon.Tests.Support;

namespace Cordon.Sqlite.Tests;

public sealed class AuditWriterTests
{
    [Fact]
    public async Task Entries_still_queued_when_the_writer_stops_are_committed_before_it_returns()
    {
        // Given a writer with a thousand entries queued, none awaited yet
        using var store = SqliteStore.Open(Path.Combine(TestData.TempDirectory(), "audit.db"));
        var writer = new AuditWriter(store);
        var now = DateTimeOffset.UtcNow;
        var pending = Enumerable.Range(0, 1000)
            .Select(i => writer.AppendAsync(new AuditEntry(now, "BKA", "key_1", AuditActions.Screen, $"name {i}", "{}")))
            .ToList();

        // When it is stopped (as at shutdown)
        await writer.DisposeAsync();

        // Then every entry is in the store, in one intact chain, and each caller is answered with its own place in it
        var verification = AuditChain.Verify(store.ReadAudit());
        Assert.True(verification.Intact, verification.Reason);
        Assert.Equal(1000, verification.Entries);
        Assert.Equal(Enumerable.Range(1, 1000).Select(i => (long)i), (await Task.WhenAll(pending)).Order());
    }
}
