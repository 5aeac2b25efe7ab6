using Cordon.Model;

namespace Cordon.Lists;

/// <summary>
/// Reads one list format into entities, streaming. Entities of one source record (a person and their passports,
/// addresses and sanction) are yielded together and share <see cref="Entity.SourceRef"/>. Broken input throws
/// <see cref="ImportException"/> naming the place; the store then rolls the whole import back.
/// </summary>
public interface IListReader
{
    /// <summary>The format name used on the command line (<c>un</c>, <c>ofac</c>, …).</summary>
    string Format { get; }

    /// <summary>The dataset name used when none is given; it also prefixes entity ids.</summary>
    string DefaultDataset { get; }

    /// <summary>The agency that owns the dataset when none is given.</summary>
    string DefaultOwner { get; }

    IEnumerable<Entity> Read(string path, ImportContext context, CancellationToken cancellationToken);
}

/// <summary>What an import reads into: the dataset (which prefixes ids) and format options such as a CSV column map.</summary>
public sealed class ImportContext(string dataset, IReadOnlyDictionary<string, string>? options = null)
{
    private readonly List<string> _warnings = [];

    public string Dataset { get; } = dataset;

    public IReadOnlyDictionary<string, string> Options { get; } = options ?? new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Things kept but not fully understood (e.g. an unknown country name moved to a text field).</summary>
    public IReadOnlyList<string> Warnings => _warnings;

    public void Warn(string message)
    {
        if (_warnings.Count < 1000)
        {
            _warnings.Add(message);
        }
    }
}
