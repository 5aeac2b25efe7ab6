using System.Threading.Channels;
using Cordon.Postgres;

namespace Cordon.Server;

/// <summary>
/// On a database several nodes share, follows what the others change as they announce it: a dataset change refreshes
/// the view (as a delta), review items and decisions update the review book, and monitored subjects are reloaded. After
/// every (re)connect it catches up on all three, since announcements made while it was away are lost; the periodic
/// refresh (<see cref="ServerRefresher"/>) stays as a safety net. Its listening connection also settles which node runs
/// continuous screening (<see cref="ServerState.Monitors"/>). A SQLite store has no other nodes: nothing to follow.
/// </summary>
public sealed class ServerFollower(ServerState state, ILogger<ServerFollower> logger) : BackgroundService
{
    /// <summary>What a reconnect asks for: everything.</summary>
    private const string Everything = "*";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (state.Store is not PostgresStore store)
        {
            return;
        }

        var kinds = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
        var listening = store.ListenAsync(
            kind => kinds.Writer.TryWrite(kind),
            () => kinds.Writer.TryWrite(Everything),
            ex => LogMessages.FollowLost(logger, ex.Message),
            monitors =>
            {
                state.SetMonitors(monitors);
                LogMessages.MonitorRole(logger, monitors ? "runs continuous screening" : "leaves continuous screening to another node");
            },
            TimeSpan.FromSeconds(1),
            stoppingToken);
        try
        {
            while (!state.IsReady)
            {
                await Task.Delay(50, stoppingToken).ConfigureAwait(false);
            }

            while (await kinds.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
            {
                // Announcements that arrived together are handled once.
                var pending = new HashSet<string>(StringComparer.Ordinal);
                while (kinds.Reader.TryRead(out var kind))
                {
                    pending.Add(kind);
                }

                var all = pending.Contains(Everything);
                try
                {
                    if (all || pending.Contains(PostgresStore.DatasetsChanged))
                    {
                        await state.RefreshAsync(rebuild: false, stoppingToken).ConfigureAwait(false);
                    }

                    if (all || pending.Contains(PostgresStore.ReviewsChanged))
                    {
                        state.FollowReviews();
                    }

                    if (all || pending.Contains(PostgresStore.MonitoredChanged))
                    {
                        state.MonitoredChanged();
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The state is in the tables: the next announcement, reconnect or periodic refresh catches up.
                    LogMessages.RefreshFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        await listening.ConfigureAwait(false);
    }
}
