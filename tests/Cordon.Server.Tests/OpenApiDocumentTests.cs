using System.Net;
using Cordon.Server.Tests.Support;

namespace Cordon.Server.Tests;

public sealed class OpenApiDocumentTests
{
    /// <summary>
    /// The API is a contract: the document served at /openapi/v1.json must equal the one committed at docs/openapi/v1.json.
    /// After an intended change, run the tests with CORDON_UPDATE_SNAPSHOTS=1 to rewrite it, and review the diff.
    /// </summary>
    [Fact]
    public async Task The_served_openapi_document_equals_the_committed_one()
    {
        using var app = new CordonApp();
        await app.ReadyAsync();

        var response = await app.CreateClient().Get("/openapi/v1.json");
        var served = (await response.Content.ReadAsStringAsync()).ReplaceLineEndings("\n").TrimEnd() + "\n";

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var committed = Path.Combine(RepositoryRoot(), "docs", "openapi", "v1.json");
        if (Environment.GetEnvironmentVariable("CORDON_UPDATE_SNAPSHOTS") == "1")
        {
            await File.WriteAllTextAsync(committed, served);
        }

        Assert.True(File.Exists(committed), $"{committed} is missing: run the tests once with CORDON_UPDATE_SNAPSHOTS=1");
        Assert.Equal(await File.ReadAllTextAsync(committed), served);
    }

    [Fact]
    public async Task Every_v1_operation_is_documented_with_the_bearer_scheme()
    {
        using var app = new CordonApp();
        await app.ReadyAsync();

        var document = await (await app.CreateClient().Get("/openapi/v1.json")).Json();

        Assert.Equal("http", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer").GetProperty("type").GetString());
        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/v1/screen", "/v1/entities/{id}", "/v1/entities", "/v1/datasets", "/v1/datasets/{name}/import", "/v1/notifications", "/v1/audit" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is not in the document");
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Cordon.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("the repository root (Cordon.slnx) was not found above the test binaries");
    }
}
