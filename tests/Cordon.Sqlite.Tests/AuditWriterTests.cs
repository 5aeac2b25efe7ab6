using Cordon.Audit;
using Cordon.Sharing;
using Cordon.Tests.Support;

namespace Cordon.Sqlite.Tests;

public sealed class AuditWriterTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Entries_still_queued_when_the_writer_stops_are_committed_before_it_returns(bool committer)
    {
        // Given a writer with a thousand entries queued, none awaited yet
        using var store = SqliteStore.Open(Path.Combine(TestData.TempDirectory(), "audit.db"));
        var writer = new AuditWriter(store, committer: committer);
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

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_stopped_writer_refuses_new_entries_and_stopping_twice_is_harmless(bool committer)
    {
        using var store = SqliteStore.Open(Path.Combine(TestData.TempDirectory(), "audit.db"));
        var writer = new AuditWriter(store, committer: committer);
        var seq = await writer.AppendAsync(new AuditEntry(DateTimeOffset.UtcNow, "BKA", "key_1", AuditActions.Screen, "before", "{}"));

        await writer.DisposeAsync();
        await writer.DisposeAsync();

        Assert.Equal(1, seq);
        await Assert.ThrowsAsync<ObjectDisposedException>(() =>
            writer.AppendAsync(new AuditEntry(DateTimeOffset.UtcNow, "BKA", "key_1", AuditActions.Screen, "after", "{}")));
        Assert.Equal(1, AuditChain.Verify(store.ReadAudit()).Entries);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Callers_on_many_threads_each_get_their_own_place_in_one_intact_chain(bool committer)
    {
        using var store = SqliteStore.Open(Path.Combine(TestData.TempDirectory(), "audit.db"));
        await using var writer = new AuditWriter(store, capacity: 16, committer: committer);
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

    [Fact]
    public async Task A_caller_finding_no_commit_under_way_commits_its_own_entry_before_it_returns()
    {
        using var store = SqliteStore.Open(Path.Combine(TestData.TempDirectory(), "audit.db"));
        await using var writer = new AuditWriter(store);

        // No other caller: the entry is durable by the time the call returns, with no other thread to wake
        var task = writer.AppendAsync(new AuditEntry(DateTimeOffset.UtcNow, "BKA", "key_1", AuditActions.Screen, "alone", "{}"));

        Assert.True(task.IsCompletedSuccessfully);
        Assert.Equal(1, await task);
        Assert.Equal("alone", Assert.Single(store.ReadAudit()).Entry.Subject);
    }

    [Fact]
    public async Task A_failed_commit_fails_its_callers_only_and_the_next_entries_are_committed()
    {
        // Given a review item already stored, and a caller queuing another with the same id
        using var store = SqliteStore.Open(Path.Combine(TestData.TempDirectory(), "audit.db"));
        await using var writer = new AuditWriter(store);
        var now = DateTimeOffset.UtcNow;
        var item = new ReviewItem("hit_1", "BKA", "s", "NK-1", "fp", "UN", null, "un", "Cap", "high", 0.93, "screen", "p", "{}", now, "key_1");
        await writer.AppendAsync([new AuditEntry(now, "BKA", "key_1", AuditActions.Screen, "first", "{}")], null, [item]);

        // When it is committed, the caller is told the audit could not be written
        var error = await Assert.ThrowsAsync<AuditUnavailableException>(() =>
            writer.AppendAsync([new AuditEntry(now, "BKA", "key_1", AuditActions.Screen, "clash", "{}")], null, [item]));
        Assert.Contains("audit log could not be written", error.Message, StringComparison.Ordinal);

        // Then the next caller is committed in its place, after the first, and the chain is whole
        Assert.Equal(2, await writer.AppendAsync(new AuditEntry(now, "BKA", "key_1", AuditActions.Screen, "after", "{}")));
        var verification = AuditChain.Verify(store.ReadAudit());
        Assert.True(verification.Intact, verification.Reason);
        Assert.Equal(["first", "after"], store.ReadAudit().Select(r => r.Entry.Subject));
    }
}
