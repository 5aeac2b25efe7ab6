using System.Collections.Concurrent;
using Cordon.Sharing;
using Cordon.Storage;

namespace Cordon.Audit;

/// <summary>
/// Appends audit entries by group commit: callers queue an entry (with any notifications it raises) and wait; one writer
/// appends everything queued so far in one transaction, then releases them all. Under load a transaction carries
/// hundreds of entries, so the store's commit rate stops being the server's ceiling, and still no answer is given
/// before its entry is durable.
/// </summary>
public sealed class AuditWriter : IAsyncDisposable
{
    /// <summary>Most entries in one transaction: bounds the time one commit holds the write lock.</summary>
    public const int MaxBatch = 2048;

    private readonly ISharingStore _store;
    private readonly ConcurrentQueue<Pending> _queue = new();
    private readonly SemaphoreSlim _room;
    // No spinning before the writer sleeps: on two cores a spinning writer only takes turns from the requests that
    // would queue the next entry, and each spin is a sched_yield call (5 % of a loaded server's CPU).
    private readonly ManualResetEventSlim _queued = new(false, spinCount: 0);
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _closing;

    /// <summary>
    /// Starts the writer's own thread. It is a thread, not a task on the pool, so that a queued entry is committed as soon
    /// as the machine has a moment: under load the pool's queue holds hundreds of requests, and a writer waiting in it
    /// would hold up every caller of the batch it has not started yet.
    /// </summary>
    /// <param name="store">Where entries are appended.</param>
    /// <param name="capacity">Most callers waiting at once; further callers wait for room.</param>
    public AuditWriter(ISharingStore store, int capacity = 65_536)
    {
        _store = store;
        _room = new SemaphoreSlim(capacity, capacity);
        new Thread(Run) { IsBackground = true, Name = "Cordon audit writer" }.Start();
    }

    /// <summary>Queues one entry and completes with its sequence number once it is committed.</summary>
    public Task<long> AppendAsync(AuditEntry entry, IReadOnlyList<Notification>? notifications = null, CancellationToken cancellationToken = default) =>
        AppendAsync([entry], notifications, null, cancellationToken);

    /// <summary>
    /// Queues entries that belong together (consecutive in the chain), with the notifications and review items they
    /// raise, and completes with the first entry's sequence number once committed.
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
            _queued.Set();
        }

        return await pending.Done.Task.ConfigureAwait(false);
    }

    private void Run()
    {
        var batch = new List<Pending>(MaxBatch);
        var entries = new List<AuditEntry>(MaxBatch);
        var notifications = new List<Notification>();
        var reviews = new List<ReviewItem>();
        var firsts = new List<int>(MaxBatch);
        while (true)
        {
            _queued.Wait();
            // Reset before taking: whatever is queued from here on sets the signal again, so nothing waits unseen.
            _queued.Reset();
            while (!_queue.IsEmpty)
            {
                while (entries.Count < MaxBatch && _queue.TryDequeue(out var pending))
                {
                    batch.Add(pending);
                    firsts.Add(entries.Count);
                    entries.AddRange(pending.Entries);
                    notifications.AddRange(pending.Notifications);
                    reviews.AddRange(pending.Reviews);
                }

                _room.Release(batch.Count);
                Commit(batch, entries, notifications, reviews, firsts);
                batch.Clear();
                firsts.Clear();
                entries.Clear();
                notifications.Clear();
                reviews.Clear();
            }

            lock (_gate)
            {
                // Once closing is set nothing more is queued, so an empty queue stays empty.
                if (_closing && _queue.IsEmpty)
                {
                    break;
                }
            }
        }

        _stopped.TrySetResult();
    }

    private void Commit(List<Pending> batch, List<AuditEntry> entries, List<Notification> notifications, List<ReviewItem> reviews, List<int> firsts)
    {
        try
        {
            var first = _store.Append(entries, notifications, reviews);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Done.TrySetResult(first + firsts[i]);
            }
        }
#pragma warning disable CA1031 // The writer must outlive any one failed commit; its callers get the error instead.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            foreach (var pending in batch)
            {
                pending.Done.TrySetException(new AuditUnavailableException("the audit log could not be written: " + ex.Message, ex));
            }
        }
    }

    /// <summary>Stops taking entries and waits for the queued ones to be committed; callers after this are refused.</summary>
    public async ValueTask DisposeAsync()
    {
        bool first;
        lock (_gate)
        {
            first = !_closing;
            _closing = true;
            _queued.Set();
        }

        await _stopped.Task.ConfigureAwait(false);
        if (first)
        {
            // Nothing signals or waits any more: the gate refuses every caller once closing is set.
            _queued.Dispose();
            _room.Dispose();
        }
    }

    private sealed record Pending(
        IReadOnlyList<AuditEntry> Entries, IReadOnlyList<Notification> Notifications, IReadOnlyList<ReviewItem> Reviews, TaskCompletionSource<long> Done);
}

/// <summary>An entry could not be made durable, so the action it records must not be answered.</summary>
public sealed class AuditUnavailableException(string message, Exception inner) : Exception(message, inner);
