using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Cordon.Screening;
using Cordon.Storage;
using Spectre.Console;

namespace Cordon.Cli.Commands;

/// <summary><c>cordon screen NAME</c>: ranked, explained candidates; exit 1 when there are hits.</summary>
internal static class ScreenCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = "The name to screen." };
        var dob = new Option<string?>("--dob") { Description = "Birth date: YYYY, YYYY-MM or YYYY-MM-DD." };
        var country = new Option<string?>("--country") { Description = "Country: ISO code or English name." };
        var schema = new Option<string?>("--schema") { Description = "Only entities of this schema (Person, Organization, Vessel…)." };
        var limit = new Option<int>("--limit") { Description = "Most results to show.", DefaultValueFactory = _ => 10 };
        var threshold = new Option<double?>("--threshold") { Description = $"Lowest score shown, 0-1 (default {Screener.DefaultThreshold.ToString(CultureInfo.InvariantCulture)})." };
        var command = new Command("screen", "Screen a name against every loaded dataset.") { name, dob, country, schema, limit, threshold };
        command.SetAction(parse => CommonOptions.Run(() =>
        {
            if (parse.GetValue(threshold) is { } t && t is < 0 or > 1)
            {
                throw new UsageException($"--threshold {t.ToString(CultureInfo.InvariantCulture)}: must be between 0 and 1");
            }

            if (parse.GetValue(limit) < 1)
            {
                throw new UsageException("--limit must be at least 1");
            }

            var query = new ScreeningQuery(parse.GetValue(name)!, parse.GetValue(dob), parse.GetValue(country), parse.GetValue(schema))
            {
                Limit = parse.GetValue(limit),
                Threshold = parse.GetValue(threshold),
            };
            if (string.IsNullOrWhiteSpace(query.Name))
            {
                throw new UsageException("name: empty");
            }

            using var store = CommonOptions.OpenStore(parse);
            if (store.GetDatasets().Count == 0)
            {
                Console.Error.WriteLine($"cordon: warning: {store.Display} holds no datasets; import a list first (cordon import, or cordon demo)");
            }

            var response = Screen(store, query);
            if (parse.GetValue(CommonOptions.Json))
            {
                JsonOutput.Write(w => WriteJson(w, response));
            }
            else
            {
                WriteTable(response);
            }

            return response.Results.Count > 0 ? ExitCodes.Findings : ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>Builds the index from the store and screens one query.</summary>
    internal static ScreeningResponse Screen(ICordonStore store, ScreeningQuery query) =>
        new Screener(ScreeningIndex.Build(store.ReadEntities())).Screen(query);

    internal static void WriteJson(Utf8JsonWriter w, ScreeningResponse response)
    {
        var q = response.Query;
        w.WriteStartObject();
        w.WriteStartObject("query");
        w.WriteString("name", q.Name);
        WriteOptional(w, "dob", q.BirthDate);
        WriteOptional(w, "country", q.Country);
        WriteOptional(w, "schema", q.Schema);
        w.WriteNumber("limit", q.Limit);
        w.WriteNumber("threshold", response.Threshold);
        w.WriteEndObject();
        w.WriteStartArray("results");
        foreach (var hit in response.Results)
        {
            w.WriteStartObject();
            w.WriteString("id", hit.Entity.Id);
            w.WriteString("schema", hit.Entity.Schema.Name);
            w.WriteString("caption", hit.Entity.Caption);
            w.WriteString("dataset", hit.Entity.Dataset);
            w.WriteNumber("score", hit.Score);
            w.WriteString("matched_name", hit.MatchedName);
            w.WriteString("matched_property", hit.MatchedProperty);
            w.WriteStartArray("explanation");
            foreach (var item in hit.Explanation)
            {
                w.WriteStartObject();
                w.WriteString("factor", item.Factor);
                w.WriteNumber("effect", item.Effect);
                w.WriteString("detail", item.Detail);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("parts");
            foreach (var part in hit.Parts)
            {
                w.WriteStartObject();
                w.WriteString("query", part.QueryPart);
                w.WriteString("entity", part.EntityPart);
                w.WriteNumber("similarity", part.Similarity);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    internal static void WriteTable(ScreeningResponse response)
    {
        if (response.Results.Count == 0)
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"No hits for [bold]{response.Query.Name}[/] at threshold {response.Threshold.ToString("0.00", CultureInfo.InvariantCulture)}.");
            return;
        }

        var table = new Table().AddColumns("Score", "Entity", "Schema", "Dataset", "Matched name", "Why");
        foreach (var hit in response.Results)
        {
            var why = string.Join("\n", hit.Explanation.Select(e =>
                $"{e.Factor} {(e.Effect >= 0 ? "+" : "")}{e.Effect.ToString("0.00", CultureInfo.InvariantCulture)}: {e.Detail}"));
            var parts = string.Join(", ", hit.Parts.Select(p => $"{p.QueryPart}~{p.EntityPart} {p.Similarity.ToString("0.00", CultureInfo.InvariantCulture)}"));
            table.AddRow(
                hit.Score.ToString("0.000", CultureInfo.InvariantCulture),
                Markup.Escape($"{hit.Entity.Caption}\n{hit.Entity.Id}"),
                hit.Entity.Schema.Name,
                Markup.Escape(hit.Entity.Dataset ?? ""),
                Markup.Escape($"{hit.MatchedName}\n({hit.MatchedProperty})"),
                Markup.Escape($"{why}\nparts: {parts}"));
        }

        AnsiConsole.Write(table);
    }

    private static void WriteOptional(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }
}
