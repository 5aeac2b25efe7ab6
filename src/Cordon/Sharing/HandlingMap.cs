using System.Collections.Frozen;
using Cordon.Model;

namespace Cordon.Sharing;

/// <summary>A dataset's owner and its default handling rule.</summary>
public sealed record DatasetHandling(string Dataset, string Owner, HandlingRule Rule);

/// <summary>An entity's own handling rule, overriding its dataset's.</summary>
public sealed record EntityHandling(string EntityId, string Dataset, HandlingRule Rule);

/// <summary>
/// Who owns each record and the rule it is under (the entity's own rule, else its dataset's), for one store state.
/// Held in memory beside the screening index so that deciding a hit's disclosure costs two dictionary probes.
/// </summary>
public sealed class HandlingMap(IEnumerable<DatasetHandling> datasets, IEnumerable<EntityHandling> overrides)
{
    private readonly FrozenDictionary<string, DatasetHandling> _datasets =
        datasets.ToFrozenDictionary(d => d.Dataset, StringComparer.Ordinal);

    private readonly FrozenDictionary<string, EntityHandling> _overrides = overrides.ToFrozenDictionary(o => o.EntityId, StringComparer.Ordinal);

    /// <summary>A dataset's owner and default rule, or null.</summary>
    public DatasetHandling? Dataset(string name) => _datasets.GetValueOrDefault(name);

    /// <summary>The owner agency of a record; an entity outside any known dataset has none.</summary>
    public string? OwnerOf(Entity entity) =>
        entity.Dataset is { } name && _datasets.TryGetValue(name, out var dataset) ? dataset.Owner : null;

    /// <summary>The rule a record is under: its own, else its dataset's.</summary>
    public HandlingRule RuleOf(Entity entity) =>
        _overrides.TryGetValue(entity.Id, out var own) ? own.Rule
        : entity.Dataset is { } name && _datasets.TryGetValue(name, out var dataset) ? dataset.Rule
        : new HandlingRule(HandlingKind.Restricted, []);

    /// <summary>The entity's own rule, when it has one.</summary>
    public HandlingRule? OverrideOf(string entityId) => _overrides.GetValueOrDefault(entityId)?.Rule;

    /// <summary>What <paramref name="asker"/> may learn of a record. A record of no known dataset discloses nothing.</summary>
    public Disclosure Decide(string asker, Entity entity) =>
        OwnerOf(entity) is { } owner ? RuleOf(entity).Decide(asker, owner) : Disclosure.Nothing;

    /// <summary>Whether every record of a dataset is seen in full by <paramref name="asker"/>, so its counts may be shown.</summary>
    public bool SeesAllOf(string asker, string dataset)
    {
        if (!_datasets.TryGetValue(dataset, out var handling))
        {
            return false;
        }

        if (handling.Rule.Decide(asker, handling.Owner) != Disclosure.Full)
        {
            return false;
        }

        if (string.Equals(asker, handling.Owner, StringComparison.Ordinal))
        {
            return true;
        }

        foreach (var own in _overrides.Values)
        {
            if (string.Equals(own.Dataset, dataset, StringComparison.Ordinal) && own.Rule.Decide(asker, handling.Owner) != Disclosure.Full)
            {
                return false;
            }
        }

        return true;
    }
}
