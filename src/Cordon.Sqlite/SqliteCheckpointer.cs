using Microsoft.Data.Sqlite;

namespace Cordon.Sqlite;

/// <summary>
/// Copies the write-ahead log back into the database on its own thread and connection, so that no commit waits for the
/// bulk of the copy.
/// </summary>
/// <remarks>
/// By default SQLite checkpoints inside the commit that fills the log past 1,000 pages, and every caller waiting on that
/// commit waits for the copy too: under a server's steady stream of small audit commits that was a stall of about
/// 8 ms seven times a second. Here commits do not checkpoint (<c>wal_autocheckpoint = 0</c> on the store's
/// connections); this thread runs passive checkpoints, which take no lock a writer needs.
/// <para>
/// A passive checkpoint alone never lets the log start again under steady writes: the log restarts from its
/// beginning only when a transaction begins with every page of it copied, and commits keep landing while the copy
/// runs. So once the log is past <see cref="RestartPages"/>, the next commit through <see cref="SqliteStore.Append"/>
/// copies what was written since this thread's pass (a few pages, about a millisecond) before it returns, and the
/// commit after it starts the log again.
/// </para>
/// </remarks>
internal sealed class SqliteCheckpointer : IDisposable
{
    /// <summary>Pages (4 KiB each) the log may hold before it is started again: about 16 MiB.</summary>
    public const long RestartPages = 4096;

    private readonly SqliteStore _store;
    private readonly TimeSpan _interval;
    private readonly ManualResetEventSlim _stop = new(false);
    private readonly Thread _thread;
    private volatile bool _restartWanted;

    public SqliteCheckpointer(SqliteStore store, TimeSpan interval)
    {
        _store = store;
        _interval = interval;
        _thread = new Thread(Run) { IsBackground = true, Name = "Cordon SQLite checkpointer" };
        _thread.Start();
    }

    /// <summary>
    /// Called by a writer right after its commit: when the log is due to start again, copies what is left of it on the
    /// writer's own connection, so that the writer's next transaction finds it copied whole.
    /// </summary>
    public void AfterCommit(SqliteConnection connection)
    {
        if (!_restartWanted)
        {
            return;
        }

        _restartWanted = false;
        try
        {
            Checkpoint(connection);
        }
        catch (SqliteException)
        {
            // The commit stands whatever happens here; the log starts again after a later pass instead.
        }
    }

    private void Run()
    {
        while (!_stop.Wait(_interval))
        {
            try
            {
                using var connection = _store.Connect();
                var (log, _) = Checkpoint(connection);
                _restartWanted = log >= RestartPages;
            }
            catch (SqliteException)
            {
                // A failed pass is retried at the next interval; commits are unaffected either way.
            }
        }
    }

    /// <summary>A passive checkpoint: copies every page no reader still needs from the log; returns the pages in the log and those copied.</summary>
    internal static (long Log, long Copied) Checkpoint(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
        using var reader = command.ExecuteReader();
        // One row: busy (1 if a lock stopped the pass), pages in the log, pages copied; -1 and -1 when not in WAL mode.
        return reader.Read() ? (reader.GetInt64(1), reader.GetInt64(2)) : (0, 0);
    }

    public void Dispose()
    {
        _stop.Set();
        _thread.Join();
        _stop.Dispose();
    }
}
