using System.CommandLine;
using System.Globalization;
using Cordon.Screening;
using Cordon.Screening.Evaluation;
using Spectre.Console;

namespace Cordon.Cli.Commands;

/// <summary><c>cordon eval names PAIRS.csv</c>: precision, recall and F1 of the screening matcher on labelled pairs.</summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var names = new Command("names", "Score labelled name pairs (name1,name2,is_match,schema,…) and report precision, recall and F1.");
        var path = new Argument<string>("pairs") { Description = "CSV of labelled pairs, e.g. ../shared/data/names/eval/name_pairs.csv." };
        var threshold = new Option<double?>("--threshold") { Description = $"Threshold to report at (default {Screener.DefaultThreshold.ToString(CultureInfo.InvariantCulture)})." };
        var errors = new Option<int>("--errors") { Description = "How many false positives and negatives to list.", DefaultValueFactory = _ => 10 };
        names.Arguments.Add(path);
        names.Options.Add(threshold);
        names.Options.Add(errors);
        names.SetAction(parse => CommonOptions.Run(() =>
        {
            var t = parse.GetValue(threshold) ?? Screener.DefaultThreshold;
            if (t is < 0 or > 1)
            {
                throw new UsageException("--threshold must be between 0 and 1");
            }

            var report = NamePairEvaluation.Evaluate(NamePairs.Read(parse.GetValue(path)!), t);
            if (parse.GetValue(CommonOptions.Json))
            {
                JsonOutput.Write(w =>
                {
                    w.WriteStartObject();
                    w.WriteNumber("pairs", report.Pairs);
                    w.WriteNumber("precision", Math.Round(report.Precision, 4));
                    w.WriteNumber("recall", Math.Round(report.Recall, 4));
                    w.WriteNumber("f1", Math.Round(report.F1, 4));
                    w.WriteNumber("threshold", report.Threshold);
                    w.WriteNumber("best_f1", Math.Round(report.BestF1, 4));
                    w.WriteNumber("best_threshold", report.BestThreshold);
                    w.WriteNumber("true_positives", report.TruePositives);
                    w.WriteNumber("false_positives", report.FalsePositives);
                    w.WriteNumber("false_negatives", report.FalseNegatives);
                    w.WriteNumber("true_negatives", report.TrueNegatives);
                    w.WriteStartArray("errors_by_category");
                    foreach (var c in report.ByCategory)
                    {
                        w.WriteStartObject();
                        w.WriteString("category", c.Category);
                        w.WriteNumber("pairs", c.Pairs);
                        w.WriteNumber("false_positives", c.FalsePositives);
                        w.WriteNumber("false_negatives", c.FalseNegatives);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                });
                return ExitCodes.Ok;
            }

            string F(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                $"[bold]{report.Pairs}[/] pairs at threshold {F(report.Threshold)}: precision {F(report.Precision)}, recall {F(report.Recall)}, [bold]F1 {F(report.F1)}[/]");
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                $"TP {report.TruePositives}  FP {report.FalsePositives}  FN {report.FalseNegatives}  TN {report.TrueNegatives};  best F1 {F(report.BestF1)} at threshold {F(report.BestThreshold)}");
            var table = new Table().AddColumns("Category", "Pairs", "False positives", "False negatives");
            foreach (var c in report.ByCategory)
            {
                table.AddRow(Markup.Escape(c.Category), Num(c.Pairs), Num(c.FalsePositives), Num(c.FalseNegatives));
            }

            AnsiConsole.Write(table);
            var shown = parse.GetValue(errors);
            Errors("False positives", report.Scored.Where(s => !s.Pair.IsMatch && s.Score >= report.Threshold).OrderByDescending(s => s.Score), shown);
            Errors("False negatives", report.Scored.Where(s => s.Pair.IsMatch && s.Score < report.Threshold).OrderBy(s => s.Score), shown);
            return ExitCodes.Ok;
        }));
        return new Command("eval", "Measure matching quality on labelled data.") { names };
    }

    private static string Num(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static void Errors(string title, IEnumerable<ScoredPair> pairs, int count)
    {
        var list = pairs.Take(count).ToList();
        if (list.Count == 0)
        {
            return;
        }

        AnsiConsole.MarkupLine($"[bold]{title}[/]");
        foreach (var s in list)
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                $"  {s.Score.ToString("0.000", CultureInfo.InvariantCulture)}  {s.Pair.Schema}: {s.Pair.Name1}  |  {s.Pair.Name2}  (line {s.Pair.Line})");
        }
    }
}
