using Cordon.Lists.Csv;
using Cordon.Lists.Ftm;
using Cordon.Lists.Ofac;
using Cordon.Lists.Un;
using Cordon.Model;
using Cordon.Storage;

namespace Cordon.Lists;

/// <summary>How to import: into which dataset, for which owner, with which format options.</summary>
public sealed record ImportOptions(string? Dataset = null, string? Owner = null, IReadOnlyDictionary<string, string>? FormatOptions = null)
{
    /// <summary>Scope every id by the dataset (<c>dataset:id</c>), as for records an agency sends the server.</summary>
    public bool ScopeIds { get; init; }

    /// <summary>The dataset's title; null keeps the one it has (or, for a new dataset, uses its name).</summary>
    public string? Title { get; init; }
}

/// <summary>The result of an import with the warnings the reader raised.</summary>
public sealed record ImportOutcome(ImportResult Result, IReadOnlyList<string> Warnings);

/// <summary>
/// The one import path used by the CLI and the server: checks the file, picks the reader for the format and streams its
/// entities into the store in one transaction, so any error leaves the previous version untouched.
/// </summary>
public static class Importer
{
    private static readonly IListReader[] Readers =
        [new UnXmlReader(), new OfacCsvReader(), new OfacXmlReader(), new FtmJsonReader(), new MappedCsvReader()];

    /// <summary>The format names that <see cref="Import"/> accepts.</summary>
    public static IEnumerable<string> Formats => Readers.Select(r => r.Format);

    /// <summary>The reader for a format, or null.</summary>
    public static IListReader? FindReader(string format) =>
        Readers.FirstOrDefault(r => string.Equals(r.Format, format, StringComparison.Ordinal));

    public static ImportOutcome Import(
        ICordonStore store,
        string format,
        string path,
        ImportOptions options,
        IProgress<long>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var reader = FindReader(format)
            ?? throw new ImportException(path, null, "format", $"unknown format '{format}' (known: {string.Join(", ", Formats)})");
        var input = reader is IDirectoryListReader directoryReader ? directoryReader.ResolveInput(path) : path;
        InputFiles.CheckTextFile(input);
        var dataset = options.Dataset ?? reader.DefaultDataset;
        if (!ImportRequest.IsValidDatasetName(dataset))
        {
            throw new ImportException(path, null, "--dataset", ImportRequest.InvalidNameReason(dataset));
        }

        var context = new ImportContext(dataset, options.FormatOptions);
        var request = new ImportRequest(dataset, options.Owner ?? reader.DefaultOwner, reader.Format, Path.GetFullPath(input), options.Title);
        var entities = reader.Read(input, context, cancellationToken);
        if (options.ScopeIds)
        {
            entities = entities.Select(e => Sharing.AgencyRecords.Scope(dataset, e));
        }

        try
        {
            var result = store.Import(request, RequireSome(entities, input), progress, cancellationToken);
            return new ImportOutcome(result, context.Warnings);
        }
        catch (StoreException ex)
        {
            throw new ImportException(input, null, null, ex.Message, ex);
        }
    }

    /// <summary>A file that parses but holds no entity is refused, inside the transaction, so nothing is replaced by nothing.</summary>
    private static IEnumerable<Entity> RequireSome(IEnumerable<Entity> entities, string path)
    {
        var any = false;
        foreach (var entity in entities)
        {
            any = true;
            yield return entity;
        }

        if (!any)
        {
            throw new ImportException(path, null, null, "no entities found");
        }
    }
}

/// <summary>A reader whose input may be named by its folder (e.g. the OFAC CSV set); it says which file to check.</summary>
public interface IDirectoryListReader : IListReader
{
    /// <summary>The main file for a path that may be a folder.</summary>
    string ResolveInput(string path);
}
