using Cordon.Audit;
using Cordon.Model;
using Cordon.Sharing;

namespace Cordon.Server;

/// <summary>
/// Continuous screening. When a list change makes a new view, the changed entities are looked up among the monitored
/// subjects (<see cref="MonitorIndex"/>), and only the subjects they come near are screened again, each on behalf of
/// the agency that registered it and for its purpose. Hits it has not seen become review items, as any screen's do;
/// hits already under review raise nothing. On a database several nodes share, only one node does this
/// (<see cref="ServerState.Monitors"/>), so a change is screened once, not once per node.
/// </summary>
public sealed class ServerMonitor(ServerState state, ILogger<ServerMonitor> logger) : BackgroundService
{
    private MonitorIndex? _index;
    private long _indexGeneration = -1;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var change in state.Changes.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
        {
            await state.MonitorsKnown.WaitAsync(stoppingToken).ConfigureAwait(false);
            if (!state.Monitors)
            {
                // Another node on the shared database screens this change (every node applies every change).
                continue;
            }

            try
            {
                await PassAsync(change, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogMessages.MonitorFailed(logger, ex);
            }
        }
    }

    /// <summary>Screens again the subjects a change affects.</summary>
    private async Task PassAsync(ListChange change, CancellationToken cancellationToken)
    {
        var started = state.Time.GetTimestamp();
        var generation = state.MonitoredGeneration;
        if (_index is null || generation != _indexGeneration)
        {
            _index = MonitorIndex.Build(state.Store.GetAllMonitored());
            _indexGeneration = generation;
        }

        if (_index.Count == 0)
        {
            return;
        }

        var changed = new List<Entity>();
        foreach (var dataset in change.Datasets)
        {
            changed.AddRange(state.Store.ReadChangedEntities(dataset.Dataset, dataset.AfterVersion));
        }

        var affected = _index.Affected(changed, state.ReviewThreshold);
        var raised = 0;
        var now = state.Time.GetUtcNow();
        foreach (var batch in affected.Chunk(256))
        {
            var outcomes = new ScreeningOutcome[batch.Length];
            Parallel.For(0, batch.Length, i => outcomes[i] = Screen(change.View, batch[i], now));
            var entries = new List<AuditEntry>();
            for (var i = 0; i < batch.Length; i++)
            {
                ScreeningRun.AddEntries(entries, AskerOf(batch[i]), now, outcomes[i], AuditActions.MonitorScreen);
                raised += outcomes[i].NewItems.Count;
            }

            await ScreeningRun.CommitAsync(state, entries, outcomes, cancellationToken).ConfigureAwait(false);
        }

        LogMessages.MonitorPass(logger, changed.Count, _index.Count, affected.Count, raised, state.Time.GetElapsedTime(started).TotalMilliseconds);
    }

    private ScreeningOutcome Screen(SharedView view, MonitoredSubject subject, DateTimeOffset now)
    {
        var query = subject.Query();
        var job = new ScreeningJob(subject.Subject, query, subject.Purpose, MonitoredJson(subject), ReviewOrigins.Monitor);
        return ScreeningRun.Run(state, view, AskerOf(subject), job, now);
    }

    private static Asker AskerOf(MonitoredSubject subject) => new(subject.Agency, subject.Key, Role.Analyst);

    /// <summary>The subject's query as owners and the audit trail are shown it.</summary>
    internal static string MonitoredJson(MonitoredSubject subject) => Text.JsonText.Object(w =>
    {
        w.WriteString("subject", subject.Subject);
        w.WriteString("name", subject.Name);
        WriteIfSet(w, "birthDate", subject.BirthDate);
        WriteIfSet(w, "country", subject.Country);
        WriteIfSet(w, "schema", subject.Schema);
        if (subject.Identifiers.Count > 0)
        {
            w.WriteStartArray("identifiers");
            foreach (var identifier in subject.Identifiers)
            {
                w.WriteStringValue(identifier);
            }

            w.WriteEndArray();
        }
    });

    private static void WriteIfSet(System.Text.Json.Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }
}
