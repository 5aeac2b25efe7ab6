using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Cordon.Benchmarks;

/// <summary>
/// <c>propagation --a URL --b URL --key KEY --dataset AGENCY_NAME [--samples N]</c>: how long a record created through one
/// node takes to be screenable on another node of the same database. Each sample creates a record with a name of its
/// own through node A (<c>POST /v1/entities</c>), then screens that name on node B every 2 ms until B finds it. The
/// time is counted from A's answer (the change is committed by then) and, separately, from the request to A. A sample
/// B has not found after 10 s is counted lost. The key must be an admin or contributor key of the dataset's agency.
/// </summary>
internal static class PropagationCommand
{
    public static int Run(BenchArgs args)
    {
        var key = args.RequireString("key");
        var samples = args.Int("samples", 50);
        var dataset = args.String("dataset") ?? throw new ArgumentException("--dataset is required: one of the key's agency (agency_name, e.g. bka_propagation)");
        using var a = Client(args.RequireString("a"), key);
        using var b = Client(args.RequireString("b"), key);
        return RunAsync(a, b, samples, dataset).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(HttpClient a, HttpClient b, int samples, string dataset)
    {
        var created = await a.PostAsJsonAsync("/v1/datasets", new { name = dataset });
        if (created.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.Conflict))
        {
            await Console.Error.WriteLineAsync($"could not create dataset {dataset}: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");
            return 1;
        }

        var random = new Random(42);
        var fromAnswer = new List<double>();
        var fromRequest = new List<double>();
        var lost = 0;
        for (var i = 0; i < samples; i++)
        {
            var name = $"{Word(random)} {Word(random)} {Word(random)}";
            var sent = Stopwatch.GetTimestamp();
            var response = await a.PostAsJsonAsync("/v1/entities", new { dataset, schema = "Person", properties = new { name } });
            var answered = Stopwatch.GetTimestamp();
            if (response.StatusCode != HttpStatusCode.Created)
            {
                await Console.Error.WriteLineAsync($"node A refused the record: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                return 1;
            }

            while (!await FoundAsync(b, name))
            {
                if (Stopwatch.GetElapsedTime(answered) > TimeSpan.FromSeconds(10))
                {
                    lost++;
                    break;
                }

                await Task.Delay(2);
            }

            var seen = Stopwatch.GetTimestamp();
            fromAnswer.Add(Stopwatch.GetElapsedTime(answered, seen).TotalMilliseconds);
            fromRequest.Add(Stopwatch.GetElapsedTime(sent, seen).TotalMilliseconds);
            // Spread the samples out, as independent changes.
            await Task.Delay(100);
        }

        await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"samples {samples}, lost {lost}"));
        await Console.Out.WriteLineAsync(Summary("from A's answer", fromAnswer));
        await Console.Out.WriteLineAsync(Summary("from the request to A", fromRequest));
        return lost == 0 ? 0 : 1;
    }

    private static async Task<bool> FoundAsync(HttpClient b, string name)
    {
        var response = await b.PostAsJsonAsync("/v1/screen", new { name, purpose = "propagation benchmark", limit = 1, threshold = 0.99 });
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("results").GetArrayLength() > 0;
    }

    private static string Summary(string label, List<double> values)
    {
        var sorted = values.Order().ToArray();
        double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        return string.Create(CultureInfo.InvariantCulture,
            $"{label}: median {At(0.5):0.0} ms, p90 {At(0.9):0.0} ms, p99 {At(0.99):0.0} ms, max {sorted[^1]:0.0} ms");
    }

    /// <summary>A made-up word, so that each record's name is found only as itself.</summary>
    private static string Word(Random random)
    {
        const string consonants = "bcdfghjklmnprstvz";
        const string vowels = "aeiou";
        var letters = new char[6];
        for (var i = 0; i < letters.Length; i++)
        {
            letters[i] = i % 2 == 0 ? consonants[random.Next(consonants.Length)] : vowels[random.Next(vowels.Length)];
        }

        letters[0] = char.ToUpperInvariant(letters[0]);
        return new string(letters);
    }

    private static HttpClient Client(string url, string key)
    {
        var client = new HttpClient { BaseAddress = new Uri(url) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }
}
