using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Cordon.Audit;
using Cordon.Lists;
using Cordon.Sharing;
using Cordon.Storage;
using Cordon.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Cordon.Server.Tests.Support;

/// <summary>
/// A real server over a real store of the test's own: a SQLite file, or, when <c>CORDON_TEST_SERVER_STORE</c> is
/// <c>postgres</c>, a new database on the <c>CORDON_TEST_POSTGRES</c> server (<c>./test.sh</c> runs these tests once with
/// each). Agencies and keys are made in the store as the command line makes them, then requests go through the whole
/// pipeline (authentication, rate limiting, handlers, audit writer).
/// </summary>
public sealed class CordonApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string> _settings;

    /// <param name="settings">Server settings over the tests' defaults.</param>
    /// <param name="db">The database to use instead of a new one of the store under test (the server's may reach it another way, in <paramref name="settings"/>).</param>
    public CordonApp(Dictionary<string, string>? settings = null, string? db = null)
    {
        Folder = TestData.TempDirectory();
        Db = db ?? (OnPostgres ? Cordon.Postgres.Tests.TestPostgres.NewDatabase(pooling: true) : Path.Combine(Folder, "cordon.db"));
        Store = Stores.Open(Db);
        _settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Db"] = Db,
            ["KeyCacheSeconds"] = "0",
            ["RefreshSeconds"] = "0.2",
        };
        foreach (var (name, value) in settings ?? [])
        {
            _settings[name] = value;
        }
    }

    public string Folder { get; }

    /// <summary>Whether the tests run against PostgreSQL rather than SQLite.</summary>
    public static bool OnPostgres =>
        string.Equals(Environment.GetEnvironmentVariable("CORDON_TEST_SERVER_STORE"), "postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>The database the server was given: a file path or a PostgreSQL connection string.</summary>
    public string Db { get; }

    /// <summary>The same database, opened beside the server, as the command line would open it.</summary>
    public IStore Store { get; }

    /// <summary>Runs one statement directly on the database (as someone tampering with it would), with <c>@seq</c> as a value; returns the rows changed.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA2100", Justification = "The tests' own constant SQL.")]
    public async Task<int> ExecuteSqlAsync(string sql, long seq)
    {
        await using System.Data.Common.DbConnection connection = Cordon.Postgres.PostgresStore.Names(Db) ? new Npgsql.NpgsqlConnection(Db) : new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Db}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@seq";
        parameter.Value = seq;
        command.Parameters.Add(parameter);
        return await command.ExecuteNonQueryAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (name, value) in _settings)
        {
            builder.UseSetting(name, value);
        }
    }

    /// <summary>Imports a real list file into the store (before the server starts, or picked up by its refresh).</summary>
    public void ImportList(string format, string relativePath) =>
        Importer.Import(Store, format, TestData.Path(relativePath), new ImportOptions());

    /// <summary>Adds an agency and returns a client holding a new key of it with <paramref name="role"/>.</summary>
    public HttpClient Agency(string code, Role role = Role.Admin)
    {
        if (Store.GetAgency(code) is null)
        {
            Store.AddAgency(Sharing.Agency.Create(code, code + " agency", "de", DateTimeOffset.UtcNow), Operator(AuditActions.AgencyAdd, code));
        }

        return WithKey(NewKey(code, role).Secret);
    }

    public NewApiKey NewKey(string agency, Role role)
    {
        var key = ApiKeys.Create(agency, role, "test", DateTimeOffset.UtcNow);
        Store.AddKey(key.Key, key.Hash, Operator(AuditActions.KeyCreate, key.Key.Id));
        return key;
    }

    public HttpClient WithKey(string? secret)
    {
        var client = CreateClient();
        if (secret is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        }

        return client;
    }

    /// <summary>Waits until the server answers ready (it builds its first view in the background).</summary>
    public async Task<CordonApp> ReadyAsync()
    {
        var client = CreateClient();
        for (var i = 0; i < 600; i++)
        {
            if ((await client.GetAsync(new Uri("/readyz", UriKind.Relative))).IsSuccessStatusCode)
            {
                return this;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("the server did not become ready in 30 s");
    }

    private static AuditEntry Operator(string action, string subject) =>
        new(DateTimeOffset.UtcNow, AuditEntry.Operator, "", action, subject, "{}");

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Store.Dispose();
            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open (pooled connection) is left for the temp cleaner.
            }
        }
    }
}

/// <summary>Requests and answers as JSON documents.</summary>
public static class Http
{
    public static Task<HttpResponseMessage> PostJson(this HttpClient client, string path, object body) =>
        client.PostAsJsonAsync(new Uri(path, UriKind.Relative), body);

    public static Task<HttpResponseMessage> PostRaw(this HttpClient client, string path, string body, string contentType = "application/json") =>
        client.PostAsync(new Uri(path, UriKind.Relative), new StringContent(body, System.Text.Encoding.UTF8, contentType));

    public static Task<HttpResponseMessage> Get(this HttpClient client, string path) => client.GetAsync(new Uri(path, UriKind.Relative));

    public static async Task<JsonElement> Json(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>The body with the audit sequence number taken out: two answers that differ only there are the same answer.</summary>
    public static async Task<string> Comparable(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return System.Text.RegularExpressions.Regex.Replace(text, "\"auditSeq\":\\d+", "\"auditSeq\":0");
    }

    /// <summary>A screening request with its mandatory purpose.</summary>
    public static object Screen(string name, string? schema = null) => new { name, schema, purpose = "test screening" };
}
