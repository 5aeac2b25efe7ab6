using Cordon.Storage;
using Npgsql;

namespace Cordon.Postgres;

/// <summary>
/// Reads where a PostgreSQL database is: a URL (<c>postgres://user:password@host:5432/database?sslmode=require</c>, as
/// libpq and most hosting services write it) or an Npgsql connection string (<c>Host=…;Database=…</c>).
/// </summary>
public static class PostgresAddress
{
    /// <summary>The URL query parameters understood, and the connection-string keyword each sets.</summary>
    private static readonly Dictionary<string, string> Parameters = new(StringComparer.OrdinalIgnoreCase)
    {
        ["sslmode"] = "SSL Mode",
        ["application_name"] = "Application Name",
        ["connect_timeout"] = "Timeout",
        ["target_session_attrs"] = "Target Session Attributes",
    };

    /// <exception cref="StoreException">The address is malformed; the message names the part at fault (never the password).</exception>
    public static NpgsqlConnectionStringBuilder Parse(string db)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!db.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) && !db.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var given = new NpgsqlConnectionStringBuilder(db);
                if (string.IsNullOrEmpty(given.Host))
                {
                    throw new StoreException("the connection string has no Host");
                }

                return given;
            }
            catch (ArgumentException ex)
            {
                throw new StoreException($"not a valid connection string: {ex.Message}");
            }
        }

        if (!Uri.TryCreate(db, UriKind.Absolute, out var url) || string.IsNullOrEmpty(url.Host))
        {
            throw new StoreException("not a valid postgres:// URL: expected postgres://user:password@host:port/database");
        }

        var database = Uri.UnescapeDataString(url.AbsolutePath.Trim('/'));
        if (database.Length == 0 || database.Contains('/', StringComparison.Ordinal))
        {
            throw new StoreException($"the URL for {url.Host} names no database: expected postgres://user:password@{url.Host}/database");
        }

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = url.Host,
            Port = url.IsDefaultPort || url.Port < 0 ? 5432 : url.Port,
            Database = database,
        };
        if (url.UserInfo.Length > 0)
        {
            var parts = url.UserInfo.Split(':', 2);
            builder.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2)
            {
                builder.Password = Uri.UnescapeDataString(parts[1]);
            }
        }

        foreach (var pair in url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var (name, value) = pair.Split('=', 2) is [var n, var v] ? (Uri.UnescapeDataString(n), Uri.UnescapeDataString(v)) : (pair, "");
            if (!Parameters.TryGetValue(name, out var keyword))
            {
                throw new StoreException($"the URL parameter '{name}' is not understood (known: {string.Join(", ", Parameters.Keys)})");
            }

            try
            {
                builder[keyword] = value;
            }
            catch (ArgumentException)
            {
                throw new StoreException($"the URL parameter '{name}' has a value PostgreSQL does not take: '{value}'");
            }
        }

        return builder;
    }

    /// <summary>user@host:port/database, for messages and logs.</summary>
    public static string Display(NpgsqlConnectionStringBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var user = string.IsNullOrEmpty(builder.Username) ? "" : builder.Username + "@";
        return $"postgres://{user}{builder.Host}:{builder.Port}/{builder.Database}";
    }
}
