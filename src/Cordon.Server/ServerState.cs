using System.Threading.Channels;
using Cordon.Audit;
using Cordon.Screening;
using Cordon.Sharing;
using Cordon.Sqlite;
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
    private Dictionary<string, int> _versions = new(StringComparer.Ordinal);

    public ServerState(IOptions<ServerOptions> options, TimeProvider time, ILogger<ServerState> logger)
    {
        _logger = logger;
        Time = time;
        Store = SqliteStore.Open(options.Value.Db);
        Store.CheckpointInBackground(TimeSpan.FromMilliseconds(100));
        Audit = new AuditWriter(Store);
        ReviewThreshold = options.Value.ReviewThreshold;
        Reviews.Load(Store.ReadReviewItems());
    }

    public SqliteStore Store { get; }

    public AuditWriter Audit { get; }

    public TimeProvider Time { get; }

    /// <summary>Every agency's standing review decisions, consulted by each screen.</summary>
    public ReviewBook Reviews { get; } = new();

    /// <summary>Hits at or above this score become review items.</summary>
    public double ReviewThreshold { get; }

    /// <summary>List changes waiting for continuous screening (<see cref="ServerMonitor"/>).</summary>
    public Channel<ListChange> Changes { get; } = Channel.CreateUnbounded<ListChange>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Goes up with every registration and removal of a monitored subject, so the monitor knows to reload them.</summary>
    public long MonitoredGeneration => Interlocked.Read(ref _monitored);

    public void MonitoredChanged() => Interlocked.Increment(ref _monitored);

    /// <summary>The view every request is answered from; throws until the first one is built (readiness says so).</summary>
    public SharedView View => _view ?? throw new ServiceNotReadyException();

    public bool IsReady => _view is not null;

    /// <summary>
    /// Rebuilds the view when the store changed since the last one (always with <paramref name="force"/>). Concurrent
    /// callers share one rebuild: whoever waits gets a view at least as new as the store was when it asked.
    /// </summary>
    public async Task RefreshAsync(bool force, CancellationToken cancellationToken = default)
    {
        // A ticket taken after a change committed; a rebuild that starts later covers it.
        var ticket = Interlocked.Increment(ref _tickets);
        await _refreshing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_view is not null && Interlocked.Read(ref _covered) >= ticket)
            {
                return;
            }

            if (!force && _view is not null && string.Equals(Store.GetStateStamp(), _stamp, StringComparison.Ordinal))
            {
                return;
            }

            var covers = Interlocked.Read(ref _tickets);
            var started = Time.GetTimestamp();
            var stamp = Store.GetStateStamp();
            var handling = Store.GetHandling();
            var versions = Store.GetDatasets().ToDictionary(d => d.Name, d => d.Version, StringComparer.Ordinal);
            var index = await Task.Run(() => ScreeningIndex.Build(Store.ReadEntities(cancellationToken: cancellationToken)), cancellationToken).ConfigureAwait(false);
            var generation = Interlocked.Increment(ref _generation);
            var previous = _view;
            var screener = new Screener(index, cachedNames: 100_000);
            if (previous is null)
            {
                // Only the first view: later ones replace a view that is answering, and the code is warm by then.
                await Task.Run(() => ServerWarmup.Run(screener, cancellationToken), cancellationToken).ConfigureAwait(false);
            }

            _view = new SharedView(screener, handling, generation);
            _stamp = stamp;
            if (previous is not null && Changed(previous.Handling, _versions, handling, versions) is { Count: > 0 } changed)
            {
                // Continuous screening picks the change up in the background; screening goes on from the new view meanwhile.
                Changes.Writer.TryWrite(new ListChange(_view, changed));
            }

            _versions = versions;
            Interlocked.Exchange(ref _covered, covers);
            LogMessages.ViewBuilt(_logger, generation, index.EntityCount, Time.GetElapsedTime(started).TotalMilliseconds);
        }
        finally
        {
            _refreshing.Release();
        }
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
        await state.RefreshAsync(force: true, stoppingToken).ConfigureAwait(false);
        var period = TimeSpan.FromSeconds(Math.Max(0.1, options.Value.RefreshSeconds));
        using var timer = new PeriodicTimer(period, state.Time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await state.RefreshAsync(force: false, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Keep answering from the last good view; the next tick tries again.
                LogMessages.RefreshFailed(logger, ex);
            }
        }
    }
}
