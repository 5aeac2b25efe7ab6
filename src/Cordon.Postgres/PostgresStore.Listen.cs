using Npgsql;

namespace Cordon.Postgres;

/// <summary>Following the changes other nodes make: LISTEN on one connection of its own, and catching up after a reconnect.</summary>
public sealed partial class PostgresStore
{
    /// <summary>
    /// Listens on <see cref="ChangeChannel"/> until <paramref name="cancellationToken"/> ends, handing each kind other
    /// store instances announce to <paramref name="changed"/> (this one's own are left out). Every time it (re)connects it first calls <paramref name="connected"/>: what was
    /// announced while it was away is lost, so the caller reads the state itself then. A lost connection is reported to
    /// <paramref name="lost"/> and tried again after <paramref name="retry"/>; this never throws but to cancel.
    /// </summary>
    /// <remarks>
    /// With <paramref name="leads"/>, the listening connection also takes part in choosing the one node that runs
    /// continuous screening: whichever holds the monitor lock (<see cref="MonitorKey"/>), a session lock that ends with
    /// its connection. <paramref name="leads"/> is told true or false after each connect, true when a node that did
    /// not hold it takes it over (it tries every <paramref name="retry"/>), and false when the connection is lost.
    /// </remarks>
    public async Task ListenAsync(Action<string> changed, Action connected, Action<Exception> lost, Action<bool>? leads, TimeSpan retry,
        CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var leading = false;
            try
            {
                await using var connection = _listener.CreateConnection();
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                connection.Notification += (_, e) =>
                {
                    // "kind node": this store's own announcements are not news to it.
                    var space = e.Payload.IndexOf(' ', StringComparison.Ordinal);
                    if (space < 0 || !e.Payload.AsSpan(space + 1).SequenceEqual(Node))
                    {
                        changed(space < 0 ? e.Payload : e.Payload[..space]);
                    }
                };
                // The server probes this session too, so that a node cut off by the network stops holding the monitor lock
                // within about 25 s rather than the operating system's default of two hours.
                await using (var listen = new NpgsqlCommand(
                    $"SET tcp_keepalives_idle = 10; SET tcp_keepalives_interval = 5; SET tcp_keepalives_count = 3; LISTEN {ChangeChannel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                connected();
                if (leads is null)
                {
                    while (true)
                    {
                        await connection.WaitAsync(cancellationToken).ConfigureAwait(false);
                    }
                }

                leading = await TryLeadAsync(connection, cancellationToken).ConfigureAwait(false);
                leads(leading);
                var tried = System.Diagnostics.Stopwatch.GetTimestamp();
                while (true)
                {
                    if (leading)
                    {
                        await connection.WaitAsync(cancellationToken).ConfigureAwait(false);
                        continue;
                    }

                    await connection.WaitAsync(retry, cancellationToken).ConfigureAwait(false);
                    if (System.Diagnostics.Stopwatch.GetElapsedTime(tried) >= retry)
                    {
                        // The node that held it may be gone (its connection, and with it the lock).
                        tried = System.Diagnostics.Stopwatch.GetTimestamp();
                        leading = await TryLeadAsync(connection, cancellationToken).ConfigureAwait(false);
                        if (leading)
                        {
                            leads(true);
                        }
                    }
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or IOException or TimeoutException or InvalidOperationException)
            {
                if (leading)
                {
                    // The lock went with the connection: another node may take it before this one is back.
                    leads!(false);
                }

                lost(ex);
            }

            try
            {
                await Task.Delay(retry, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Whether an error means the database cannot be reached just now (the server is down, restarting or full), not that the request was wrong.</summary>
    public static bool IsUnavailable(Exception exception) => exception switch
    {
        PostgresException pg => pg.SqlState.StartsWith("08", StringComparison.Ordinal) || pg.SqlState.StartsWith("57P", StringComparison.Ordinal)
            || pg.SqlState == PostgresErrorCodes.TooManyConnections,
        NpgsqlException npgsql => npgsql.IsTransient || npgsql.InnerException is IOException or System.Net.Sockets.SocketException or TimeoutException,
        _ => false,
    };

    /// <summary>The session lock held by the node that runs continuous screening ("cordonmo" as eight ASCII bytes).</summary>
    public const long MonitorKey = 0x636F72646F6E6D6F;

    private static async Task<bool> TryLeadAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var take = new NpgsqlCommand("SELECT pg_try_advisory_lock($1)", connection) { Parameters = { new() { Value = MonitorKey } } };
        return (bool)(await take.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }
}
