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
    public async Task ListenAsync(Action<string> changed, Action connected, Action<Exception> lost, TimeSpan retry, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
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
                await using (var listen = new NpgsqlCommand($"LISTEN {ChangeChannel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                connected();
                while (true)
                {
                    await connection.WaitAsync(cancellationToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or IOException or TimeoutException or InvalidOperationException)
            {
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
}
