using System.CommandLine;
using Cordon.Lists;
using Cordon.Model;
using Cordon.Server;
using Cordon.Storage;

namespace Cordon.Cli;

/// <summary>Options every verb shares, and the one place errors become exit codes.</summary>
internal static class CommonOptions
{
    public const string DefaultDb = "cordon.db";

    public static readonly Option<string?> Db = new("--db")
    {
        Description = $"The database: a SQLite file, or a PostgreSQL database as postgres://user@host:port/db or Host=…;Database=… (default: $CORDON_DB, else ./{DefaultDb}).",
        Recursive = true,
    };

    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Write machine-readable JSON to stdout instead of tables.",
        Recursive = true,
    };

    public static string DbPath(ParseResult parse) =>
        parse.GetValue(Db) is { Length: > 0 } db ? db
        : Environment.GetEnvironmentVariable("CORDON_DB") is { Length: > 0 } env ? env
        : DefaultDb;

    public static IStore OpenStore(ParseResult parse) => Stores.Open(DbPath(parse));

    /// <summary>Runs a verb; refused input of every kind becomes a one-line message on stderr and exit code 2.</summary>
    public static int Run(Func<int> action)
    {
        try
        {
            return action();
        }
        catch (ImportException ex)
        {
            return Fail(ex.Message);
        }
        catch (ModelException ex)
        {
            return Fail($"{ex.Field}: {ex.Reason}");
        }
        catch (StoreException ex)
        {
            return Fail(ex.Message);
        }
        catch (UsageException ex)
        {
            return Fail(ex.Message);
        }
        catch (Microsoft.Data.Sqlite.SqliteException ex)
        {
            // Busy, locked, full or corrupt: the database's own words are the clearest reason.
            return Fail($"database: {ex.Message}");
        }
        catch (Npgsql.NpgsqlException ex)
        {
            // The server went away, or refused: its own words, without the password (Npgsql never shows it).
            return Fail($"database: {ex.Message}");
        }
        catch (IOException ex)
        {
            return Fail(ex.Message);
        }
        catch (UnauthorizedAccessException ex)
        {
            return Fail(ex.Message);
        }
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"cordon: error: {message}");
        return ExitCodes.BadInput;
    }
}

/// <summary>A command line that parses but asks for something impossible.</summary>
internal sealed class UsageException(string message) : Exception(message);
