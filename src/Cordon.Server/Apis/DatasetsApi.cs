using Cordon.Audit;
using Cordon.Lists;
using Cordon.Model;
using Cordon.Server.Auth;
using Cordon.Sharing;
using Cordon.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Cordon.Server.Apis;

/// <summary>
/// <c>/v1/datasets</c>: an agency's admins create datasets (named <c>{agency}_{name}</c>) and set their default handling;
/// its analysts import whole lists into them with the command line's importers. A dataset is listed to another agency
/// only when that agency sees every record of it, so no count tells of a record it may not see.
/// </summary>
public static class DatasetsApi
{
    public static IEndpointRouteBuilder MapDatasetsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/datasets").WithTags("Datasets");
        group.MapGet("/", List).WithName("ListDatasets").WithSummary("The datasets the asker sees in full, and its own.")
            .RequireAuthorization(Policies.Screener);
        group.MapGet("/{name}", Get).WithName("GetDataset").RequireAuthorization(Policies.Screener);
        group.MapPost("/", Create).WithName("CreateDataset").WithSummary("Create a dataset of the asker's agency with a default handling rule.")
            .Accepts<DatasetInput>("application/json").ProducesProblem(400).ProducesProblem(409)
            .RequireAuthorization(Policies.Admin);
        group.MapPut("/{name}/handling", SetHandling).WithName("SetDatasetHandling").WithSummary("Change a dataset's default handling rule.")
            .Accepts<HandlingInput>("application/json").ProducesProblem(400).ProducesProblem(403).ProducesProblem(404)
            .RequireAuthorization(Policies.Admin);
        group.MapPost("/{name}/import", Import).WithName("ImportDataset")
            .WithSummary("Replace a dataset's content with a list file (body), as a new version with its delta; format=ftm|csv|un|ofac-xml.")
            .Accepts<string>("application/octet-stream").ProducesProblem(400).ProducesProblem(404).ProducesProblem(413)
            .RequireAuthorization(Policies.Analyst);
        return app;
    }

    internal static Ok<List<DatasetDto>> List(HttpContext context, ServerState state)
    {
        var asker = context.Asker();
        var handling = state.View.Handling;
        var datasets = state.Store.GetDatasets()
            .Where(d => handling.SeesAllOf(asker.Agency, d.Name))
            .Select(d => ToDto(d, handling, asker))
            .ToList();
        return TypedResults.Ok(datasets);
    }

    internal static Results<Ok<DatasetDto>, ProblemHttpResult> Get(string name, HttpContext context, ServerState state)
    {
        var asker = context.Asker();
        var handling = state.View.Handling;
        return state.Store.GetDataset(name) is { } dataset && handling.SeesAllOf(asker.Agency, name)
            ? TypedResults.Ok(ToDto(dataset, handling, asker))
            : Problems.NotFound($"dataset '{name}'");
    }

    internal static async Task<Results<Created<DatasetDto>, ProblemHttpResult>> Create(HttpContext context, ServerState state, IOptions<ServerOptions> options, CancellationToken cancellationToken)
    {
        var input = await Problems.ReadJsonAsync(context.Request, ApiJson.Default.DatasetInput, options.Value.MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        var asker = context.Asker();
        if (string.IsNullOrWhiteSpace(input.Name))
        {
            throw new ModelException("name", "missing");
        }

        if (!ImportRequest.IsValidDatasetName(input.Name) || !Agency.OwnsDatasetName(asker.Agency, input.Name))
        {
            throw new ModelException("name", $"'{input.Name}': an agency's datasets are named {asker.Agency.ToLowerInvariant()}_<name>, in lower-case letters, digits, '-' and '_'");
        }

        var rule = HandlingRule.Parse(input.Handling ?? "restricted", input.ShareWith);
        if (state.Store.GetDataset(input.Name) is not null)
        {
            return Problems.Conflict($"dataset '{input.Name}' exists");
        }

        var title = string.IsNullOrWhiteSpace(input.Title) ? input.Name : input.Title.Trim();
        state.Store.CreateDataset(input.Name, title, asker.Agency, rule, new AuditEntry(state.Time.GetUtcNow(), asker.Agency, asker.Key,
            AuditActions.DatasetCreate, input.Name, HandlingDetails(rule)));
        await state.RefreshAsync(rebuild: false, cancellationToken).ConfigureAwait(false);
        return TypedResults.Created($"/v1/datasets/{input.Name}", ToDto(state.Store.GetDataset(input.Name)!, state.View.Handling, asker));
    }

    internal static async Task<Results<Ok<DatasetDto>, ProblemHttpResult>> SetHandling(string name, HttpContext context, ServerState state, IOptions<ServerOptions> options, CancellationToken cancellationToken)
    {
        var input = await Problems.ReadJsonAsync(context.Request, ApiJson.Default.HandlingInput, options.Value.MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        var asker = context.Asker();
        if (EntitiesApi.OwnDataset(state, asker, name) is { } refused)
        {
            return refused;
        }

        var rule = HandlingRule.Parse(input.Handling, input.ShareWith);
        state.Store.SetDatasetHandling(name, rule, new AuditEntry(state.Time.GetUtcNow(), asker.Agency, asker.Key, AuditActions.DatasetHandling, name, HandlingDetails(rule)));
        await state.RefreshAsync(rebuild: false, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(ToDto(state.Store.GetDataset(name)!, state.View.Handling, asker));
    }

    internal static async Task<Results<Ok<ChangeAnswer>, ProblemHttpResult>> Import(
        string name, string? format, HttpContext context, ServerState state, IOptions<ServerOptions> options, CancellationToken cancellationToken)
    {
        var asker = context.Asker();
        if (EntitiesApi.OwnDataset(state, asker, name) is { } refused)
        {
            return refused;
        }

        if (string.IsNullOrEmpty(format) || Importer.FindReader(format) is null)
        {
            throw new ModelException("format", $"'{format}': give ?format= one of {string.Join(", ", Importer.Formats)}");
        }

        Problems.LimitBody(context.Request, options.Value.MaxImportBytes);
        var file = Path.Combine(Path.GetTempPath(), $"cordon-import-{Guid.NewGuid():N}.{format}");
        try
        {
            await using (var output = new FileStream(file, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                await using var body = new LimitedReadStream(context.Request.Body, options.Value.MaxImportBytes);
                await body.CopyToAsync(output, cancellationToken).ConfigureAwait(false);
            }

            var title = state.Store.GetDataset(name)!.Title;
            var outcome = Importer.Import(state.Store, format, file, new ImportOptions(name, asker.Agency) { ScopeIds = true, Title = title },
                cancellationToken: cancellationToken);
            await state.Audit.AppendAsync(new AuditEntry(state.Time.GetUtcNow(), asker.Agency, asker.Key, AuditActions.DatasetImport, name,
                Cordon.Text.JsonText.Object(w =>
                {
                    w.WriteString("format", format);
                    w.WriteNumber("version", outcome.Result.Version);
                    w.WriteNumber("added", outcome.Result.Added);
                    w.WriteNumber("changed", outcome.Result.Changed);
                    w.WriteNumber("removed", outcome.Result.Removed);
                })), cancellationToken: cancellationToken).ConfigureAwait(false);
            await state.RefreshAsync(rebuild: false, cancellationToken).ConfigureAwait(false);
            return TypedResults.Ok(new ChangeAnswer(outcome.Result, outcome.Warnings));
        }
        catch (ImportException ex)
        {
            // The file's path is the server's business: name the line and field of the body instead.
            throw new ImportException("body", ex.Line, ex.Field, ex.Reason, ex);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string HandlingDetails(HandlingRule rule) => Cordon.Text.JsonText.Object(w =>
    {
        w.WriteString("handling", rule.Name);
        w.WriteStartArray("share_with");
        foreach (var agency in rule.ShareWith)
        {
            w.WriteStringValue(agency);
        }

        w.WriteEndArray();
    });

    private static DatasetDto ToDto(DatasetInfo d, HandlingMap handling, Asker asker)
    {
        var rule = handling.Dataset(d.Name)?.Rule ?? HandlingRule.Shared;
        var ownerAsks = string.Equals(d.Owner, asker.Agency, StringComparison.Ordinal);
        return new DatasetDto(d.Name, d.Title, d.Owner, d.Format, d.Version, d.Records, d.Entities, d.UpdatedAt, rule.Name, ownerAsks ? rule.ShareWith : null);
    }
}
