using Cordon.Tests.Support;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Cordon.Sqlite.Tests;

public sealed class SqliteRawStatementTests
{
    private static SqliteConnection Open()
    {
        var connection = new SqliteConnection($"Data Source={Path.Combine(TestData.TempDirectory(), "raw.db")}");
        connection.Open();
        using var create = connection.CreateCommand();
        create.CommandText = "CREATE TABLE t (id INTEGER PRIMARY KEY, text TEXT, number REAL)";
        create.ExecuteNonQuery();
        return connection;
    }

    private static List<(long Id, object Text, object Number)> Rows(SqliteConnection connection)
    {
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT id, text, number FROM t ORDER BY id";
        using var reader = select.ExecuteReader();
        var rows = new List<(long, object, object)>();
        while (reader.Read())
        {
            rows.Add((reader.GetInt64(0), reader.GetValue(1), reader.GetValue(2)));
        }

        return rows;
    }

    [Fact]
    public void Text_integers_and_reals_are_stored_as_given_and_an_empty_string_is_not_null()
    {
        using var connection = Open();
        using var insert = new SqliteRawStatement(connection, "INSERT INTO t (id, text, number) VALUES (?1, ?2, ?3)");
        var values = new (long, string?, double)[] { (1, "Ахмед «al» 😀", 0.5), (2, "", 1), (3, null, -2.25), (4, new string('x', 100_000), 3) };
        foreach (var (id, text, number) in values)
        {
            insert.Bind(1, id);
            insert.Bind(2, text);
            insert.Bind(3, number);
            insert.Execute();
        }

        Assert.Equal(3, insert.ParameterCount);
        Assert.Equal(values.Select(v => (v.Item1, (object?)v.Item2 ?? DBNull.Value, (object)v.Item3)), Rows(connection));
    }

    [Fact]
    public void A_failed_run_throws_the_providers_exception_and_the_statement_runs_again_afterwards()
    {
        using var connection = Open();
        using var insert = new SqliteRawStatement(connection, "INSERT INTO t (id, text) VALUES (?1, ?2)");
        insert.Bind(1, 1);
        insert.Bind(2, "first");
        insert.Execute();

        insert.Bind(1, 1);
        insert.Bind(2, "same id");
        var error = Assert.Throws<SqliteException>(insert.Execute);
        Assert.Equal(raw.SQLITE_CONSTRAINT, error.SqliteErrorCode);
        Assert.Contains("UNIQUE", error.Message, StringComparison.OrdinalIgnoreCase);

        // The bindings were cleared with the failure: nothing of the failed run is carried into the next.
        insert.Bind(1, 2);
        insert.Execute();
        Assert.Equal([(1L, (object)"first", (object)DBNull.Value), (2L, DBNull.Value, DBNull.Value)], Rows(connection));
    }

    [Fact]
    public void A_query_reads_its_first_row_or_nothing_and_bad_sql_is_refused_at_once()
    {
        using var connection = Open();
        using var head = new SqliteRawStatement(connection, "SELECT id, text FROM t ORDER BY id DESC LIMIT 1");
        Assert.Equal(default, head.First(static row => (raw.sqlite3_column_int64(row, 0), raw.sqlite3_column_text(row, 1).utf8_to_string())));

        using var insert = new SqliteRawStatement(connection, "INSERT INTO t (id, text) VALUES (?1, ?2)");
        for (var id = 1; id <= 3; id++)
        {
            insert.Bind(1, id);
            insert.Bind(2, $"row {id}");
            insert.Execute();
        }

        Assert.Equal((3L, "row 3"), head.First(static row => (raw.sqlite3_column_int64(row, 0), raw.sqlite3_column_text(row, 1).utf8_to_string())));
        var error = Assert.Throws<SqliteException>(() => new SqliteRawStatement(connection, "INSERT INTO missing VALUES (1)"));
        Assert.Contains("no such table", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_statement_on_a_closed_connection_is_refused()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");

        Assert.Throws<InvalidOperationException>(() => new SqliteRawStatement(connection, "SELECT 1"));
    }
}
