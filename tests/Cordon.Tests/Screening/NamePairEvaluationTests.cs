using Cordon.Lists;
using Cordon.Screening;
using Cordon.Screening.Evaluation;
using Cordon.Tests.Support;

namespace Cordon.Tests.Screening;

public sealed class NamePairEvaluationTests
{
    [Fact]
    public void The_default_threshold_is_the_best_f1_threshold_on_the_labelled_pairs()
    {
        // Given the 826 labelled pairs that the README and docs/benchmarks.md quote
        var pairs = NamePairs.Read(TestData.Path("names/eval/name_pairs.csv"));

        // When they are evaluated at the default threshold
        var report = NamePairEvaluation.Evaluate(pairs, Screener.DefaultThreshold);

        // Then the documented figures hold (F1 0.895, precision 0.938, recall 0.856) and F1 meets the 0.88
        Assert.Equal(826, report.Pairs);
        Assert.Equal(Screener.DefaultThreshold, report.BestThreshold, 1e-9);
        Assert.True(report.F1 >= 0.88, $"F1 {report.F1}");
        Assert.True(report.Precision >= 0.92, $"precision {report.Precision}");
        Assert.True(report.Recall >= 0.84, $"recall {report.Recall}");
    }

    [Fact]
    public void A_pairs_file_without_a_name2_column_is_refused_with_the_header()
    {
        var path = Path.Combine(TestData.TempDirectory(), "pairs.csv");
        File.WriteAllText(path, "name1,is_match\nA,true\n");

        var error = Assert.Throws<ImportException>(() => NamePairs.Read(path));

        Assert.Equal("name2", error.Field);
        Assert.Contains("missing column", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_label_that_is_not_true_or_false_names_its_line()
    {
        var path = Path.Combine(TestData.TempDirectory(), "pairs.csv");
        File.WriteAllText(path, "name1,name2,is_match\nA,B,true\nC,D,maybe\n");

        var error = Assert.Throws<ImportException>(() => NamePairs.Read(path));

        Assert.Equal((3L, "is_match"), (error.Line!.Value, error.Field));
    }
}
