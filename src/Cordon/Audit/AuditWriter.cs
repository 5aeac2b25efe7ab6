using System.Collections.Concurrent;
using Cordon.Sharing;
using Cordon.Storage;

namespace Cordon.Audit;

/// <summary>
/// Appends audit entries by group commit: callers queue an entry (with any notifications it raises) and wait; whichever
/// caller finds no commit under way commits everything queued so far in one transaction, on its own thread, then
/// releases them all. Under load a transaction carries many entries, so the store's commit rate stops being the
/// server's ceiling, and still no answer is given before its entry is durable.
/// <para>
/// Over a network (a database server) a commit waits on round trips, and a caller committing on its own thread holds a
/// pool thread all that time: the callers that would fill the next batch then cannot run, and batches stay small. With
/// <c>committer</c> set, one thread of the writer's own commits instead, and callers only queue and wait.
/// </para>
/// </summary>
public sealed class AuditWriter : IAsyncDisposable
{
    /// <summary>Most entries in one transaction: bounds the time one commit holds the write lock.</summary>
    public const int MaxBatch = 2048;

    private readonly ISharingStore _store;
    private readonly ConcurrentQueue<Pending> _queue = new();
    private readonly SemaphoreSlim _room;
    private readonly Lock _gate = new();
    private readonly List<Pending> _batch = new(MaxBatch);
    private readonly List<AuditEntry> _entries = new(MaxBatch);
    private readonly List<Notification> _notifications = [];
    private readonly List<ReviewItem> _reviews = [];
    private readonly List<int> _firsts = new(MaxBatch);
    private readonly SemaphoreSlim? _queued;
    private readonly Thread? _committer;
    private int _committing;
    private bool _closing;
    private bool _disposed;

    /// <param name="store">Where entries are appended.</param>
    /// <param name="capacity">Most callers waiting at once; further callers wait for room.</param>
    /// <param name="committer">Commit on a thread of the writer's own rather than on the callers' (for a store across a network).</param>
    public AuditWriter(ISharingStore store, int capacity = 65_536, bool committer = false)
    {
        _store = store;
        _room = new SemaphoreSlim(capacity, capacity);
        if (committer)
        {
            _queued = new SemaphoreSlim(0);
            _committer = new Thread(Committer) { IsBackground = true, Name = "Cordon audit committer" };
            _committer.Start();
        }
    }

    /// <summary>The committer thread: commits whatever is queued each time it is woken, until the writer closes.</summary>
    private void Committer()
    {
        while (true)
        {
            _queued!.Wait();
            CommitQueued();
            if (Volatile.Read(ref _closing) && _queue.IsEmpty)
            {
                return;
            }
        }
    }

    /// <summary>Queues one entry and completes with its sequence number once it is committed.</summary>
    public Task<long> AppendAsync(AuditEntry entry, IReadOnlyList<Notification>? notifications = null, CancellationToken cancellationToken = default) =>
        AppendAsync([entry], notifications, null, cancellationToken);

    /// <summary>
    /// Queues entries that belong together (consecutive in the chain), with the notifications and review items they
    /// raise, and completes with the first entry's sequence number once committed. The caller commits the queue itself
    /// when no other caller is committing: it then goes on without waiting for another thread to wake.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The writer has been stopped.</exception>
    public async Task<long> AppendAsync(
        IReadOnlyList<AuditEntry> entries,
        IReadOnlyList<Notification>? notifications = null,
        IReadOnlyList<ReviewItem>? reviews = null,
        CancellationToken cancellationToken = default)
    {
        var pending = new Pending(entries, notifications ?? [], reviews ?? [], new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously));
        await _room.WaitAsync(cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_closing, this);
            _queue.Enqueue(pending);
        }

        if (_queued is { } wake)
        {
            wake.Release();
        }
        else
        {
            CommitQueued();
        }

        return await pending.Done.Task.ConfigureAwait(false);
    }

    /// <summary>
    /// Commits everything queued unless another caller is already committing; that caller then takes this entry too.
    /// </summary>
    private void CommitQueued()
    {
        while (!_queue.IsEmpty && Interlocked.CompareExchange(ref _committing, 1, 0) == 0)
        {
            try
            {
                while (!_queue.IsEmpty)
                {
                    while (_entries.Count < MaxBatch && _queue.TryDequeue(out var pending))
                    {
                        _batch.Add(pending);
                        _firsts.Add(_entries.Count);
                        _entries.AddRange(pending.Entries);
                        _notifications.AddRange(pending.Notifications);
                        _reviews.AddRange(pending.Reviews);
                    }

                    try
                    {
                        _room.Release(_batch.Count);
                        Commit();
                    }
                    finally
                    {
                        // Whatever happened, the next batch starts empty: no entry is appended twice.
                        _batch.Clear();
                        _firsts.Clear();
                        _entries.Clear();
                        _notifications.Clear();
                        _reviews.Clear();
                    }
                }
            }
            finally
            {
                // A full fence: an entry queued while this caller held the turn is seen by the loop's test, or its own
                // caller finds the turn free and commits it.
                Interlocked.Exchange(ref _committing, 0);
            }
        }
    }

    private void Commit()
    {
        try
        {
            var first = _store.Append(_entries, _notifications, _reviews);
            for (var i = 0; i < _batch.Count; i++)
            {
                _batch[i].Done.TrySetResult(first + _firsts[i]);
            }
        }
#pragma warning disable CA1031 // The writer must outlive any one failed commit; its callers get the error instead.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            foreach (var pending in _batch)
            {
                pending.Done.TrySetException(new AuditUnavailableException("the audit log could not be written: " + ex.Message, ex));
            }
        }
    }

    /// <summary>Stops taking entries and waits for the queued ones to be committed; callers after this are refused.</summary>
    public async ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            Volatile.Write(ref _closing, true);
        }

        if (_committer is not null)
        {
            _queued!.Release();
            await Task.Run(_committer.Join).ConfigureAwait(false);
        }

        // Once closing is set nothing more is queued: commit what is left, or wait for the caller committing it.
        while (!_queue.IsEmpty || Volatile.Read(ref _committing) != 0)
        {
            CommitQueued();
            await Task.Yield();
        }

        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        _room.Dispose();
        _queued?.Dispose();
    }

    private sealed record Pending(
        IReadOnlyList<AuditEntry> Entries, IReadOnlyList<Notification> Notifications, IReadOnlyList<ReviewItem> Reviews, TaskCompletionSource<long> Done);
}

/// <summary>An entry could not be made durable, so the action it records must not be answered.</summary>
public sealed class AuditUnavailableException(string message, Exception inner) : Exception(message, inner);
