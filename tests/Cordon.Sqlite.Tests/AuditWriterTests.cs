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

    [Fact]
    public async Task A_stopped_writer_refuses_new_entries_and_stopping_twice_is_harmless()
    {
        using var store = SqliteStore.Open(Path.Combine(TestData.TempDirectory(), "audit.db"));
        var writer = new AuditWriter(store);
        var seq = await writer.AppendAsync(new AuditEntry(DateTimeOffset.UtcNow, "BKA", "key_1", AuditActions.Screen, "before", "{}"));

        await writer.DisposeAsync();
        await writer.DisposeAsync();

        Assert.Equal(1, seq);
        await Assert.ThrowsAsync<ObjectDisposedException>(() =>
            writer.AppendAsync(new AuditEntry(DateTimeOffset.UtcNow, "BKA", "key_1", AuditActions.Screen, "after", "{}")));
        Assert.Equal(1, AuditChain.Verify(store.ReadAudit()).Entries);
    }

    [Fact]
    public async Task Callers_on_many_threads_each_get_their_own_place_in_one_intact_chain()
    {
        using var store = SqliteStore.Open(Path.Combine(TestData.TempDirectory(), "audit.db"));
        await using var writer = new AuditWriter(store, capacity: 16);
        var now = DateTimeOffset.UtcNow;

        // More callers than the writer has room for, from the pool, each queuing two entries that belong together
        var seqs = await Task.WhenAll(Enumerable.Range(0, 400).Select(i => Task.Run(() => writer.AppendAsync(
            [new AuditEntry(now, "BKA", "key_1", AuditActions.Screen, $"q{i}", "{}"), new AuditEntry(now, "AIVD", "key_1", AuditActions.Disclosure, $"q{i}", "{}")]))));

        var verification = AuditChain.Verify(store.ReadAudit());
        Assert.True(verification.Intact, verification.Reason);
        Assert.Equal(800, verification.Entries);
        Assert.Equal(Enumerable.Range(0, 400).Select(i => 1L + (2 * i)), seqs.Order());
        var records = store.ReadAudit().ToDictionary(r => r.Seq);
        Assert.All(seqs, s => Assert.Equal(records[s].Entry.Subject, records[s + 1].Entry.Subject));
    }
}
