using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Cordon.Cli.Tests.Support;
using Cordon.Postgres.Tests;
using Cordon.Tests.Support;
using Npgsql;

namespace Cordon.Cli.Tests;

/// <summary>
/// Two real <c>cordon serve</c> processes on one PostgreSQL database, as two nodes behind a load balancer: what one
/// node is told, the other screens against; and a node killed midway through an import leaves the store as it was.
/// </summary>
public sealed class TwoNodeTests
{
    [PostgresFact]
    public async Task An_entity_created_through_one_node_is_screened_on_the_other_within_2_s_and_killing_a_node_mid_import_changes_nothing()
    {
        // Given one database, an agency with a key, and two nodes serving it
        var db = TestPostgres.NewDatabase(pooling: true);
        Assert.Equal(0, CordonProcess.Run("agency", "add", "BKA", "--name", "Bundeskriminalamt", "--country", "de", "--db", db).ExitCode);
        var secret = CordonProcess.Run("key", "create", "--agency", "BKA", "--role", "admin", "--db", db, "--json").Json.GetProperty("key").GetString()!;
        using var nodeA = await Node.StartAsync(db, secret);
        using var nodeB = await Node.StartAsync(db, secret);

        // (once warm: a first record goes the whole way, so that the timed one below does not wait for either process to
        // compile the code it runs, on a machine busy with the other test assemblies)
        Assert.Equal(HttpStatusCode.Created, (await nodeA.Client.PostAsJsonAsync("/v1/datasets", new { name = "bka_cases" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await nodeA.Client.PostAsJsonAsync("/v1/entities",
            new { dataset = "bka_cases", schema = "Person", properties = new { name = "Wilhelmina Oakhurst Pemberton" } })).StatusCode);
        var warming = Stopwatch.StartNew();
        while (await nodeB.HitsAsync("Wilhelmina Oakhurst Pemberton") == 0)
        {
            Assert.True(warming.Elapsed < TimeSpan.FromSeconds(30), "node B did not find the first record within 30 s");
            await Task.Delay(10);
        }

        // When a record is created through node A
        var created = Stopwatch.StartNew();
        Assert.Equal(HttpStatusCode.Created, (await nodeA.Client.PostAsJsonAsync("/v1/entities",
            new { dataset = "bka_cases", schema = "Person", properties = new { name = "Murtaza Velikhanov Tarquin" } })).StatusCode);

        // Then node B finds it within 2 seconds
        while (await nodeB.HitsAsync("Murtaza Velikhanov Tarquin") == 0)
        {
            Assert.True(created.Elapsed < TimeSpan.FromSeconds(2), "node B did not find the record within 2 s");
            await Task.Delay(10);
        }

        var before = CordonProcess.Snapshot(db);

        // When node A is killed while it imports a big new version of that dataset
        var file = Path.Combine(TestData.TempDirectory(), "big.ftm.json");
        WriteEntities(file, 200_000);
        using var body = new StreamContent(File.OpenRead(file));
        var import = nodeA.Client.PostAsync(new Uri("/v1/datasets/bka_cases/import?format=ftm", UriKind.Relative), body);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!Importing(db))
        {
            Assert.True(DateTime.UtcNow < deadline && !import.IsCompleted, "the import did not start, or finished before it could be killed");
            await Task.Delay(20);
        }

        nodeA.Kill();
        await Assert.ThrowsAnyAsync<Exception>(() => import);

        // Then the store is as it was (the import's transaction died with its connection), its audit chain is whole,
        // and node B still answers from it
        deadline = DateTime.UtcNow.AddSeconds(30);
        while (Importing(db) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Equal(before, CordonProcess.Snapshot(db));
        Assert.Equal(0, CordonProcess.Run("audit", "verify", "--db", db).ExitCode);
        Assert.Equal(1, await nodeB.HitsAsync("Murtaza Velikhanov Tarquin"));
        Assert.Equal(HttpStatusCode.Created, (await nodeB.Client.PostAsJsonAsync("/v1/entities",
            new { dataset = "bka_cases", schema = "Person", properties = new { name = "Ottoline Bramwell Quarry" } })).StatusCode);
        Assert.Equal(1, await nodeB.HitsAsync("Ottoline Bramwell Quarry"));
    }

    [PostgresFact]
    public async Task A_list_change_is_screened_for_monitored_subjects_by_one_node_and_by_the_other_once_that_one_is_gone()
    {
        // Given two nodes on one database, and an analyst monitoring a subject nobody has listed yet
        var db = TestPostgres.NewDatabase(pooling: true);
        Assert.Equal(0, CordonProcess.Run("agency", "add", "BKA", "--name", "Bundeskriminalamt", "--country", "de", "--db", db).ExitCode);
        var admin = CordonProcess.Run("key", "create", "--agency", "BKA", "--role", "admin", "--db", db, "--json").Json.GetProperty("key").GetString()!;
        var analyst = CordonProcess.Run("key", "create", "--agency", "BKA", "--role", "analyst", "--db", db, "--json").Json.GetProperty("key").GetString()!;
        using var nodeA = await Node.StartAsync(db, admin);
        using var nodeB = await Node.StartAsync(db, admin);
        using (var register = new HttpRequestMessage(HttpMethod.Post, new Uri("/v1/monitored", UriKind.Relative)))
        {
            register.Headers.Authorization = new AuthenticationHeaderValue("Bearer", analyst);
            register.Content = JsonContent.Create(new { subject = "case-12", name = "Tarquin Velikhanov", birthDate = "1971", purpose = "open investigation 12" });
            Assert.Equal(HttpStatusCode.Created, (await nodeA.Client.SendAsync(register)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Created, (await nodeB.Client.PostAsJsonAsync("/v1/datasets", new { name = "bka_cases" })).StatusCode);
        var monitor = await Until(() => new[] { nodeA, nodeB }.SingleOrDefault(n => n.Says(Monitoring)), "no node said it monitors");
        var other = monitor == nodeA ? nodeB : nodeA;

        // When a matching record is created through either node
        var first = await CreateAsync(other, "VELIKHANOV, Tarquin");

        // Then one node screens the subject again, and only one (each node applies the change)
        await Until(() => MonitorScreens(db, first) > 0, "the subject was not screened again within 30 s");
        await Task.Delay(2000);
        Assert.Equal(1, MonitorScreens(db, first));

        // When the monitoring node is gone, the other takes over, and a second matching record is created
        monitor.Kill();
        await Until(() => other.Says(Monitoring), "the other node did not take over within 30 s");
        var second = await CreateAsync(other, "Tarquin VELIKHANOV");

        // Then it is screened again once, by the node left
        await Until(() => MonitorScreens(db, second) > 0, "the node left did not screen the subject again within 30 s");
        await Task.Delay(1000);
        Assert.Equal(1, MonitorScreens(db, second));
    }

    private const string Monitoring = "This node runs continuous screening";

    private static async Task<T> Until<T>(Func<T?> found, string failure)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if (found() is { } value && !Equals(value, false))
            {
                return value;
            }

            Assert.True(DateTime.UtcNow < deadline, failure);
            await Task.Delay(50);
        }
    }

    private static async Task<string> CreateAsync(Node node, string name)
    {
        var created = await node.Client.PostAsJsonAsync("/v1/entities", new { dataset = "bka_cases", schema = "Person", properties = new { name, birthDate = "1971-03-02" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var json = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("id").GetString()!;
    }

    /// <summary>How many continuous-screening entries in the audit chain name the record.</summary>
    private static long MonitorScreens(string db, string entityId)
    {
        using var connection = new NpgsqlConnection(db);
        connection.Open();
        using var command = new NpgsqlCommand("SELECT count(*) FROM audit WHERE action = 'monitor.screen' AND strpos(details, $1) > 0", connection)
        {
            Parameters = { new() { Value = entityId } },
        };
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>Whether an import's COPY or write is running on the database.</summary>
    private static bool Importing(string db)
    {
        using var connection = new NpgsqlConnection(db);
        connection.Open();
        using var command = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND query LIKE '%incoming%' AND state <> 'idle'",
            connection);
        return (long)command.ExecuteScalar()! > 0;
    }

    private static void WriteEntities(string path, int count)
    {
        using var writer = new StreamWriter(path);
        for (var i = 0; i < count; i++)
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            writer.Write("{\"id\":\"big-" + n + "\",\"schema\":\"Person\",\"properties\":{\"name\":[\"Person Number " + n + "\"],\"birthDate\":[\"1970-01-01\"]}}\n");
        }
    }

    /// <summary>One <c>cordon serve</c> process on a free loopback port, and a client holding the key.</summary>
    private sealed class Node : IDisposable
    {
        private readonly Process _process;
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output = new();

        private Node(Process process, HttpClient client)
        {
            _process = process;
            Client = client;
        }

        public HttpClient Client { get; }

        /// <summary>Whether the node has logged a line containing <paramref name="text"/>.</summary>
        public bool Says(string text) => _output.Any(line => line.Contains(text, StringComparison.Ordinal));

        public static async Task<Node> StartAsync(string db, string secret)
        {
            var port = FreePort();
            var info = CordonProcess.StartInfo(null, "serve", "--db", db, "--urls", $"http://127.0.0.1:{port}");
            info.Environment["CORDON_KEYCACHESECONDS"] = "0";
            // No periodic check within the test: what a node learns of the other, it learns by following it.
            info.Environment["CORDON_REFRESHSECONDS"] = "600";
            var process = Process.Start(info)!;
            var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
            var node = new Node(process, client);
            // Drained, so a chatty node never blocks on a full pipe; its log lines are kept.
            process.OutputDataReceived += (_, e) =>
            {
                if (e.Data is not null)
                {
                    node._output.Enqueue(e.Data);
                }
            };
            process.BeginOutputReadLine();
            _ = process.StandardError.ReadToEndAsync();
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (true)
            {
                Assert.False(process.HasExited, "cordon serve exited at start");
                Assert.True(DateTime.UtcNow < deadline, "cordon serve was not ready within 60 s");
                try
                {
                    if ((await client.GetAsync(new Uri("/readyz", UriKind.Relative))).IsSuccessStatusCode)
                    {
                        return node;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }

                await Task.Delay(100);
            }
        }

        public async Task<int> HitsAsync(string name)
        {
            var response = await Client.PostAsJsonAsync("/v1/screen", new { name, purpose = "two-node test" });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return json.RootElement.GetProperty("results").GetArrayLength();
        }

        public void Kill()
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                Kill();
            }

            _process.Dispose();
            Client.Dispose();
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
