using System.CommandLine;
using System.Globalization;
using Cordon.Lists;
using Cordon.Screening;
using Spectre.Console;

namespace Cordon.Cli.Commands;

/// <summary><c>cordon screen-file IN.csv --out OUT.csv</c>: screens every row of a file, one output row per hit; exit 1 when any row had hits.</summary>
internal static class ScreenFileCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("input") { Description = "CSV with a 'name' column and optionally 'id', 'dob', 'country', 'schema'." };
        var output = new Option<string>("--out") { Description = "The CSV to write: id,name,entity_id,dataset,score,matched_name, one row per hit.", Required = true };
        var limit = new Option<int>("--limit") { Description = "Most hits per row.", DefaultValueFactory = _ => 10 };
        var threshold = new Option<double?>("--threshold") { Description = $"Lowest score written, 0-1 (default {Screener.DefaultThreshold.ToString(CultureInfo.InvariantCulture)})." };
        var command = new Command("screen-file", "Screen every row of a CSV file against every loaded dataset.") { input, output, limit, threshold };
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

            var inPath = parse.GetValue(input)!;
            var outPath = parse.GetValue(output)!;
            if (string.IsNullOrWhiteSpace(outPath))
            {
                throw new UsageException("--out: empty");
            }

            if (string.Equals(Path.GetFullPath(inPath), Path.GetFullPath(outPath), StringComparison.Ordinal))
            {
                throw new UsageException($"--out {outPath}: is the input file; write the results to another file");
            }

            // Refuse a missing or binary input before the index is built, which can take a while.
            InputFiles.CheckTextFile(inPath);
            var json = parse.GetValue(CommonOptions.Json);
            using var store = CommonOptions.OpenStore(parse);
            if (store.GetDatasets().Count == 0)
            {
                Console.Error.WriteLine($"cordon: warning: {store.Display} holds no datasets; import a list first (cordon import, or cordon demo)");
            }

            // A batch often repeats a name: each distinct name is matched once (100,000 a generation), its rows' facts apply to each.
            var screener = new Screener(ScreeningIndex.Build(store.ReadEntities()), cachedNames: 100_000);
            var options = new BatchScreeningOptions { Limit = parse.GetValue(limit), Threshold = parse.GetValue(threshold) };
            var summary = Progress.Run(!json, "Screening", p => BatchScreening.Run(screener, inPath, outPath, options, p), "rows");
            if (json)
            {
                JsonOutput.Write(w =>
                {
                    w.WriteStartObject();
                    w.WriteNumber("rows", summary.Rows);
                    w.WriteNumber("rows_with_hits", summary.RowsWithHits);
                    w.WriteNumber("rows_without_hits", summary.RowsWithoutHits);
                    w.WriteNumber("hits", summary.Hits);
                    w.WriteNumber("seconds", summary.Seconds);
                    w.WriteNumber("rows_per_second", summary.RowsPerSecond);
                    w.WriteString("out", outPath);
                    w.WriteEndObject();
                });
            }
            else
            {
                WriteTable(summary, outPath);
            }

            return summary.RowsWithHits > 0 ? ExitCodes.Findings : ExitCodes.Ok;
        }));
        return command;
    }

    private static void WriteTable(BatchScreeningSummary summary, string outPath)
    {
        static string N(double value, string format = "N0") => value.ToString(format, CultureInfo.InvariantCulture);
        var table = new Table().HideHeaders().AddColumns("", "").AddRow("Rows", N(summary.Rows))
            .AddRow("Rows with hits", N(summary.RowsWithHits))
            .AddRow("Rows without hits", N(summary.RowsWithoutHits))
            .AddRow("Hits", N(summary.Hits))
            .AddRow("Seconds", N(summary.Seconds, "0.0"))
            .AddRow("Rows per second", N(summary.RowsPerSecond))
            .AddRow("Output", Markup.Escape(outPath));
        AnsiConsole.Write(table);
    }
}
