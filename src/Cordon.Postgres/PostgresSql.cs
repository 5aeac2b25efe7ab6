using Npgsql;

namespace Cordon.Postgres;

/// <summary>Constant SQL with positional values (<c>$1</c>, <c>$2</c>…), run on a connection in a transaction.</summary>
internal static class PostgresSql
{
    /// <summary>A command for <paramref name="sql"/> with <paramref name="values"/> as its <c>$1…$n</c>.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA2100", Justification = "Only constant SQL reaches here; values are parameters.")]
    public static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, params object[] values)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return command;
    }

    public static void Execute(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, params object[] values)
    {
        using var command = Command(connection, transaction, sql, values);
        command.ExecuteNonQuery();
    }

    /// <summary>The first column of the first row, or default when there is none (or it is null).</summary>
    public static T? Scalar<T>(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, params object[] values)
    {
        using var command = Command(connection, transaction, sql, values);
        return command.ExecuteScalar() is T result ? result : default;
    }
}
