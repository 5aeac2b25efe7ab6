using System.Globalization;
using System.Text;
using Cordon.Model;
using Cordon.Text;

namespace Cordon.Lists.Ofac;

/// <summary>
/// Reads OFAC's legacy CSV set (sdn.csv with alt.csv, add.csv and sdn_comments.csv beside it, or the non-SDN
/// cons_prim.csv set): one Person, Organization, Vessel or Airplane per row, with its aliases, Address entities,
/// documents parsed from the remarks and a Sanction. Ids come from ent_num (<c>ofac-2674</c>), stable across versions.
/// </summary>
public sealed class OfacCsvReader : IDirectoryListReader
{
    private const int SdnColumns = 12;
    private const int AltColumns = 5;
    private const int AddColumns = 6;
    private const int CommentColumns = 2;

    public string Format => "ofac";

    public string DefaultDataset => "ofac";

    public string DefaultOwner => "OFAC";

    /// <summary>The sdn.csv (or cons_prim.csv) of a set named by its folder or by the file itself.</summary>
    public string ResolveInput(string path) => OfacCsvFiles.Locate(path).Sdn;

    public IEnumerable<Entity> Read(string path, ImportContext context, CancellationToken cancellationToken)
    {
        var files = OfacCsvFiles.Locate(path);
        return ReadSet(files, context, cancellationToken);
    }

    private static IEnumerable<Entity> ReadSet(OfacCsvFiles files, ImportContext context, CancellationToken cancellationToken)
    {
        // The side files are small next to sdn.csv; holding them lets sdn.csv stream in one pass.
        var alts = LoadSide(files.Alt, "alt.csv", AltColumns, context, cancellationToken);
        var addresses = LoadSide(files.Add, "add.csv", AddColumns, context, cancellationToken);
        var comments = LoadSide(files.Comments, "sdn_comments.csv", CommentColumns, context, cancellationToken);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var fields = new List<string>(SdnColumns);
        using var csv = new CsvReader(InputFiles.OpenText(files.Sdn, Encoding.Latin1), files.Sdn);
        while (csv.TryReadRecord(fields))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (fields.Count == 1 && fields[0].Trim().Length == 0)
            {
                continue;
            }

            var line = csv.RecordLine;
            if (fields.Count != SdnColumns)
            {
                throw new ImportException(files.Sdn, line, null, $"expected {SdnColumns} columns, found {fields.Count}");
            }

            var entNum = EntNum(fields[0], files.Sdn, line);
            if (!seen.Add(entNum))
            {
                throw new ImportException(files.Sdn, line, "ent_num", $"ent_num {entNum} appears twice");
            }

            var entities = MapRow(fields, entNum, files.Sdn, line, context, alts, addresses, comments);
            foreach (var entity in entities)
            {
                yield return entity;
            }
        }

        if (seen.Count == 0)
        {
            throw new ImportException(files.Sdn, null, null, "no SDN records: refusing to import an empty list");
        }

        WarnOrphans(alts, seen, files.Alt, context);
        WarnOrphans(addresses, seen, files.Add, context);
        WarnOrphans(comments, seen, files.Comments, context);
    }

    private static List<Entity> MapRow(
        List<string> fields,
        string entNum,
        string file,
        long line,
        ImportContext context,
        Dictionary<string, List<string[]>> alts,
        Dictionary<string, List<string[]>> addresses,
        Dictionary<string, List<string[]>> comments)
    {
        var name = Value(fields[1]) ?? throw new ImportException(file, line, "SDN_Name", "the name is empty");
        var record = new OfacRecord(context, entNum, SchemaOf(Value(fields[2]), file, line, context), $"{Path.GetFileName(file)}:{line}");
        try
        {
            record.Set("name", name, $"Name: {name}");
            if (record.Is("Person"))
            {
                var comma = name.IndexOf(", ", StringComparison.Ordinal);
                if (comma > 0)
                {
                    record.Set("lastName", name[..comma], $"Last name: {name[..comma]}");
                    record.Set("firstName", name[(comma + 2)..], $"First name: {name[(comma + 2)..]}");
                }
            }

            foreach (var program in Programs(Value(fields[3])))
            {
                record.AddProgram(program);
            }

            MapDetails(record, fields);
            foreach (var alt in alts.GetValueOrDefault(entNum) ?? [])
            {
                AddAlternateName(record, alt);
            }

            foreach (var add in addresses.GetValueOrDefault(entNum) ?? [])
            {
                record.AddAddress(Value(add[1]), new OfacAddress(Value(add[2]), City: Value(add[3]), Country: Value(add[4]), Remarks: Value(add[5])));
            }

            // sdn_comments.csv holds the tail of remarks longer than the sdn.csv field, cut mid-word.
            var remarks = Value(fields[11]) + string.Concat((comments.GetValueOrDefault(entNum) ?? []).Select(c => c[1]));
            if (remarks.Trim().Length > 0)
            {
                OfacFacts.ApplyRemarks(record, remarks);
            }

            return [.. record.Build()];
        }
        catch (ModelException ex)
        {
            throw new ImportException(file, line, ex.Field, ex.Reason, ex);
        }
    }

    private static void MapDetails(OfacRecord record, List<string> fields)
    {
        if (Value(fields[4]) is { } title)
        {
            record.Set("position", title, $"Title: {title}");
        }

        if (Value(fields[5]) is { } callSign)
        {
            record.Set("callSign", callSign, $"Call sign: {callSign}");
        }

        if (Value(fields[6]) is { } type)
        {
            record.Set("type", type, $"Vessel type: {type}");
        }

        if (Value(fields[7]) is { } tonnage)
        {
            record.Set("tonnage", tonnage.Replace(",", "", StringComparison.Ordinal), $"Tonnage: {tonnage}");
        }

        if (Value(fields[8]) is { } grt)
        {
            record.Set("grossRegisteredTonnage", grt.Replace(",", "", StringComparison.Ordinal), $"GRT: {grt}");
        }

        if (Value(fields[9]) is { } flag)
        {
            record.SetCountry("flag", flag, $"Flag: {flag}");
        }

        if (Value(fields[10]) is { } owner)
        {
            record.Note($"Owner: {owner}");
        }
    }

    private static void AddAlternateName(OfacRecord record, string[] alt)
    {
        var name = Value(alt[3]);
        if (name is null)
        {
            return;
        }

        var remarks = Value(alt[4]);
        var weak = remarks is not null && remarks.Contains("weak", StringComparison.OrdinalIgnoreCase);
        var type = Value(alt[2])?.ToLowerInvariant();
        var property = type switch
        {
            _ when weak => "weakAlias",
            "fka" => "previousName",
            "aka" or "nka" => "alias",
            _ => null,
        };
        if (property is null)
        {
            record.Warn($"alternate name type '{type}' is unknown; taken as an alias");
            property = "alias";
        }

        record.Set(property, name, $"{type}: {name}");
        if (remarks is not null && !weak)
        {
            record.Note($"{name}: {remarks}");
        }
    }

    private static Schema SchemaOf(string? type, string file, long line, ImportContext context)
    {
        switch (type?.ToLowerInvariant())
        {
            case null: return Schemata.Organization;
            case "individual": return Schemata.Person;
            case "vessel": return Schemata.Vessel;
            case "aircraft": return Schemata.Airplane;
            default:
                context.Warn($"{Path.GetFileName(file)}:{line}: SDN_Type '{type}' is unknown; read as a legal entity");
                return Schemata.LegalEntity;
        }
    }

    /// <summary>Program codes: the field holds several as <c>SDGT] [IRGC</c>, the inside of OFAC's bracketed list.</summary>
    internal static IEnumerable<string> Programs(string? field) =>
        field is null
            ? []
            : field.Split("] [", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(p => p.Trim('[', ']', ' '))
                .Where(p => p.Length > 0);

    private static Dictionary<string, List<string[]>> LoadSide(
        string? file, string kind, int columns, ImportContext context, CancellationToken cancellationToken)
    {
        var rows = new Dictionary<string, List<string[]>>(StringComparer.Ordinal);
        if (file is null)
        {
            context.Warn($"{kind} not found beside the SDN file; imported without it");
            return rows;
        }

        var fields = new List<string>(columns);
        using var csv = new CsvReader(InputFiles.OpenText(file, Encoding.Latin1), file);
        while (csv.TryReadRecord(fields))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (fields.Count == 1 && fields[0].Trim().Length == 0)
            {
                continue;
            }

            if (fields.Count != columns)
            {
                throw new ImportException(file, csv.RecordLine, null, $"expected {columns} columns, found {fields.Count}");
            }

            var entNum = EntNum(fields[0], file, csv.RecordLine);
            if (!rows.TryGetValue(entNum, out var list))
            {
                list = [];
                rows.Add(entNum, list);
            }

            list.Add([.. fields]);
        }

        return rows;
    }

    private static void WarnOrphans(Dictionary<string, List<string[]>> rows, HashSet<string> seen, string? file, ImportContext context)
    {
        var orphans = rows.Keys.Where(k => !seen.Contains(k)).Order(StringComparer.Ordinal).ToList();
        if (orphans.Count > 0)
        {
            context.Warn($"{file}: {orphans.Count} row group(s) name an ent_num not in the SDN file and were skipped (e.g. {orphans[0]})");
        }
    }

    private static string EntNum(string field, string file, long line)
    {
        var text = field.Trim();
        if (text.Length == 0 || text.Length > 12 || !long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            throw new ImportException(file, line, "ent_num", $"'{PropertyValues.CollapseWhitespace(text)}' is not a number");
        }

        return text;
    }

    /// <summary>The field's text, or null for OFAC's empty marker <c>-0-</c> (written with a trailing space).</summary>
    internal static string? Value(string field)
    {
        var text = field.Trim();
        return text.Length == 0 || text == "-0-" ? null : text;
    }
}

/// <summary>Where the files of one OFAC CSV set are: the primary file and its optional companions.</summary>
internal sealed record OfacCsvFiles(string Sdn, string? Alt, string? Add, string? Comments)
{
    /// <summary>Finds the set from a folder or from the primary file; names are matched ignoring case, as OFAC varies it.</summary>
    public static OfacCsvFiles Locate(string path)
    {
        string folder;
        string primary;
        if (Directory.Exists(path))
        {
            folder = path;
            primary = Find(folder, "sdn.csv") ?? Find(folder, "cons_prim.csv")
                ?? throw new ImportException(Path.Combine(path, "sdn.csv"), null, null, "file not found: the folder holds no sdn.csv");
        }
        else
        {
            if (!File.Exists(path))
            {
                throw new ImportException(path, null, null, "file not found");
            }

            primary = path;
            folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        }

        var consolidated = Path.GetFileName(primary).StartsWith("cons_", StringComparison.OrdinalIgnoreCase);
        return consolidated
            ? new(primary, Find(folder, "cons_alt.csv"), Find(folder, "cons_add.csv"), Find(folder, "cons_comments.csv"))
            : new(primary, Find(folder, "alt.csv"), Find(folder, "add.csv"), Find(folder, "sdn_comments.csv"));
    }

    private static string? Find(string folder, string name)
    {
        var exact = Path.Combine(folder, name);
        if (File.Exists(exact))
        {
            return exact;
        }

        return Directory.EnumerateFiles(folder)
            .FirstOrDefault(f => string.Equals(Path.GetFileName(f), name, StringComparison.OrdinalIgnoreCase));
    }
}
