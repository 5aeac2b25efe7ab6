using Cordon.Lists;
using Cordon.Model;
using Cordon.Text;

namespace Cordon.Screening.Evaluation;

/// <summary>One labelled pair of names: are they the same person, company or vessel?</summary>
public sealed record NamePair(long Line, string Group, string Schema, string Name1, string Name2, bool IsMatch, string Quality, string Category);

/// <summary>Reads labelled name pairs in the format of <c>names/eval/name_pairs.csv</c> (<c>name1,name2,is_match,schema,…</c>).</summary>
public static class NamePairs
{
    public static IReadOnlyList<NamePair> Read(string path)
    {
        InputFiles.CheckTextFile(path);
        using var csv = new CsvReader(InputFiles.OpenText(path), path);
        var fields = new List<string>();
        if (!csv.TryReadRecord(fields))
        {
            throw new ImportException(path, 1, null, "no header row");
        }

        var header = fields.Select((name, i) => (name.Trim(), i)).ToDictionary(x => x.Item1, x => x.i, StringComparer.Ordinal);
        int Column(string name) => header.TryGetValue(name, out var at)
            ? at
            : throw new ImportException(path, 1, name, $"missing column (header: {string.Join(", ", header.Keys)})");
        int? Optional(string name) => header.TryGetValue(name, out var at) ? at : null;
        int name1 = Column("name1"), name2 = Column("name2"), isMatch = Column("is_match");
        int? schema = Optional("schema"), group = Optional("case_group"), quality = Optional("quality"), category = Optional("category");
        var pairs = new List<NamePair>();
        while (csv.TryReadRecord(fields))
        {
            if (fields.Count != header.Count)
            {
                throw new ImportException(path, csv.RecordLine, null, $"{fields.Count} columns where the header has {header.Count}");
            }

            var schemaName = schema is { } s && fields[s].Trim().Length > 0 ? fields[s].Trim() : "Person";
            if (Schemata.Find(schemaName) is not { Matchable: true })
            {
                throw new ImportException(path, csv.RecordLine, "schema", $"'{schemaName}' is not a matchable schema");
            }

            var label = fields[isMatch].Trim().ToLowerInvariant() switch
            {
                "true" or "1" or "yes" => true,
                "false" or "0" or "no" => false,
                _ => throw new ImportException(path, csv.RecordLine, "is_match", $"'{fields[isMatch]}' is not true or false"),
            };
            pairs.Add(new NamePair(csv.RecordLine, Get(fields, group), schemaName, fields[name1], fields[name2], label, Get(fields, quality), Get(fields, category)));
        }

        if (pairs.Count == 0)
        {
            throw new ImportException(path, null, null, "no pairs found");
        }

        return pairs;
    }

    private static string Get(List<string> fields, int? column) => column is { } c ? fields[c].Trim() : "";
}
