using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;
using Cordon.Text;

namespace Cordon.Benchmarks;

/// <summary>
/// <c>load --url U --key K --input CSV [--rate R] [--seconds S] [--warmup W] [--connections C]</c> (plain HTTP): an open-loop
/// (constant-rate) load generator for <c>POST /v1/screen</c>. Requests are started on a fixed schedule, R a second,
/// whether or not earlier ones have been answered, and each latency is measured from the moment its request was due,
/// not from when it was sent: a server that stalls is charged for every request that waited behind the stall (a
/// closed-loop tool such as wrk sends less while the server is slow, and so hides it). The queries are the rows of a
/// <c>screen-input</c> CSV, in order, each with its row id as the subject and a purpose. A request waits for a free
/// connection (of C keep-alive ones) when all are busy, and that wait counts too.
/// </summary>
internal static class LoadCommand
{
    public static int Run(BenchArgs args)
    {
        var url = new Uri(args.RequireString("url").TrimEnd('/') + "/v1/screen");
        var key = args.RequireString("key");
        var input = args.RequireString("input");
        var rate = args.Int("rate", 3000);
        var seconds = args.Int("seconds", 30);
        var warmup = args.Int("warmup", 5, min: 0);
        var connections = args.Int("connections", 32);
        var bodies = Bodies(input);
        if (bodies.Count == 0)
        {
            Console.Error.WriteLine($"no rows in {input}");
            return 1;
        }

        var requests = bodies.Select(b => Request(url, key, b)).ToArray();
        var total = rate * (warmup + seconds);
        var results = new Result[total];
        var due = Channel.CreateUnbounded<(int Index, long Due)>(new UnboundedChannelOptions { SingleWriter = true });
        var workers = Enumerable.Range(0, connections).Select(_ => Task.Run(() => Connection(url, requests, due.Reader, results))).ToArray();
        var interval = (double)Stopwatch.Frequency / rate;
        var start = Stopwatch.GetTimestamp() + Stopwatch.Frequency / 10;
        var next = 0;
        while (next < total)
        {
            var now = Stopwatch.GetTimestamp();
            // Queue every request that is due; between batches, sleep about a millisecond (the schedule is kept by the
            // due times, so a late wake-up queues the overdue requests at once and charges them their wait).
            while (next < total && start + (long)(next * interval) <= now)
            {
                due.Writer.TryWrite((next, start + (long)(next * interval)));
                next++;
            }

            if (next < total)
            {
                Thread.Sleep(1);
            }
        }

        due.Writer.Complete();
        Task.WaitAll(workers);
        // Each second's worst latency, by due time, on stderr: where a stall happened, and whether the warm-up covered it.
        for (var second = 0; second < warmup + seconds; second++)
        {
            var slice = results.AsSpan(second * rate, rate);
            var worst = 0.0;
            foreach (var r in slice)
            {
                worst = Math.Max(worst, r.Latency);
            }

            Console.Error.Write(string.Create(CultureInfo.InvariantCulture, $"{second}s:{worst:F0}ms "));
        }

        Console.Error.WriteLine();
        var measured = results.Skip(rate * warmup).ToList();
        var ok = measured.Where(r => r.Status == 200).Select(r => r.Latency).Order().ToArray();
        var errors = measured.Count(r => r.Status != 200);
        var statuses = measured.Where(r => r.Status != 200).GroupBy(r => r.Status).ToDictionary(g => g.Key, g => g.Count());
        var span = Stopwatch.GetElapsedTime(start + (long)(rate * warmup * interval), measured.Max(r => r.Done)).TotalSeconds;
        Console.WriteLine(BenchJson.Line(w =>
        {
            w.WriteString("target", url.ToString());
            w.WriteNumber("rate", rate);
            w.WriteNumber("seconds", seconds);
            w.WriteNumber("warmup_seconds", warmup);
            w.WriteNumber("connections", connections);
            w.WriteNumber("requests", measured.Count);
            w.WriteNumber("answered_per_second", Math.Round(ok.Length / span, 1));
            w.WriteNumber("errors", errors);
            w.WriteStartObject("error_statuses");
            foreach (var (status, count) in statuses)
            {
                w.WriteNumber(status.ToString(CultureInfo.InvariantCulture), count);
            }

            w.WriteEndObject();
            w.WriteNumber("p50_ms", Percentile(ok, 0.50));
            w.WriteNumber("p90_ms", Percentile(ok, 0.90));
            w.WriteNumber("p99_ms", Percentile(ok, 0.99));
            w.WriteNumber("p999_ms", Percentile(ok, 0.999));
            w.WriteNumber("max_ms", ok.Length > 0 ? Math.Round(ok[^1], 2) : 0);
        }));
        return errors == 0 ? 0 : 1;
    }

    /// <summary>
    /// One keep-alive HTTP/1.1 connection: takes the next due request, sends it, reads the whole answer (by
    /// Content-Length or chunks) and records it. A plain socket costs the tool a fraction of what HttpClient does, so
    /// the two cores the server shares with it go to the server, as with wrk.
    /// </summary>
    private static async Task Connection(Uri url, byte[][] requests, ChannelReader<(int Index, long Due)> due, Result[] results)
    {
        Socket? socket = null;
        var buffer = new byte[1 << 20];
        while (true)
        {
            // ReadAsync hands each request to one waiting connection (waiting to read would wake them all).
            (int Index, long Due) item;
            try
            {
                item = await due.ReadAsync().ConfigureAwait(false);
            }
            catch (ChannelClosedException)
            {
                break;
            }

            var status = -1;
            try
            {
                if (socket is null)
                {
                    socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                    await socket.ConnectAsync(url.Host, url.Port).ConfigureAwait(false);
                }

                await socket.SendAsync(requests[item.Index % requests.Length], SocketFlags.None).ConfigureAwait(false);
                status = await ReadResponse(socket, buffer).ConfigureAwait(false);
            }
            catch (SocketException)
            {
                socket?.Dispose();
                socket = null;
            }

            var done = Stopwatch.GetTimestamp();
            results[item.Index] = new Result(status, Stopwatch.GetElapsedTime(item.Due, done).TotalMilliseconds, done);
        }

        socket?.Dispose();
    }

    /// <summary>Reads one response and returns its status; the body is read to its end (Content-Length or chunked) and dropped.</summary>
    private static async Task<int> ReadResponse(Socket socket, byte[] buffer)
    {
        var length = 0;
        int headerEnd;
        while ((headerEnd = buffer.AsSpan(0, length).IndexOf("\r\n\r\n"u8)) < 0)
        {
            length += await Receive(socket, buffer, length).ConfigureAwait(false);
        }

        var head = Encoding.ASCII.GetString(buffer, 0, headerEnd);
        var status = int.Parse(head.AsSpan(9, 3), CultureInfo.InvariantCulture);
        var bodyStart = headerEnd + 4;
        var lines = head.Split("\r\n");
        var contentLength = lines.FirstOrDefault(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)) is { } cl
            ? int.Parse(cl.AsSpan(15).Trim(), CultureInfo.InvariantCulture)
            : -1;
        if (contentLength >= 0)
        {
            while (length - bodyStart < contentLength)
            {
                length += await Receive(socket, buffer, length).ConfigureAwait(false);
            }

            return status;
        }

        // Chunked: size line, data, CRLF, until the zero-size chunk and the final CRLF.
        var at = bodyStart;
        while (true)
        {
            int lineEnd;
            while ((lineEnd = buffer.AsSpan(at, length - at).IndexOf("\r\n"u8)) < 0)
            {
                length += await Receive(socket, buffer, length).ConfigureAwait(false);
            }

            var size = int.Parse(Encoding.ASCII.GetString(buffer, at, lineEnd).Split(';')[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            at += lineEnd + 2;
            while (length - at < size + 2)
            {
                length += await Receive(socket, buffer, length).ConfigureAwait(false);
            }

            at += size + 2;
            if (size == 0)
            {
                return status;
            }
        }
    }

    private static async Task<int> Receive(Socket socket, byte[] buffer, int offset)
    {
        var read = await socket.ReceiveAsync(buffer.AsMemory(offset), SocketFlags.None).ConfigureAwait(false);
        return read > 0 ? read : throw new SocketException((int)SocketError.ConnectionReset);
    }

    private static byte[] Request(Uri url, string key, byte[] body) =>
        [.. Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $"POST {url.AbsolutePath} HTTP/1.1\r\nHost: {url.Authority}\r\nAuthorization: Bearer {key}\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n")), .. body];

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : Math.Round(sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)], 2);

    /// <summary>The request bodies, one per row of a <c>screen-input</c> CSV (<c>id,name,dob,country</c>).</summary>
    private static List<byte[]> Bodies(string path)
    {
        var bodies = new List<byte[]>();
        using var csv = new CsvReader(new StreamReader(path, Encoding.UTF8), path);
        var fields = new List<string>();
        csv.TryReadRecord(fields);
        while (csv.TryReadRecord(fields))
        {
            var (id, name, dob, country) = (fields[0], fields[1], fields[2], fields[3]);
            bodies.Add(Encoding.UTF8.GetBytes(BenchJson.Line(w =>
            {
                w.WriteString("name", name);
                if (dob.Length > 0)
                {
                    w.WriteString("birthDate", dob);
                }

                if (country.Length > 0)
                {
                    w.WriteString("country", country);
                }

                w.WriteString("subject", id);
                w.WriteString("purpose", "load benchmark");
            })));
        }

        return bodies;
    }

    private readonly record struct Result(int Status, double Latency, long Done);
}
