using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Cordon.Text;

namespace Cordon.Benchmarks;

/// <summary>
/// <c>load --url U --key K --input CSV [--rate R] [--seconds S] [--warmup W] [--connections C]</c>: an open-loop
/// (constant-rate) load generator for <c>POST /v1/screen</c>. Requests are started on a fixed schedule, R a second,
/// whether or not earlier ones have been answered, and each latency is measured from the moment its request was due,
/// not from when it was sent: a server that stalls is charged for every request that waited behind the stall (a
/// closed-loop tool such as wrk sends less while the server is slow, and so hides it). The queries are the rows of a
/// <c>screen-input</c> CSV, in order, each with its row id as the subject and a purpose.
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
        var connections = args.Int("connections", 64);
        var bodies = Bodies(input);
        if (bodies.Count == 0)
        {
            Console.Error.WriteLine($"no rows in {input}");
            return 1;
        }

        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
        };
        using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);

        var total = rate * (warmup + seconds);
        var results = new Result[total];
        var tasks = new List<Task>(total);
        var interval = (double)Stopwatch.Frequency / rate;
        var start = Stopwatch.GetTimestamp() + Stopwatch.Frequency / 10;
        var next = 0;
        while (next < total)
        {
            var now = Stopwatch.GetTimestamp();
            // Start every request that is due; between batches, sleep about a millisecond (the schedule is kept by the
            // due times, so a late wake-up sends the overdue requests at once and charges them their wait).
            while (next < total && start + (long)(next * interval) <= now)
            {
                var i = next++;
                var due = start + (long)(i * interval);
                tasks.Add(Send(client, url, bodies[i % bodies.Count], due, results, i));
            }

            if (next < total)
            {
                Thread.Sleep(1);
            }
        }

        Task.WaitAll(tasks);
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

    private static async Task Send(HttpClient client, Uri url, byte[] body, long due, Result[] results, int i)
    {
        var status = 0;
        try
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await client.PostAsync(url, content).ConfigureAwait(false);
            await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            status = (int)response.StatusCode;
        }
        catch (HttpRequestException)
        {
            status = -1;
        }
        catch (TaskCanceledException)
        {
            status = -2;
        }

        var done = Stopwatch.GetTimestamp();
        results[i] = new Result(status, Stopwatch.GetElapsedTime(due, done).TotalMilliseconds, done);
    }

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
