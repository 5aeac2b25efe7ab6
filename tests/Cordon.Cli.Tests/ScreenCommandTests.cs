using Cordon.Cli.Tests.Support;
using Cordon.Tests.Support;

namespace Cordon.Cli.Tests;

public sealed class ScreenCommandTests
{
    private static readonly Lazy<string> UnDb = new(() =>
    {
        var db = Path.Combine(TestData.TempDirectory(), "un.db");
        Assert.Equal(0, CordonProcess.Run("import", "un", TestData.Path("lists/un/UN_consolidated.xml"), "--db", db).ExitCode);
        return db;
    });

    [Fact]
    public void Screening_the_alias_returns_QDi_325_first_and_exits_1()
    {
        var result = CordonProcess.Run("screen", "Abu Mohammed al-Adnani", "--json", "--db", UnDb.Value);

        Assert.Equal(1, result.ExitCode);
        var first = result.Json.GetProperty("results")[0];
        Assert.Equal("un-QDi.325", first.GetProperty("id").GetString());
        Assert.Equal("un", first.GetProperty("dataset").GetString());
        Assert.InRange(first.GetProperty("score").GetDouble(), 0.95, 1.0);
        Assert.Equal("Abu Mohammed al-Adnani", first.GetProperty("matched_name").GetString());
        Assert.NotEmpty(first.GetProperty("explanation").EnumerateArray());
    }

    [Fact]
    public void Screening_reordered_and_respelled_parts_still_finds_QDi_325()
    {
        var result = CordonProcess.Run("screen", "ADNANI, Abou Mohamed", "--json", "--db", UnDb.Value);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("un-QDi.325", result.Json.GetProperty("results")[0].GetProperty("id").GetString());
    }

    [Fact]
    public void An_unlisted_name_exits_0_with_no_results()
    {
        var result = CordonProcess.Run("screen", "Wilhelmina Zzyzx", "--json", "--db", UnDb.Value);

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Json.GetProperty("results").EnumerateArray());
    }

    [Fact]
    public void Entity_shows_the_record_with_its_provenance()
    {
        var result = CordonProcess.Run("entity", "un-QDi.325", "--json", "--db", UnDb.Value);

        Assert.Equal(0, result.ExitCode);
        var provenance = result.Json.GetProperty("provenance");
        Assert.Equal("un", provenance.GetProperty("dataset").GetString());
        Assert.Equal("QDi.325", provenance.GetProperty("source_ref").GetString());
        Assert.Equal("UNSC", provenance.GetProperty("owner").GetString());
    }
}
