using Cordon.Cli.Tests.Support;

namespace Cordon.Cli.Tests;

/// <summary>A PostgreSQL database that cannot be used is refused at once, with where and why, and a non-zero exit.</summary>
public sealed class PostgresAddressCommandTests
{
    [Theory]
    [InlineData(new[] { "serve", "--urls", "http://127.0.0.1:0" }, "postgres://cordon@127.0.0.1:1/cordon: cannot open the database")]
    [InlineData(new[] { "datasets" }, "postgres://cordon@127.0.0.1:1/cordon: cannot open the database")]
    public void A_database_server_that_cannot_be_reached_fails_the_command_with_exit_2(string[] args, string expected)
    {
        var result = CordonProcess.Run([.. args, "--db", "postgres://cordon:s3cret@127.0.0.1:1/cordon?connect_timeout=2"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_postgres_address_is_refused_naming_the_part_at_fault()
    {
        var result = CordonProcess.Run("datasets", "--db", "postgres://cordon@127.0.0.1:notaport/cordon");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("port", result.Stderr, StringComparison.OrdinalIgnoreCase);
    }
}
