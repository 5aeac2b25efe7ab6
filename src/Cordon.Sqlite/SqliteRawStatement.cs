using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Cordon.Sqlite;

/// <summary>
/// A statement compiled once on an open connection and run many times through SQLite's own interface. Values are bound
/// in place, text as UTF-16 spans that SQLite converts itself, so a run allocates nothing; Microsoft.Data.Sqlite makes a
/// binder object and a UTF-8 copy for every parameter of every run, which the audit writer (thousands of rows a second)
/// paid for in collections. It runs inside whatever transaction the connection has open. Failures throw
/// <see cref="SqliteException"/> with SQLite's code and message, as the provider's commands do.
/// </summary>
internal sealed class SqliteRawStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;

    public SqliteRawStatement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("the connection is not open");
        Check(raw.sqlite3_prepare_v3(_db, sql, raw.SQLITE_PREPARE_PERSISTENT, out _statement));
        ParameterCount = raw.sqlite3_bind_parameter_count(_statement);
    }

    /// <summary>How many parameters the statement has (numbered from 1).</summary>
    public int ParameterCount { get; }

    /// <summary>Binds text, or NULL for null (an empty string stays an empty string).</summary>
    public void Bind(int index, string? value) => Check(value is null
        ? raw.sqlite3_bind_null(_statement, index)
        : raw.sqlite3_bind_text16(_statement, index, value.AsSpan()));

    public void Bind(int index, long value) => Check(raw.sqlite3_bind_int64(_statement, index, value));

    public void Bind(int index, double value) => Check(raw.sqlite3_bind_double(_statement, index, value));

    /// <summary>Runs a statement that returns no rows, then makes it ready for the next run.</summary>
    public void Execute()
    {
        try
        {
            var result = raw.sqlite3_step(_statement);
            if (result != raw.SQLITE_DONE)
            {
                Check(result == raw.SQLITE_ROW ? raw.SQLITE_MISUSE : result);
            }
        }
        finally
        {
            Reset();
        }
    }

    /// <summary>Runs a query and reads its first row with <paramref name="read"/> (default when it has none).</summary>
    public T? First<T>(Func<sqlite3_stmt, T> read)
    {
        try
        {
            var result = raw.sqlite3_step(_statement);
            if (result == raw.SQLITE_DONE)
            {
                return default;
            }

            if (result != raw.SQLITE_ROW)
            {
                Check(result);
            }

            return read(_statement);
        }
        finally
        {
            Reset();
        }
    }

    public void Dispose() => _statement.Dispose();

    private void Reset()
    {
        // Reset repeats the last step's error, which was already reported; the bindings are let go either way.
        _ = raw.sqlite3_reset(_statement);
        _ = raw.sqlite3_clear_bindings(_statement);
    }

    private void Check(int result)
    {
        if (result is not (raw.SQLITE_OK or raw.SQLITE_ROW or raw.SQLITE_DONE))
        {
            SqliteException.ThrowExceptionForRC(result, _db);
        }
    }
}
