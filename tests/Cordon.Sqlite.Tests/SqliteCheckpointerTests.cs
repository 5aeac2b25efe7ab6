using Cordon.Audit;
using Cordon.Tests.Support;

namespace Cordon.Sqlite.Tests;

public sealed class SqliteCheckpointerTests
{
    [Fact]
    public void With_background_checkpoints_commits_leave_the_log_alone_and_without_them_sqlite_checkpoints_as_usual()
    {
        using var store = SqliteStore.Open(Path.Combine(TestData.TempDirectory(), "c.db"));
        Assert.Equal(1000, AutoCheckpoint(store));

        store.CheckpointInBackground(TimeSpan.FromMilliseconds(50));

        Assert.Equal(0, AutoCheckpoint(store));
    }

    [Fact]
    public void Under_a_steady_stream_of_small_commits_the_log_starts_again_instead_of_growing()
    {
        // Given a store whose log is checkpointed in the background, and about five times the restart size of pages
        // written by small commits, one after another as the audit writer makes them
        var path = Path.Combine(TestData.TempDirectory(), "s.db");
        using var store = SqliteStore.Open(path);
        store.CheckpointInBackground(TimeSpan.FromMilliseconds(5));
        var details = "{\"query\":\"" + new string('x', 8000) + "\"}";
        var now = DateTimeOffset.UtcNow;
        const int commits = 12_500;
        for (var i = 0; i < commits; i++)
        {
            store.Append([new AuditEntry(now, "BKA", "key_1", AuditActions.Screen, $"name {i}", details)], []);
        }

        // Then the log file stayed within a few restart sizes, well below what the commits wrote (every page of the
        // database went through the log, which would hold them all had it never started again), and the chain is whole.
        // The log passes its restart size by what commits land before the background pass notices: its interval plus
        // however long a busy machine keeps that thread waiting (seen: 1.8 times the restart size with the other test
        // assemblies running beside this one).
        const long restartBytes = SqliteCheckpointer.RestartPages * 4096;
        var written = new FileInfo(path).Length;
        var log = new FileInfo(path + "-wal").Length;
        Assert.True(written > 5 * restartBytes, $"the test wrote only {written} bytes");
        Assert.True(log < restartBytes * 3, $"the log grew to {log} bytes");
        var verification = AuditChain.Verify(store.ReadAudit());
        Assert.True(verification.Intact, verification.Reason);
        Assert.Equal(commits, verification.Entries);
    }

    [Fact]
    public void Every_connection_flushes_the_log_at_commit_so_an_answered_entry_survives_a_power_cut()
    {
        // synchronous = FULL (2) in WAL mode: a commit returns once the log is on disk. NORMAL (1) returns once it is
        // written to the operating system, which a crash of Cordon survives but a power cut does not.
        using var store = SqliteStore.Open(Path.Combine(TestData.TempDirectory(), "f.db"));
        store.CheckpointInBackground(TimeSpan.FromMilliseconds(50));

        Assert.Equal(2, Pragma(store, "synchronous"));
        Assert.Equal("wal", (string)Scalar(store, "PRAGMA journal_mode"));
    }

    private static long AutoCheckpoint(SqliteStore store) => Pragma(store, "wal_autocheckpoint");

    private static long Pragma(SqliteStore store, string name) => (long)Scalar(store, "PRAGMA " + name);

    private static object Scalar(SqliteStore store, string sql)
    {
        using var connection = store.Connect();
        using var command = connection.CreateCommand();
#pragma warning disable CA2100 // The tests' own constant pragmas.
        command.CommandText = sql;
#pragma warning restore CA2100
        return command.ExecuteScalar()!;
    }
}
