using System.Threading.Channels;
using Cordon.Audit;
using Cordon.Postgres;
using Cordon.Screening;
using Cordon.Sharing;
using Cordon.Sqlite;
using Cordon.Storage;
using Microsoft.Extensions.Options;

namespace Cordon.Server;

/// <summary>
/// What the server holds: the store, the audit writer, and the current <see cref="SharedView"/> (screening index and
/// handling rules of one store state). A change made through the server refreshes the view before it is answered; a
/// change made by another process is picked up by <see cref="ServerRefresher"/> within <see cref="ServerOptions.RefreshSeconds"/>.
/// </summary>
public sealed class ServerState : IAsyncDisposable
{
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private readonly ILogger<ServerState> _logger;
    private SharedView? _view;
    private string? _stamp;
    private long _generation;
    private long _tickets;
    private long _covered;
    private long _monitored;
    private readonly TaskCompletionSource _monitorsKnown = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _monitors;
    private IReadOnlyDictionary<string, int> _versions = new Dictionary<string, int>(StringComparer.Ordinal);
    private Task<(Screener Screener, IReadOnlyDictionary<string, int> Versions)>? _compacting;
    private long _reviewRevision;

    public ServerState(IOptions<ServerOptions> options, TimeProvider time, ILogger<ServerState> logger)
    {
        _logger = logger;
        Time = time;
        Store = Stores.Open(options.Value.Db);
        if (Store is SqliteStore sqlite)
        {
            sqlite.CheckpointInBackground(TimeSpan.FromMilliseconds(100));
        }

        if (Store is not PostgresStore)
        {
            // The only node: it monitors.
            SetMonitors(true);
        }

        // Across a network a commit waits on round trips: a thread of its own commits, not the requests' threads.
        Audit = new AuditWriter(Store, committer: Store is PostgresStore);
        ReviewThreshold = options.Value.ReviewThreshold;
        // Read before the items: a change made while they load is read again when following, which changes nothing.
        _reviewRevision = Store is PostgresStore shared ? shared.GetReviewRevision() : 0;
        Reviews.Load(Store.ReadReviewItems());
    }

    /// <summary>
    /// Takes into the review book the items other nodes added or decided since the last call (a shared database only;
    /// this node's own are there already). Called by one follower at a time.
    /// </summary>
    public void FollowReviews()
    {
        if (Store is PostgresStore shared)
        {
            var (items, revision) = shared.ReadReviewChanges(_reviewRevision);
            Reviews.Load(items);
            _reviewRevision = revision;
        }
    }

    public IStore Store { get; }

    public AuditWriter Audit { get; }

    public TimeProvider Time { get; }

    /// <summary>Every agency's standing review decisions, consulted by each screen.</summary>
    public ReviewBook Reviews { get; } = new();

    /// <summary>Hits at or above this score become review items.</summary>
    public double ReviewThreshold { get; }

    /// <summary>List changes waiting for continuous screening (<see cref="ServerMonitor"/>).</summary>
    public Channel<ListChange> Changes { get; } = Channel.CreateUnbounded<ListChange>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>
    /// Whether this node runs continuous screening. On SQLite it is the only node. On a shared database one node does,
    /// the one holding the monitor lock (<see cref="PostgresStore.MonitorKey"/>); the others leave list changes to it.
    /// </summary>
    public bool Monitors => _monitors;

    /// <summary>Completes once this node knows whether it monitors (on a shared database, when it first listens).</summary>
    public Task MonitorsKnown => _monitorsKnown.Task;

    public void SetMonitors(bool monitors)
    {
        _monitors = monitors;
        _monitorsKnown.TrySetResult();
    }

    /// <summary>Goes up with every registration and removal of a monitored subject, so the monitor knows to reload them.</summary>
    public long MonitoredGeneration => Interlocked.Read(ref _monitored);

    public void MonitoredChanged() => Interlocked.Increment(ref _monitored);

    /// <summary>The view every request is answered from; throws until the first one is built (readiness says so).</summary>
    public SharedView View => _view ?? throw new ServiceNotReadyException();

    public bool IsReady => _view is not null;

    /// <summary>
    /// Brings the view up to the store when it changed since the last one. The first view, and any with
    /// <paramref name="rebuild"/>, builds the index from every entity; after that each change is applied as a delta: the
    /// records written and withdrawn since the view's dataset versions go on top of the index (<see cref="Screener.Apply"/>),
    /// and once those grow past <see cref="CompactAt"/> a new index is built in the background and swapped in.
    /// Concurrent callers share one refresh: whoever waits gets a view at least as new as the store was when it asked.
    /// </summary>
    public async Task RefreshAsync(bool rebuild, CancellationToken cancellationToken = default)
    {
        // A ticket taken after a change committed; a refresh that starts later covers it.
        var ticket = Interlocked.Increment(ref _tickets);
        await _refreshing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_view is not null && Interlocked.Read(ref _covered) >= ticket)
            {
                return;
            }

            var covers = Interlocked.Read(ref _tickets);
            var started = Time.GetTimestamp();
            var stamp = Store.GetStateStamp();
            if (_compacting is { IsFaulted: true } failed)
            {
                // Go on with the changes on top of the old index; the next change that needs it starts another.
                LogMessages.RefreshFailed(_logger, failed.Exception);
                _compacting = null;
            }

            var compacted = _compacting is { IsCompletedSuccessfully: true } ? _compacting : null;
            if (!rebuild && compacted is null && _view is not null && string.Equals(stamp, _stamp, StringComparison.Ordinal))
            {
                Interlocked.Exchange(ref _covered, covers);
                return;
            }

            var handling = Store.GetHandling();
            var versions = Store.GetDatasets().ToDictionary(d => d.Name, d => d.Version, StringComparer.Ordinal);
            var previous = _view;
            Screener screener;
            var applied = 0;
            if (rebuild || previous is null)
            {
                screener = await Task.Run(() => BuildScreener(cancellationToken), cancellationToken).ConfigureAwait(false);
                if (previous is null)
                {
                    // Only the first view: later ones replace a view that is answering, and the code is warm by then.
                    await Task.Run(() => ServerWarmup.Run(screener, cancellationToken), cancellationToken).ConfigureAwait(false);
                }

                // So that the first change to arrive does not wait for it.
                var built = screener;
                _ = Task.Run(built.PrepareForChanges, CancellationToken.None);
            }
            else
            {
                // From a finished compaction's fresh index and the versions it was read at, or from the current view.
                var (from, at) = compacted is not null ? await compacted.ConfigureAwait(false) : (previous.Screener, _versions);
                if (compacted is not null)
                {
                    _compacting = null;
                }

                (screener, applied) = await Task.Run(() => ApplyChanges(from, at, versions), cancellationToken).ConfigureAwait(false);
                if (_compacting is null && screener.ChangedCount > CompactAt(screener))
                {
                    _compacting = Compact(versions);
                }
            }

            var generation = Interlocked.Increment(ref _generation);
            _view = new SharedView(screener, handling, generation);
            _stamp = stamp;
            if (previous is not null && Changed(previous.Handling, _versions, handling, versions) is { Count: > 0 } changed)
            {
                // Continuous screening picks the change up in the background; screening goes on from the new view meanwhile.
                Changes.Writer.TryWrite(new ListChange(_view, changed));
            }

            _versions = versions;
            Interlocked.Exchange(ref _covered, covers);
            LogMessages.ViewBuilt(_logger, generation, screener.EntityCount, applied, Time.GetElapsedTime(started).TotalMilliseconds);
        }
        finally
        {
            _refreshing.Release();
        }
    }

    /// <summary>How many written and withdrawn records a view carries on top of its index before a new index is built.</summary>
    internal static int CompactAt(Screener screener) => Math.Max(2_000, screener.EntityCount / 100);

    private Screener BuildScreener(CancellationToken cancellationToken) =>
        new(ScreeningIndex.Build(ReadAhead.Of(Store.ReadEntities(cancellationToken: cancellationToken), capacity: 16_384)), cachedNames: 100_000);

    /// <summary>
    /// The records each dataset's versions after <paramref name="from"/> wrote and withdrew, put on top of
    /// <paramref name="screener"/>. Read after <paramref name="to"/> was, they may include later changes too: applying a
    /// change twice changes nothing, and the next refresh reads from <paramref name="to"/> again.
    /// </summary>
    private (Screener Screener, int Applied) ApplyChanges(Screener screener, IReadOnlyDictionary<string, int> from, IReadOnlyDictionary<string, int> to)
    {
        var written = new List<Cordon.Model.Entity>();
        var withdrawn = new List<string>();
        foreach (var (dataset, version) in to)
        {
            var since = from.GetValueOrDefault(dataset);
            if (version > since)
            {
                withdrawn.AddRange(Store.ReadRemovedIds(dataset, since));
                written.AddRange(Store.ReadChangedEntities(dataset, since));
            }
        }

        return written.Count + withdrawn.Count == 0 ? (screener, 0) : (screener.Apply(written, withdrawn), written.Count + withdrawn.Count);
    }

    /// <summary>Builds a new index from the store in the background; the refresh it then asks for swaps it in.</summary>
    private Task<(Screener Screener, IReadOnlyDictionary<string, int> Versions)> Compact(IReadOnlyDictionary<string, int> versions)
    {
        // Entities are read after these versions, so they are at least as new; what came later is applied on top.
        var task = Task.Run(() =>
        {
            var screener = BuildScreener(CancellationToken.None);
            screener.PrepareForChanges();
            return (screener, versions);
        });
        _ = task.ContinueWith(_ => RefreshAsync(rebuild: false), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        return task;
    }

    /// <summary>
    /// What changed between two states, per dataset: the version after which its entities changed (0 when its default
    /// rule changed, which can change what every one of its records discloses).
    /// </summary>
    internal static List<DatasetChange> Changed(HandlingMap oldHandling, IReadOnlyDictionary<string, int> oldVersions, HandlingMap newHandling, IReadOnlyDictionary<string, int> newVersions)
    {
        var changed = new List<DatasetChange>();
        foreach (var (dataset, version) in newVersions)
        {
            var before = oldVersions.GetValueOrDefault(dataset);
            if (!Equals(oldHandling.Dataset(dataset)?.Rule, newHandling.Dataset(dataset)?.Rule) && before > 0)
            {
                changed.Add(new DatasetChange(dataset, 0));
            }
            else if (version > before)
            {
                changed.Add(new DatasetChange(dataset, before));
            }
        }

        return changed;
    }

    public async ValueTask DisposeAsync()
    {
        await Audit.DisposeAsync().ConfigureAwait(false);
        Store.Dispose();
        _refreshing.Dispose();
    }
}

/// <summary>A dataset whose entities changed after <see cref="AfterVersion"/> (0: all of them, as its rule changed).</summary>
public sealed record DatasetChange(string Dataset, int AfterVersion);

/// <summary>A new view and what changed to make it.</summary>
public sealed record ListChange(SharedView View, IReadOnlyList<DatasetChange> Datasets);

/// <summary>A request arrived before the first view was built.</summary>
public sealed class ServiceNotReadyException() : Exception("the server is still loading its lists");

/// <summary>Builds the first view at start-up and picks up changes made by other processes.</summary>
public sealed partial class ServerRefresher(ServerState state, IOptions<ServerOptions> options, ILogger<ServerRefresher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await state.RefreshAsync(rebuild: true, stoppingToken).ConfigureAwait(false);
        var period = TimeSpan.FromSeconds(Math.Max(0.1, options.Value.RefreshSeconds));
        using var timer = new PeriodicTimer(period, state.Time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await state.RefreshAsync(rebuild: false, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Keep answering from the last good view; the next tick tries again.
                LogMessages.RefreshFailed(logger, ex);
            }
        }
    }
}
