using Cordon.Model;

namespace Cordon.Storage;

/// <summary>
/// The store contract: the one narrow seam between the engine and a database (SQLite embedded, PostgreSQL later).
/// Every implementation passes the same contract test suite.
/// </summary>
public interface ICordonStore : IDisposable
{
    /// <summary>
    /// Replaces the content of a dataset with <paramref name="entities"/> in one transaction and records the new
    /// version and its delta (by source record). If enumerating the entities throws, or the process dies, nothing
    /// is written and the previous version stays exactly as it was. An import that changes nothing records no version.
    /// </summary>
    ImportResult Import(ImportRequest request, IEnumerable<Entity> entities, IProgress<long>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>Every dataset with its current version and counts.</summary>
    IReadOnlyList<DatasetInfo> GetDatasets();

    /// <summary>One dataset, or null.</summary>
    DatasetInfo? GetDataset(string name);

    /// <summary>The version history of a dataset, oldest first.</summary>
    IReadOnlyList<DatasetVersion> GetVersions(string dataset);

    /// <summary>What one version changed, by source record.</summary>
    IReadOnlyList<DeltaEntry> GetDelta(string dataset, int version);

    /// <summary>One entity with its dataset and source reference, or null.</summary>
    Entity? GetEntity(string id);

    /// <summary>
    /// The ids that versions of <paramref name="dataset"/> after <paramref name="afterVersion"/> withdrew, in id order.
    /// An id withdrawn and then written again is listed too: a reader takes these out first, then puts back what
    /// <see cref="ISharingStore.ReadChangedEntities"/> returns.
    /// </summary>
    IReadOnlyList<string> ReadRemovedIds(string dataset, int afterVersion);

    /// <summary>Streams the entities of one dataset, or of all, ordered by dataset then id.</summary>
    IEnumerable<Entity> ReadEntities(string? dataset = null, CancellationToken cancellationToken = default);
}
