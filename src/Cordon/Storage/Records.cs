namespace Cordon.Storage;

/// <summary>What to import into: the dataset, its owner agency, and where the data came from.</summary>
public sealed record ImportRequest(string Dataset, string Owner, string Format, string Source, string? Title = null)
{
    /// <summary>Dataset names are lower-case slugs; they prefix entity ids.</summary>
    public static bool IsValidDatasetName(string? name) =>
        !string.IsNullOrEmpty(name) && name.Length <= 64 && char.IsAsciiLetterLower(name[0])
        && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '_' or '-');

    /// <summary>Why <paramref name="name"/> is refused as a dataset name, in the words every store and importer uses.</summary>
    public static string InvalidNameReason(string? name) =>
        $"invalid dataset name '{name}': use lower-case letters, digits, '-' and '_', starting with a letter";
}

/// <summary>What an import found against the dataset's current content (records by source reference), before any version is written.</summary>
public readonly record struct ImportCounts(int Added, int Changed, int Removed, int Unchanged, int Records, int Entities)
{
    /// <summary>
    /// Whether the import leaves the dataset at <paramref name="current"/>: it has a version already and no record was
    /// added, changed or removed (so continuous screening has nothing to re-run).
    /// </summary>
    public bool KeepsVersion(int current) => current > 0 && Added + Changed + Removed == 0;

    /// <summary>The import's result: <paramref name="version"/> as a new version with this delta, or kept as it was.</summary>
    public ImportResult Result(string dataset, int version, bool newVersion) => newVersion
        ? new(dataset, version, true, Added, Changed, Removed, Unchanged, Records, Entities)
        : new(dataset, version, false, 0, 0, 0, Unchanged, Records, Entities);
}

/// <summary>The outcome of an import: the version it produced and the delta against the previous one, by source record.</summary>
public sealed record ImportResult(
    string Dataset,
    int Version,
    bool NewVersion,
    int Added,
    int Changed,
    int Removed,
    int Unchanged,
    int Records,
    int Entities);

/// <summary>A dataset: owner agency, current version and size.</summary>
public sealed record DatasetInfo(
    string Name,
    string Title,
    string Owner,
    string Format,
    int Version,
    int Records,
    int Entities,
    DateTimeOffset UpdatedAt);

/// <summary>One version of a dataset and the delta it brought.</summary>
public sealed record DatasetVersion(
    string Dataset,
    int Version,
    DateTimeOffset ImportedAt,
    string Source,
    int Added,
    int Changed,
    int Removed,
    int Unchanged,
    int Records,
    int Entities);

/// <summary>How a source record changed in a version.</summary>
public enum DeltaKind
{
    Added,
    Changed,
    Removed,
}

/// <summary>One record of a delta, keyed by the source's stable identifier.</summary>
public sealed record DeltaEntry(string SourceRef, DeltaKind Kind);

/// <summary>A store refused an operation for a reason the caller can act on (e.g. an id owned by another dataset).</summary>
public sealed class StoreException(string message) : Exception(message);
