using System.Threading.Channels;
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
    private readonly Channel<Pending> _queue;
    private readonly Task _loop;

    public AuditWriter(ISharingStore store, int capacity = 65_536)
    {
        _store = store;
        _queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _loop = Task.Factory.StartNew(Run, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
    }

    /// <summary>Queues one entry and completes with its sequence number once it is committed.</summary>
    public Task<long> AppendAsync(AuditEntry entry, IReadOnlyList<Notification>? notifications = null, CancellationToken cancellationToken = default) =>
        AppendAsync([entry], notifications, null, cancellationToken);

    /// <summary>
    /// Queues entries that belong together (consecutive in the chain), with the notifications and review items they
    /// raise, and completes with the first entry's sequence number once committed.
    /// </summary>
    public async Task<long> AppendAsync(
        IReadOnlyList<AuditEntry> entries,
        IReadOnlyList<Notification>? notifications = null,
        IReadOnlyList<ReviewItem>? reviews = null,
        CancellationToken cancellationToken = default)
    {
        var pending = new Pending(entries, notifications ?? [], reviews ?? [], new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously));
        await _queue.Writer.WriteAsync(pending, cancellationToken).ConfigureAwait(false);
        return await pending.Done.Task.ConfigureAwait(false);
    }

    private async Task Run()
    {
        var batch = new List<Pending>(MaxBatch);
        var entries = new List<AuditEntry>(MaxBatch);
        var notifications = new List<Notification>();
        var reviews = new List<ReviewItem>();
        var firsts = new List<int>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (entries.Count < MaxBatch && _queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
                firsts.Add(entries.Count);
                entries.AddRange(pending.Entries);
                notifications.AddRange(pending.Notifications);
                reviews.AddRange(pending.Reviews);
            }

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

            batch.Clear();
            firsts.Clear();
            entries.Clear();
            notifications.Clear();
            reviews.Clear();
        }
    }

    /// <summary>Stops taking entries and waits for the queued ones to be committed.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    private sealed record Pending(
        IReadOnlyList<AuditEntry> Entries, IReadOnlyList<Notification> Notifications, IReadOnlyList<ReviewItem> Reviews, TaskCompletionSource<long> Done);
}

/// <summary>An entry could not be made durable, so the action it records must not be answered.</summary>
public sealed class AuditUnavailableException(string message, Exception inner) : Exception(message, inner);
