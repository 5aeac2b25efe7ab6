using Cordon.Cli.Tests.Support;
using Cordon.Tests.Support;

namespace Cordon.Cli.Tests;

public sealed class DemoCommandTests
{
    [Fact]
    public void Demo_loads_the_bundled_lists_once_and_screens_the_examples()
    {
        // Given a fresh folder with no database
        var dir = TestData.TempDirectory();

        // When the demo runs twice there with the default database
        var first = CordonProcess.RunIn(dir, "demo", "--json");
        var second = CordonProcess.RunIn(dir, "demo", "--json");

        // Then it created ./cordon.db, loaded UN and OFAC once, and the first example hits QDi.325 (and OFAC's record
        // of the same man) at the top score
        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.Equal(0, second.ExitCode);
        Assert.True(File.Exists(Path.Combine(dir, "cordon.db")));
        var datasets = CordonProcess.RunIn(dir, "datasets", "--json").Json.GetProperty("datasets");
        Assert.Equal(2, datasets.GetArrayLength());
        Assert.All(datasets.EnumerateArray(), d => Assert.Equal(1, d.GetProperty("version").GetInt32()));
        var screening = first.Json.GetProperty("screenings")[0];
        var results = screening.GetProperty("results").EnumerateArray().ToList();
        var top = results[0].GetProperty("score").GetDouble();
        Assert.Contains(results, r => r.GetProperty("id").GetString() == "un-QDi.325" && r.GetProperty("score").GetDouble() == top);
    }
}
