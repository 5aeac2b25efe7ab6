using System.Globalization;
using System.CommandLine;
using Cordon.Lists;
using Spectre.Console;

namespace Cordon.Cli.Commands;

/// <summary><c>cordon import FORMAT PATH</c>: one transaction per import; prints the new version and its delta.</summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var format = new Argument<string>("format") { Description = "un | ofac | ofac-xml | ftm | csv" };
        format.AcceptOnlyFromAmong([.. Importer.Formats]);
        var path = new Argument<string>("path") { Description = "The file to import (for ofac: sdn.csv or its folder)." };
        var dataset = new Option<string?>("--dataset") { Description = "Dataset name (default per format: un, ofac, ftm, csv); it prefixes entity ids." };
        var owner = new Option<string?>("--owner") { Description = "The agency that owns the dataset." };
        var map = new Option<string?>("--map") { Description = "csv: column mapping, e.g. name=full_name,birthDate=dob,id=ref." };
        var schema = new Option<string?>("--schema") { Description = "csv: the schema of the rows (default Person)." };
        var command = new Command("import", "Import a list into a dataset, recording the new version and its delta.")
        {
            format, path, dataset, owner, map, schema,
        };
        command.SetAction(parse => CommonOptions.Run(() =>
        {
            var formatOptions = ParseMap(parse.GetValue(map));
            if (parse.GetValue(schema) is { } s)
            {
                formatOptions["schema"] = s;
            }

            var options = new ImportOptions(parse.GetValue(dataset), parse.GetValue(owner), formatOptions);
            using var store = CommonOptions.OpenStore(parse);
            var json = parse.GetValue(CommonOptions.Json);
            var outcome = Progress.Run(!json, "Importing", progress =>
                Importer.Import(store, parse.GetValue(format)!, parse.GetValue(path)!, options, progress));
            var r = outcome.Result;
            if (json)
            {
                JsonOutput.Write(w =>
                {
                    w.WriteStartObject();
                    w.WriteString("dataset", r.Dataset);
                    w.WriteNumber("version", r.Version);
                    w.WriteBoolean("new_version", r.NewVersion);
                    w.WriteNumber("added", r.Added);
                    w.WriteNumber("changed", r.Changed);
                    w.WriteNumber("removed", r.Removed);
                    w.WriteNumber("unchanged", r.Unchanged);
                    w.WriteNumber("entities", r.Records);
                    w.WriteNumber("total_entities", r.Entities);
                    w.WriteNumber("warnings", outcome.Warnings.Count);
                    w.WriteEndObject();
                });
            }
            else
            {
                var what = r.NewVersion ? $"version {r.Version}" : $"unchanged, still version {r.Version}";
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[bold]{r.Dataset}[/] {what}: {r.Records} records ({r.Entities} entities with documents, addresses and sanctions)");
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"  [green]+{r.Added} added[/]  [yellow]~{r.Changed} changed[/]  [red]-{r.Removed} removed[/]  {r.Unchanged} unchanged");
                foreach (var warning in outcome.Warnings.Take(10))
                {
                    AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"  [grey]warning: {warning}[/]");
                }

                if (outcome.Warnings.Count > 10)
                {
                    AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"  [grey]… and {outcome.Warnings.Count - 10} more warnings[/]");
                }
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>Parses <c>prop=column,prop=column</c>.</summary>
    internal static Dictionary<string, string> ParseMap(string? text)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(text))
        {
            return result;
        }

        foreach (var pair in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var at = pair.IndexOf('=', StringComparison.Ordinal);
            if (at <= 0 || at == pair.Length - 1)
            {
                throw new UsageException($"--map: '{pair}' is not property=column");
            }

            result[pair[..at].Trim()] = pair[(at + 1)..].Trim();
        }

        return result;
    }
}
