using Npgsql;

namespace Cordon.Postgres.Tests;

/// <summary>
/// The PostgreSQL server the tests use (this file is shared by every test project that needs one): <c>CORDON_TEST_POSTGRES</c>, which <c>./test.sh</c> sets after starting a
/// throwaway cluster on loopback. Each test gets a database of its own.
/// </summary>
internal static class TestPostgres
{
    public static string? Server => Environment.GetEnvironmentVariable("CORDON_TEST_POSTGRES");

    /// <summary>Creates an empty database and returns its connection string (without pooling unless asked: a test's database is short-lived).</summary>
    public static string NewDatabase(bool pooling = false)
    {
        var server = Server ?? throw new InvalidOperationException(
            "CORDON_TEST_POSTGRES is not set: run the tests with ./test.sh, which starts a PostgreSQL server for them");
        var name = "cordon_test_" + Guid.NewGuid().ToString("N")[..12];
        using (var connection = new NpgsqlConnection(server))
        {
            connection.Open();
#pragma warning disable CA2100 // The name is made here of a fixed prefix and hex digits.
            using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
#pragma warning restore CA2100
            create.ExecuteNonQuery();
        }

        return new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = pooling }.ConnectionString;
    }

    /// <summary>Runs a query on a database and returns the first column of each row.</summary>
    public static List<object> Column(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
#pragma warning disable CA2100 // The tests' own constant SQL.
        using var command = new NpgsqlCommand(sql, connection);
#pragma warning restore CA2100
        using var reader = command.ExecuteReader();
        var values = new List<object>();
        while (reader.Read())
        {
            values.Add(reader.GetValue(0));
        }

        return values;
    }
}

/// <summary>
/// A test that needs the PostgreSQL server. Without one it is skipped, saying why, except under CI (<c>CI</c> set),
/// where it runs and fails: there, PostgreSQL tests never skip.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (TestPostgres.Server is null && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            Skip = "no PostgreSQL server: CORDON_TEST_POSTGRES is not set (./test.sh starts one)";
        }
    }
}
