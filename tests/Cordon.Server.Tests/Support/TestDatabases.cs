using Npgsql;

namespace Cordon.Server.Tests.Support;

/// <summary>New PostgreSQL databases on the server <c>./test.sh</c> started (<c>CORDON_TEST_POSTGRES</c>), one per test.</summary>
public static class TestDatabases
{
    public static string NewPostgres()
    {
        var server = Environment.GetEnvironmentVariable("CORDON_TEST_POSTGRES") ?? throw new InvalidOperationException(
            "CORDON_TEST_SERVER_STORE=postgres needs CORDON_TEST_POSTGRES: run the tests with ./test.sh, which starts a PostgreSQL server");
        var name = "cordon_server_" + Guid.NewGuid().ToString("N")[..12];
        using (var connection = new NpgsqlConnection(server))
        {
            connection.Open();
#pragma warning disable CA2100 // The name is made here of a fixed prefix and hex digits.
            using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
#pragma warning restore CA2100
            create.ExecuteNonQuery();
        }

        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }
}
