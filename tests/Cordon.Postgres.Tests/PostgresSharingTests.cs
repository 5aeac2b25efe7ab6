using Cordon.Audit;
using Cordon.Model;
using Cordon.Sharing;
using Cordon.Storage;
using Npgsql;

namespace Cordon.Postgres.Tests;

/// <summary>What several nodes on one database need of the sharing half beyond the contract: one chain, and announcements.</summary>
public sealed class PostgresSharingTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    private static AuditEntry Entry(string node, int i) => new(Now.AddTicks(i), "BKA", "key_" + node, AuditActions.Screen, $"q{i}", $$"""{"node":"{{node}}","i":{{i}}}""");

    [PostgresFact]
    public async Task Four_nodes_appending_at_once_make_one_unbroken_chain()
    {
        // Given four nodes on one database, each appending 100 batches of three entries at the same moment
        var db = TestPostgres.NewDatabase();
        var nodes = Enumerable.Range(0, 4).Select(_ => PostgresStore.Open(db)).ToArray();
        using var start = new Barrier(nodes.Length);

        await Task.WhenAll(nodes.Select((node, n) => Task.Run(() =>
        {
            start.SignalAndWait();
            for (var b = 0; b < 100; b++)
            {
                node.Append([Entry($"n{n}", 3 * b), Entry($"n{n}", (3 * b) + 1), Entry($"n{n}", (3 * b) + 2)], []);
            }
        })));

        // Then the chain has every entry once, numbered 1..1200 without a gap, each batch's entries consecutive, and it verifies
        var records = nodes[0].ReadAudit().ToList();
        Assert.Equal(Enumerable.Range(1, 1200).Select(i => (long)i), records.Select(r => r.Seq));
        var (headSeq, headHash) = nodes[3].GetAuditHead();
        Assert.True(AuditChain.Verify(records, $"{headSeq}:{headHash}").Intact);
        Assert.All(records.Chunk(3), batch => Assert.Single(batch.Select(r => r.Entry.Key).Distinct()));
        foreach (var node in nodes)
        {
            node.Dispose();
        }
    }

    private static Notification Notice(int i) => new($"ref{i}", "DGSI", Now, "hit", "BKA", "key_t", "case", $"q{i}", "a1", 0.9);

    private static ReviewItem Review(int i) => new($"rv_{i}", "BKA", $"s{i}", "a1", $"fp{i}", "BKA", null, "alpha", "Jane Roe", "strong", 0.9,
        ReviewOrigins.Screen, "case", "{}", Now, "key_t", ReviewStatus.Open, null, null, null);

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA2100", Justification = "The test's own table names.")]
    private static long Count(string db, string table)
    {
        using var connection = new NpgsqlConnection(db);
        connection.Open();
        using var command = new NpgsqlCommand($"SELECT count(*) FROM {table}", connection);
        return (long)command.ExecuteScalar()!;
    }

    [PostgresFact]
    public void A_node_that_finds_the_head_moved_writes_its_batch_once_after_the_other_nodes()
    {
        // Given two nodes on one database: A appends a run of batches alone, then B one, then A again (its last known
        // head now behind), and then they take turns; every batch has two entries, a notification and a review item
        var db = TestPostgres.NewDatabase();
        using var a = PostgresStore.Open(db);
        using var b = PostgresStore.Open(db);
        var order = Enumerable.Repeat(a, 10).Append(b).Append(a).Concat(Enumerable.Range(0, 20).Select(i => i % 2 == 0 ? b : a)).ToList();
        var firsts = new List<long>();
        for (var i = 0; i < order.Count; i++)
        {
            firsts.Add(order[i].Append([Entry("t", 2 * i), Entry("t", (2 * i) + 1)], [Notice(i)], [Review(i)]));
        }

        // Then each batch went in once, in the order appended, the chain verifies, and nothing was written twice
        var records = a.ReadAudit().ToList();
        Assert.Equal(Enumerable.Range(0, order.Count).Select(i => (long)(2 * i) + 1), firsts);
        Assert.Equal(Enumerable.Range(0, 2 * order.Count).Select(i => $"q{i}"), records.Select(r => r.Entry.Subject));
        var (headSeq, headHash) = b.GetAuditHead();
        Assert.True(AuditChain.Verify(records, $"{headSeq}:{headHash}").Intact);
        Assert.Equal(order.Count, Count(db, "notifications"));
        Assert.Equal(order.Count, Count(db, "review_items"));
    }

    [PostgresFact]
    public void When_the_server_ends_the_append_connection_one_append_fails_and_the_next_opens_another()
    {
        // Given a node that has appended (and keeps its connection for the next append)
        var db = TestPostgres.NewDatabase(pooling: true);
        using var store = PostgresStore.Open(db);
        Assert.Equal(1, store.Append([Entry("k", 0)], []));

        // When the server ends the database's other sessions, as a restart or a failover would
        TestPostgres.Column(db, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()");

        // Then the append on the ended connection fails, and the next one is written on a new connection after the first
        Assert.ThrowsAny<NpgsqlException>(() => store.Append([Entry("k", 1)], []));
        Assert.Equal(2, store.Append([Entry("k", 2)], []));
        Assert.Equal(3, store.Append([Entry("k", 3)], []));
        Assert.Equal(["q0", "q2", "q3"], store.ReadAudit().Select(r => r.Entry.Subject));
        var (seq, hash) = store.GetAuditHead();
        Assert.True(AuditChain.Verify(store.ReadAudit(), $"{seq}:{hash}").Intact);
    }

    [PostgresFact]
    public void A_head_with_the_same_number_but_another_hash_is_not_chained_from()
    {
        // Given a node that appended, after which its last entry's hash was changed behind its back (a restore, say)
        var db = TestPostgres.NewDatabase();
        using var store = PostgresStore.Open(db);
        store.Append([Entry("h", 0)], []);
        store.Append([Entry("h", 1)], []);
        var changed = new string('f', 64);
        using (var connection = new NpgsqlConnection(db))
        {
            connection.Open();
            using var update = new NpgsqlCommand("UPDATE audit SET hash = $1 WHERE seq = 2", connection) { Parameters = { new() { Value = changed } } };
            Assert.Equal(1, update.ExecuteNonQuery());
        }

        // When it appends again
        var seq = store.Append([Entry("h", 2)], []);

        // Then the new entry is chained from the hash in the table, not from the one the node remembered
        var last = store.ReadAudit(afterSeq: 2).Single();
        Assert.Equal(3, seq);
        Assert.Equal(AuditChain.Hash(changed, 3, last.Entry), last.Hash);
    }

    [PostgresFact]
    public async Task A_change_is_announced_to_listening_nodes_when_it_commits()
    {
        // Given a node listening on the change channel
        var db = TestPostgres.NewDatabase();
        using var store = PostgresStore.Open(db);
        await using var listener = new NpgsqlConnection(db);
        await listener.OpenAsync();
        var heard = new List<string>();
        listener.Notification += (_, e) => heard.Add(e.Payload);
        await using (var listen = new NpgsqlCommand($"LISTEN {PostgresStore.ChangeChannel}", listener))
        {
            await listen.ExecuteNonQueryAsync();
        }

        // When another node imports, adds a monitored subject and a review item, and screens (no announcement)
        store.Import(new ImportRequest("alpha", "BKA", "ftm", "test"), [new EntityBuilder("a1", Schemata.Person, "a1").Add("name", "Jane Roe").Build()]);
        store.AddMonitored(new MonitoredSubject("BKA", "s1", "Jane Roe", null, null, null, [], "case", "key_x", Now), Entry("x", 1));
        store.Append([Entry("x", 2)], []);
        store.Append([Entry("x", 3)], [], [new ReviewItem("rv_1", "BKA", "s1", "a1", "fp", "BKA", null, "alpha", "Jane Roe", "strong", 0.9,
            ReviewOrigins.Screen, "case", "{}", Now, "key_x", ReviewStatus.Open, null, null, null)]);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        while (heard.Count < 3)
        {
            await listener.WaitAsync(timeout.Token);
        }

        // Then each kind of change was heard once, in commit order, naming the store that made it, and the screen was not
        Assert.Equal([PostgresStore.DatasetsChanged, PostgresStore.MonitoredChanged, PostgresStore.ReviewsChanged], heard.Select(h => h.Split(' ')[0]));
        Assert.All(heard, h => Assert.Equal(store.Node, h.Split(' ')[1]));
        Assert.False(await listener.WaitAsync(200));
    }

    [PostgresFact]
    public void Review_changes_are_read_in_revision_order_from_where_a_node_left_off()
    {
        var db = TestPostgres.NewDatabase();
        using var store = PostgresStore.Open(db);
        ReviewItem Item(string id) => new(id, "BKA", "s-" + id, "e-" + id, "fp", "BKA", null, "alpha", "Jane Roe", "strong", 0.9,
            ReviewOrigins.Screen, "case", "{}", Now, "key_x", ReviewStatus.Open, null, null, null);
        var start = store.GetReviewRevision();
        store.Append([Entry("x", 1)], [], [Item("rv_1"), Item("rv_2")]);
        var (first, seen) = store.ReadReviewChanges(start);

        Assert.True(store.DecideReview("rv_1", ReviewStatus.Dismissed, "not him", "key_y", Now, Entry("x", 2), null));
        var (second, now) = store.ReadReviewChanges(seen);

        Assert.Equal(0, start);
        Assert.Equal(["rv_1", "rv_2"], first.Select(i => i.Id));
        Assert.Equal(["rv_1"], second.Select(i => i.Id));
        Assert.Equal(ReviewStatus.Dismissed, second[0].Status);
        Assert.True(now > seen);
        Assert.Empty(store.ReadReviewChanges(now).Items);
    }

    [PostgresFact]
    public async Task A_listening_node_hears_what_other_nodes_change_and_not_what_it_changes_itself()
    {
        // Given two nodes on one database, the first listening
        var db = TestPostgres.NewDatabase();
        using var self = PostgresStore.Open(db);
        using var other = PostgresStore.Open(db);
        var heard = System.Threading.Channels.Channel.CreateUnbounded<string>();
        var connected = new TaskCompletionSource();
        using var stop = new CancellationTokenSource();
        var listening = self.ListenAsync(kind => heard.Writer.TryWrite(kind), () => connected.TrySetResult(), _ => { }, null, TimeSpan.FromSeconds(1), stop.Token);
        await connected.Task.WaitAsync(TimeSpan.FromSeconds(10));

        // When it adds a monitored subject itself, then the other node imports
        self.AddMonitored(new MonitoredSubject("BKA", "s1", "Jane Roe", null, null, null, [], "case", "key_x", Now), Entry("x", 1));
        other.Import(new ImportRequest("alpha", "BKA", "ftm", "test"), [new EntityBuilder("a1", Schemata.Person, "a1").Add("name", "Jane Roe").Build()]);

        // Then only the other node's change is handed on, as its kind
        Assert.Equal(PostgresStore.DatasetsChanged, await heard.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.False(heard.Reader.TryRead(out _));
        await stop.CancelAsync();
        await listening;
    }

    [PostgresFact]
    public async Task One_listening_node_runs_continuous_screening_and_another_takes_over_when_its_connection_ends()
    {
        // Given two nodes on one database, listening one after the other and trying for the monitor lock every 200 ms
        var db = TestPostgres.NewDatabase();
        using var first = PostgresStore.Open(db);
        using var second = PostgresStore.Open(db);
        var firstLeads = System.Threading.Channels.Channel.CreateUnbounded<bool>();
        var secondLeads = System.Threading.Channels.Channel.CreateUnbounded<bool>();
        using var stopFirst = new CancellationTokenSource();
        using var stopSecond = new CancellationTokenSource();
        static Task<bool> Next(System.Threading.Channels.Channel<bool> told) => told.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        var firstListening = first.ListenAsync(_ => { }, () => { }, _ => { }, l => firstLeads.Writer.TryWrite(l), TimeSpan.FromMilliseconds(200), stopFirst.Token);
        Assert.True(await Next(firstLeads));
        var secondListening = second.ListenAsync(_ => { }, () => { }, _ => { }, l => secondLeads.Writer.TryWrite(l), TimeSpan.FromMilliseconds(200), stopSecond.Token);

        // Then the first leads and the second does not, however often it tries
        Assert.False(await Next(secondLeads));
        await Task.Delay(1000);
        Assert.False(secondLeads.Reader.TryRead(out _));
        Assert.False(firstLeads.Reader.TryRead(out _));

        // When the first stops listening (its connection, and the lock with it, end)
        await stopFirst.CancelAsync();
        await firstListening;

        // Then the second takes over
        Assert.True(await Next(secondLeads));
        await stopSecond.CancelAsync();
        await secondListening;
    }
}
