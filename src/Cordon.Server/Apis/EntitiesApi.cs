using System.Text.Json;
using Cordon.Audit;
using Cordon.Model;
using Cordon.Server.Auth;
using Cordon.Sharing;
using Cordon.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Cordon.Server.Apis;

/// <summary>
/// <c>/v1/entities</c>: members read the records they may see and contribute their own. A record the asker may not see
/// is answered exactly as one that does not exist, on every verb.
/// </summary>
public static class EntitiesApi
{
    public static IEndpointRouteBuilder MapEntitiesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/entities").WithTags("Entities");
        group.MapGet("/{id}", Get).WithName("GetEntity").WithSummary("One record, if the asker may see it.")
            .RequireAuthorization(Policies.Screener);
        group.MapPost("/", Create).WithName("CreateEntity").WithSummary("Contribute a record to one of the agency's datasets.")
            .Accepts<EntityInput>("application/json").ProducesProblem(400).ProducesProblem(404).ProducesProblem(409)
            .RequireAuthorization(Policies.Analyst);
        group.MapPut("/{id}", Replace).WithName("ReplaceEntity").WithSummary("Replace one of the agency's records (schema, properties, handling).")
            .Accepts<EntityInput>("application/json").ProducesProblem(400).ProducesProblem(403).ProducesProblem(404)
            .RequireAuthorization(Policies.Analyst);
        group.MapDelete("/{id}", Withdraw).WithName("WithdrawEntity").WithSummary("Withdraw one of the agency's records.")
            .ProducesProblem(403).ProducesProblem(404)
            .RequireAuthorization(Policies.Analyst);
        return app;
    }

    internal static async Task<Results<Ok<EntityDto>, ProblemHttpResult>> Get(string id, HttpContext context, ServerState state, CancellationToken cancellationToken)
    {
        var asker = context.Asker();
        var view = state.View;
        var entity = view.Read(asker, state.Store.GetEntity(id));
        if (entity is null)
        {
            return Problems.NotFound($"entity '{id}'");
        }

        var owner = view.Handling.OwnerOf(entity)!;
        if (!string.Equals(owner, asker.Agency, StringComparison.Ordinal))
        {
            // Reading another agency's record is a disclosure: it goes in the asker's trail.
            await state.Audit.AppendAsync(new AuditEntry(state.Time.GetUtcNow(), asker.Agency, asker.Key, AuditActions.EntityRead, entity.Id,
                Cordon.Text.JsonText.Object(w => w.WriteString("owner", owner))), cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        return TypedResults.Ok(ToDto(entity, view.Handling, asker));
    }

    internal static async Task<Results<Created<EntityDto>, ProblemHttpResult>> Create(HttpContext context, ServerState state, IOptions<ServerOptions> options, CancellationToken cancellationToken)
    {
        var input = await Problems.ReadJsonAsync(context.Request, ApiJson.Default.EntityInput, options.Value.MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        var asker = context.Asker();
        if (string.IsNullOrWhiteSpace(input.Dataset))
        {
            throw new ModelException("dataset", "missing: the dataset of the agency's to add the record to");
        }

        if (OwnDataset(state, asker, input.Dataset) is { } refused)
        {
            return refused;
        }

        var id = AgencyRecords.ScopeId(input.Dataset, input.Id ?? Guid.NewGuid().ToString("N"));
        if (state.Store.GetEntity(id) is not null)
        {
            return Problems.Conflict($"entity '{id}' exists: replace it with PUT /v1/entities/{id}");
        }

        var (entity, handling) = Build(id, input);
        Change(state, asker, input.Dataset, AuditActions.EntityCreate, new EntityChange(entity, handling), null);
        await state.RefreshAsync(rebuild: false, cancellationToken).ConfigureAwait(false);
        var stored = state.Store.GetEntity(id)!;
        return TypedResults.Created($"/v1/entities/{Uri.EscapeDataString(id)}", ToDto(stored, state.View.Handling, asker));
    }

    internal static async Task<Results<Ok<EntityDto>, ProblemHttpResult>> Replace(string id, HttpContext context, ServerState state, IOptions<ServerOptions> options, CancellationToken cancellationToken)
    {
        var input = await Problems.ReadJsonAsync(context.Request, ApiJson.Default.EntityInput, options.Value.MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        var asker = context.Asker();
        if (Owned(state, asker, id, out var existing) is { } refused)
        {
            return refused;
        }

        if (input.Dataset is not null && !string.Equals(input.Dataset, existing!.Dataset, StringComparison.Ordinal))
        {
            throw new ModelException("dataset", $"a record stays in its dataset ('{existing.Dataset}'); withdraw it and create it in the other");
        }

        if (input.Id is not null && !string.Equals(AgencyRecords.ScopeId(existing!.Dataset!, input.Id), id, StringComparison.Ordinal))
        {
            throw new ModelException("id", $"'{input.Id}' is not this record's id ('{id}')");
        }

        var (entity, handling) = Build(id, input with { Id = existing!.SourceRef });
        Change(state, asker, existing.Dataset!, AuditActions.EntityUpdate, new EntityChange(entity, handling), null);
        await state.RefreshAsync(rebuild: false, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(ToDto(state.Store.GetEntity(id)!, state.View.Handling, asker));
    }

    internal static async Task<Results<Ok<ChangeAnswer>, ProblemHttpResult>> Withdraw(string id, HttpContext context, ServerState state, CancellationToken cancellationToken)
    {
        var asker = context.Asker();
        if (Owned(state, asker, id, out var existing) is { } refused)
        {
            return refused;
        }

        var result = Change(state, asker, existing!.Dataset!, AuditActions.EntityWithdraw, null, id);
        await state.RefreshAsync(rebuild: false, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new ChangeAnswer(result, []));
    }

    /// <summary>Null when the asker's agency owns the dataset; else the refusal: 404 when it may not see it, 403 when it may.</summary>
    internal static ProblemHttpResult? OwnDataset(ServerState state, Asker asker, string dataset)
    {
        var handling = state.Store.GetHandling().Dataset(dataset);
        if (handling is null || handling.Rule.Decide(asker.Agency, handling.Owner) == Disclosure.Nothing)
        {
            return Problems.NotFound($"dataset '{dataset}'");
        }

        return string.Equals(handling.Owner, asker.Agency, StringComparison.Ordinal)
            ? null
            : Problems.Forbidden($"dataset '{dataset}' belongs to {handling.Owner}; an agency changes only its own records");
    }

    private static ProblemHttpResult? Owned(ServerState state, Asker asker, string id, out Entity? entity)
    {
        var handling = state.Store.GetHandling();
        entity = state.Store.GetEntity(id);
        if (entity is null || handling.Decide(asker.Agency, entity) != Disclosure.Full)
        {
            entity = null;
            return Problems.NotFound($"entity '{id}'");
        }

        return string.Equals(handling.OwnerOf(entity), asker.Agency, StringComparison.Ordinal)
            ? null
            : Problems.Forbidden($"entity '{id}' belongs to {handling.OwnerOf(entity)}; an agency changes only its own records");
    }

    private static ImportResult Change(ServerState state, Asker asker, string dataset, string action, EntityChange? upsert, string? withdraw)
    {
        var subject = upsert?.Entity.Id ?? withdraw!;
        var details = Cordon.Text.JsonText.Object(w =>
        {
            w.WriteString("dataset", dataset);
            if (upsert is not null)
            {
                w.WriteString("handling", upsert.Handling?.Name ?? "dataset default");
                w.WriteStartArray("share_with");
                foreach (var agency in upsert.Handling?.ShareWith ?? [])
                {
                    w.WriteStringValue(agency);
                }

                w.WriteEndArray();
            }
        });
        var entry = new AuditEntry(state.Time.GetUtcNow(), asker.Agency, asker.Key, action, subject, details);
        return state.Store.ChangeEntities(dataset, upsert is null ? [] : [upsert], withdraw is null ? [] : [withdraw], entry);
    }

    /// <summary>Builds a record from its input; every refusal names the field (<c>properties.birthDate</c>, <c>schema</c>…).</summary>
    internal static (Entity Entity, HandlingRule? Handling) Build(string id, EntityInput input)
    {
        if (string.IsNullOrWhiteSpace(input.Schema))
        {
            throw new ModelException("schema", "missing");
        }

        var schema = Schemata.Find(input.Schema) ?? throw new ModelException("schema", $"unknown schema '{input.Schema}'");
        var builder = new EntityBuilder(id, schema, input.Id ?? id[(id.IndexOf(':', StringComparison.Ordinal) + 1)..]);
        foreach (var (name, value) in input.Properties ?? [])
        {
            var field = $"properties.{name}";
            try
            {
                switch (value.ValueKind)
                {
                    case JsonValueKind.String:
                        builder.Add(name, value.GetString());
                        break;
                    case JsonValueKind.Array:
                        foreach (var item in value.EnumerateArray())
                        {
                            builder.Add(name, item.ValueKind == JsonValueKind.String
                                ? item.GetString()
                                : throw new ModelException(field, $"values must be strings, found {item.ValueKind.ToString().ToLowerInvariant()}"));
                        }

                        break;
                    default:
                        throw new ModelException(field, $"expected a string or a list of strings, found {value.ValueKind.ToString().ToLowerInvariant()}");
                }
            }
            catch (ModelException ex) when (!ex.Field.StartsWith("properties.", StringComparison.Ordinal))
            {
                throw new ModelException(field, ex.Reason);
            }
        }

        var handling = input.Handling is null
            ? (input.ShareWith is { Count: > 0 } ? throw new ModelException("shareWith", "give a handling rule with it") : null)
            : HandlingRule.Parse(input.Handling, input.ShareWith);
        return (builder.Build(), handling);
    }

    internal static EntityDto ToDto(Entity entity, HandlingMap handling, Asker asker)
    {
        var owner = handling.OwnerOf(entity) ?? "";
        var rule = handling.RuleOf(entity);
        var properties = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var name in entity.PropertyNames)
        {
            properties[name] = entity.Get(name);
        }

        // Who else may see a record is the owner's business.
        var ownerAsks = string.Equals(owner, asker.Agency, StringComparison.Ordinal);
        return new EntityDto(entity.Id, entity.Schema.Name, entity.Caption, properties, entity.Dataset is null ? [] : [entity.Dataset],
            entity.SourceRef, owner, rule.Name, ownerAsks ? rule.ShareWith : null);
    }
}
