using Cordon.Model;

namespace Cordon.Screening;

/// <summary>
/// Changes on top of an index that was built once: the records written since and the ids withdrawn since. A server
/// that follows a store applies each change as a delta: the index stays as it was built, the changed records go into a
/// small index of their own, and their older versions in the big one are hidden. A screen asks both and merges the
/// answers, so it is the same answer a rebuilt index would give. When the changes grow large, a rebuild folds them in
/// (<see cref="ChangedCount"/>).
/// </summary>
public sealed partial class Screener
{
    private readonly Layer? _layer;

    /// <summary>Where the index holds each entity id: made once per index, on the first change or <see cref="PrepareForChanges"/>.</summary>
    private readonly Lazy<Dictionary<string, int>> _positions = new(() => Positions(index));

    private Screener(ScreeningIndex index, int cachedNames, Layer layer)
        : this(index, cachedNames)
    {
        _layer = layer;
        _positions = layer.Positions;
    }

    /// <summary>How many screenable entities the screener answers from.</summary>
    public int EntityCount => index.EntityCount - (_layer?.HiddenCount ?? 0) + (_layer?.Overlay.Index.EntityCount ?? 0);

    /// <summary>How many records were written or withdrawn since the index was built: what a rebuild would fold in.</summary>
    public int ChangedCount => _layer is null ? 0 : _layer.Written.Count + _layer.Withdrawn.Count;

    /// <summary>
    /// A screener over the same index with more changes on top: <paramref name="withdrawn"/> ids taken out first, then
    /// <paramref name="written"/> entities put in (replacing any earlier version). Applying a change twice changes nothing.
    /// This screener is left as it is; its name cache is not carried over.
    /// </summary>
    public Screener Apply(IEnumerable<Entity> written, IEnumerable<string> withdrawn)
    {
        var changed = new Dictionary<string, Entity>(_layer?.Written ?? [], StringComparer.Ordinal);
        var gone = new HashSet<string>(_layer?.Withdrawn ?? [], StringComparer.Ordinal);
        foreach (var id in withdrawn)
        {
            changed.Remove(id);
            gone.Add(id);
        }

        foreach (var entity in written)
        {
            gone.Remove(entity.Id);
            changed[entity.Id] = entity;
        }

        var positions = _positions;
        var hidden = new HashSet<int>();
        foreach (var id in changed.Keys.Concat(gone))
        {
            if (positions.Value.TryGetValue(id, out var position))
            {
                hidden.Add(position);
            }
        }

        // An id withdrawn that the index never had needs no remembering.
        gone.RemoveWhere(id => !positions.Value.ContainsKey(id));
        var overlay = new Screener(ScreeningIndex.Build(changed.Values.OrderBy(e => e.Id, StringComparer.Ordinal)));
        return new Screener(index, cachedNames, new Layer(changed, gone, hidden, overlay, positions));
    }

    /// <summary>
    /// Makes now what the first change would otherwise make while it waits: the map from entity id to place in the
    /// index (a million entries take a few hundred milliseconds).
    /// </summary>
    public void PrepareForChanges() => _ = _positions.Value;

    private static Dictionary<string, int> Positions(ScreeningIndex index)
    {
        var positions = new Dictionary<string, int>(index.EntityCount, StringComparer.Ordinal);
        for (var i = 0; i < index.EntityCount; i++)
        {
            positions[index.EntityAt(i).Id] = i;
        }

        return positions;
    }

    /// <summary>The changes on top of the index, and where the index holds the ids they replace.</summary>
    private sealed class Layer(
        Dictionary<string, Entity> written, HashSet<string> withdrawn, HashSet<int> hidden, Screener overlay, Lazy<Dictionary<string, int>> positions)
    {
        public Dictionary<string, Entity> Written => written;

        public HashSet<string> Withdrawn => withdrawn;

        public Screener Overlay => overlay;

        public Lazy<Dictionary<string, int>> Positions => positions;

        public int HiddenCount => hidden.Count;

        public bool Hides(int entityIndex) => hidden.Contains(entityIndex);

        /// <summary>
        /// The best of both answers, in the order a single index gives (score, then id). Each side already kept its own
        /// best <c>Limit</c> among the entities it may show, so the best <c>Limit</c> of both is exact.
        /// </summary>
        public ScreeningResponse Merge(ScreeningResponse fromIndex, ScreeningQuery query, bool exhaustive)
        {
            var fromChanges = overlay.Screen(query, exhaustive);
            if (fromChanges.Results.Count == 0)
            {
                return fromIndex;
            }

            var merged = fromIndex.Results.Concat(fromChanges.Results)
                .OrderByDescending(h => h.Score)
                .ThenBy(h => h.Entity.Id, StringComparer.Ordinal)
                .Take(Math.Max(0, query.Limit))
                .ToList();
            return fromIndex with { Results = merged };
        }
    }
}
