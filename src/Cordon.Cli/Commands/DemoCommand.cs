using System.Globalization;
using System.CommandLine;
using Cordon.Lists;
using Cordon.Screening;
using Spectre.Console;

namespace Cordon.Cli.Commands;

/// <summary>
/// <c>cordon demo</c>: the main job on the embedded default. Loads the bundled UN and OFAC lists into the local
/// database (once), then screens a few names and shows the explained hits.
/// </summary>
internal static class DemoCommand
{
    internal static readonly string[] Examples =
    [
        "Abu Mohammed al-Adnani",
        "ADNANI, Abou Mohamed",
        "Ayman al-Zawahiri",
        "Banco Nacional de Cuba",
        "Jane Example",
    ];

    public static Command Create()
    {
        var command = new Command("demo", "Load the bundled UN and OFAC lists (once) and screen example names.");
        command.SetAction(parse => CommonOptions.Run(() =>
        {
            var json = parse.GetValue(CommonOptions.Json);
            using var store = CommonOptions.OpenStore(parse);
            var data = Path.Combine(AppContext.BaseDirectory, "data");
            (string Format, string Path)[] lists =
            [
                ("un", Path.Combine(data, "un", "UN_consolidated.xml")),
                ("ofac", Path.Combine(data, "ofac", "sdn.csv")),
            ];
            foreach (var (format, path) in lists)
            {
                if (Importer.FindReader(format) is not { } reader || store.GetDataset(reader.DefaultDataset) is not null)
                {
                    continue;
                }

                var outcome = Progress.Run(!json, $"Loading {format}", p => Importer.Import(store, format, path, new ImportOptions(), p));
                if (!json)
                {
                    AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Loaded [bold]{outcome.Result.Dataset}[/]: {outcome.Result.Records} records from {path}");
                }
            }

            var screener = new Screener(ScreeningIndex.Build(store.ReadEntities()));
            var responses = Examples.Select(name => screener.Screen(new ScreeningQuery(name) { Limit = 3 })).ToList();
            if (json)
            {
                JsonOutput.Write(w =>
                {
                    w.WriteStartObject();
                    w.WriteString("db", store.Display);
                    w.WriteStartArray("screenings");
                    foreach (var response in responses)
                    {
                        ScreenCommand.WriteJson(w, response);
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                });
                return ExitCodes.Ok;
            }

            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Database: {store.Display} ({screener.Index.EntityCount} screenable entities, {screener.Index.NameCount} names)");
            foreach (var response in responses)
            {
                AnsiConsole.WriteLine();
                AnsiConsole.Write(new Rule($"[bold]screen \"{Markup.Escape(response.Query.Name)}\"[/]").LeftJustified());
                ScreenCommand.WriteTable(response);
            }

            AnsiConsole.WriteLine();
            AnsiConsole.MarkupLine("Next: [bold]./cordon screen \"NAME\" --dob 1977 --country iq[/], [bold]./cordon entity un-QDi.325[/], [bold]./cordon --help[/].");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
