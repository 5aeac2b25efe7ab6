using System.CommandLine;
using System.Globalization;
using Spectre.Console;

namespace Cordon.Cli.Commands;

/// <summary><c>cordon datasets</c>: every dataset with its owner, version and size, and its version history.</summary>
internal static class DatasetsCommand
{
    public static Command Create()
    {
        var command = new Command("datasets", "List datasets: owner, current version, counts and version history.");
        command.SetAction(parse => CommonOptions.Run(() =>
        {
            using var store = CommonOptions.OpenStore(parse);
            var datasets = store.GetDatasets();
            if (parse.GetValue(CommonOptions.Json))
            {
                JsonOutput.Write(w =>
                {
                    w.WriteStartObject();
                    w.WriteStartArray("datasets");
                    foreach (var d in datasets)
                    {
                        w.WriteStartObject();
                        w.WriteString("name", d.Name);
                        w.WriteString("owner", d.Owner);
                        w.WriteString("format", d.Format);
                        w.WriteNumber("version", d.Version);
                        w.WriteNumber("entities", d.Records);
                        w.WriteNumber("total_entities", d.Entities);
                        w.WriteString("updated_at", d.UpdatedAt);
                        w.WriteStartArray("versions");
                        foreach (var v in store.GetVersions(d.Name))
                        {
                            w.WriteStartObject();
                            w.WriteNumber("version", v.Version);
                            w.WriteString("imported_at", v.ImportedAt);
                            w.WriteString("source", v.Source);
                            w.WriteNumber("added", v.Added);
                            w.WriteNumber("changed", v.Changed);
                            w.WriteNumber("removed", v.Removed);
                            w.WriteNumber("unchanged", v.Unchanged);
                            w.WriteNumber("entities", v.Records);
                            w.WriteEndObject();
                        }

                        w.WriteEndArray();
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                });
                return ExitCodes.Ok;
            }

            if (datasets.Count == 0)
            {
                AnsiConsole.MarkupLine("No datasets yet. Import one with [bold]cordon import un PATH[/], or run [bold]cordon demo[/].");
                return ExitCodes.Ok;
            }

            var table = new Table().AddColumns("Dataset", "Owner", "Format", "Version", "Records", "Entities", "Updated (UTC)", "Last delta");
            foreach (var d in datasets)
            {
                var last = store.GetVersions(d.Name)[^1];
                table.AddRow(
                    Markup.Escape(d.Name),
                    Markup.Escape(d.Owner),
                    d.Format,
                    d.Version.ToString(CultureInfo.InvariantCulture),
                    d.Records.ToString(CultureInfo.InvariantCulture),
                    d.Entities.ToString(CultureInfo.InvariantCulture),
                    d.UpdatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                    $"+{last.Added} ~{last.Changed} -{last.Removed}");
            }

            AnsiConsole.Write(table);
            return ExitCodes.Ok;
        }));
        return command;
    }
}
