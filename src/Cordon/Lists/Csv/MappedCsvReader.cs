using System.Security.Cryptography;
using System.Text;
using Cordon.Model;
using Cordon.Text;

namespace Cordon.Lists.Csv;

/// <summary>
/// Reads a CSV file with a header row into entities of one schema, mapping columns to FtM properties
/// (<c>--map name=full_name,birthDate=dob</c>). Without a map, columns named like properties are taken as they are.
/// The <c>id</c> column (or the one mapped with <c>id=…</c>) gives stable ids; a <c>schema</c> column may choose
/// the schema per row.
/// </summary>
public sealed class MappedCsvReader : IListReader
{
    /// <summary>Option keys with a meaning of their own; every other key is a property mapped to a column.</summary>
    public const string SchemaOption = "schema";
    public const string IdOption = "id";
    public const string DelimiterOption = "delimiter";

    public string Format => "csv";

    public string DefaultDataset => "csv";

    public string DefaultOwner => "local";

    public IEnumerable<Entity> Read(string path, ImportContext context, CancellationToken cancellationToken)
    {
        var delimiter = context.Options.TryGetValue(DelimiterOption, out var d) && d.Length == 1 ? d[0] : ',';
        using var csv = new CsvReader(InputFiles.OpenText(path), path, delimiter);
        var fields = new List<string>();
        if (!csv.TryReadRecord(fields))
        {
            throw new ImportException(path, 1, null, "no header row");
        }

        var plan = Plan(fields, context, path);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (csv.TryReadRecord(fields))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var line = csv.RecordLine;
            if (fields.Count != plan.Columns)
            {
                throw new ImportException(path, line, null, $"{fields.Count} columns where the header has {plan.Columns}");
            }

            yield return MapRow(fields, plan, context, path, line, seen);
        }
    }

    private static Entity MapRow(List<string> fields, RowPlan plan, ImportContext context, string path, long line, HashSet<string> seen)
    {
        var schema = plan.Schema;
        if (plan.SchemaColumn is { } sc && fields[sc].Trim() is { Length: > 0 } schemaName)
        {
            schema = Schemata.Find(schemaName) ?? throw new ImportException(path, line, plan.Header[sc], $"unknown schema '{schemaName}'");
        }

        string sourceId;
        if (plan.IdColumn is { } ic)
        {
            sourceId = fields[ic].Trim();
            if (sourceId.Length == 0)
            {
                throw new ImportException(path, line, plan.Header[ic], "empty id");
            }
        }
        else
        {
            // Without an id column the row's content is its identity: stable while the row is unchanged.
            sourceId = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001F', fields))))[..16];
        }

        var entityId = EntityIds.Make(context.Dataset, sourceId);
        if (!seen.Add(entityId))
        {
            throw new ImportException(path, line, plan.IdColumn is { } idc ? plan.Header[idc] : null,
                $"id '{sourceId}' appears twice (as entity id '{entityId}', which an earlier row already has)");
        }

        try
        {
            var builder = new EntityBuilder(entityId, schema, sourceId);
            foreach (var (property, column) in plan.Properties)
            {
                if (schema.GetProperty(property) is null)
                {
                    // A mixed file (people and organisations) leaves person-only cells empty on organisation rows.
                    if (string.IsNullOrWhiteSpace(fields[column]))
                    {
                        continue;
                    }

                    throw new ModelException(property, $"schema {schema.Name} has no property '{property}'");
                }

                builder.Add(property, fields[column]);
            }

            if (schema.Matchable && !builder.Has("name"))
            {
                throw new ImportException(path, line, plan.NameColumn, "empty name");
            }

            return builder.Build();
        }
        catch (ModelException ex)
        {
            var column = plan.Properties.FirstOrDefault(p => p.Property == ex.Field) is { Property: not null } hit ? plan.Header[hit.Column] : ex.Field;
            throw new ImportException(path, line, column, ex.Reason, ex);
        }
    }

    private static RowPlan Plan(List<string> header, ImportContext context, string path)
    {
        var names = header.Select(h => h.Trim()).ToArray();
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < names.Length; i++)
        {
            if (names[i].Length == 0)
            {
                throw new ImportException(path, 1, $"column {i + 1}", "empty column name in the header");
            }

            if (!index.TryAdd(names[i], i))
            {
                throw new ImportException(path, 1, names[i], "column appears twice in the header");
            }
        }

        var schemaName = context.Options.GetValueOrDefault(SchemaOption, "Person");
        var schema = Schemata.Find(schemaName) ?? throw new ImportException(path, null, "--schema", $"unknown schema '{schemaName}'");
        var mapped = context.Options.Where(o => o.Key is not (SchemaOption or DelimiterOption)).ToList();
        var properties = new List<(string Property, int Column)>();
        int? idColumn = null;
        if (mapped.Count > 0)
        {
            foreach (var (property, column) in mapped)
            {
                if (!index.TryGetValue(column, out var at))
                {
                    throw new ImportException(path, 1, column, $"--map {property}={column}: no such column in the header ({string.Join(", ", names)})");
                }

                if (property == IdOption)
                {
                    idColumn = at;
                }
                else if (schema.GetProperty(property) is null && !Schemata.All.Any(s => s.GetProperty(property) is not null))
                {
                    throw new ImportException(path, null, $"--map {property}", $"unknown property '{property}'");
                }
                else
                {
                    properties.Add((property, at));
                }
            }
        }
        else
        {
            for (var i = 0; i < names.Length; i++)
            {
                if (schema.GetProperty(names[i]) is not null)
                {
                    properties.Add((names[i], i));
                }
            }
        }

        idColumn ??= index.TryGetValue("id", out var idAt) ? idAt : null;
        int? schemaColumn = index.TryGetValue("schema", out var schemaAt) ? schemaAt : null;
        var name = properties.FirstOrDefault(p => p.Property == "name");
        if (name.Property is null)
        {
            throw new ImportException(path, 1, null,
                $"no column maps to 'name' (header: {string.Join(", ", names)}); name the column 'name' or pass --map name=COLUMN");
        }

        if (idColumn is null)
        {
            context.Warn($"{path}: no id column; ids are derived from row content, so an edited row counts as removed and added");
        }

        return new RowPlan(names, names.Length, schema, idColumn, schemaColumn, names[name.Column], properties);
    }

    private sealed record RowPlan(
        string[] Header,
        int Columns,
        Schema Schema,
        int? IdColumn,
        int? SchemaColumn,
        string NameColumn,
        List<(string Property, int Column)> Properties);
}
