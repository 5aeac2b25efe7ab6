using System.Text.Json;
using Cordon.Audit;
using Cordon.Model;
using Cordon.Screening;
using Cordon.Server.Auth;
using Cordon.Sharing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Cordon.Server.Apis;

/// <summary>
/// The yente-compatible API: <c>POST /match/{dataset}</c> and <c>GET /search/{dataset}</c> take and return the shapes of
/// the OpenSanctions yente API, so that its clients can point at Cordon. They take the same path as <c>/v1/screen</c>
/// (handling rules, review items, audit). A purpose is still required: a <c>purpose</c> query parameter, an
/// <c>X-Cordon-Purpose</c> header, or the key's standing purpose (<c>cordon key create --purpose</c>) for clients that
/// cannot send either. Hit-no-hit matches come back in a <c>referrals</c> list, which yente clients ignore.
/// </summary>
public static class YenteApi
{
    /// <summary>The collection that means every dataset the asker may see.</summary>
    public const string Everything = "default";

    /// <summary>Most example entities one match request may hold (yente's own limit).</summary>
    public const int MaxQueries = 100;

    /// <summary>Most names of one example that are screened.</summary>
    public const int MaxNames = 10;

    public const string PurposeHeader = "X-Cordon-Purpose";

    /// <summary>The lowest score a search lists.</summary>
    public const double SearchThreshold = 0.6;

    private static readonly string[] NameProperties = ["name", "alias", "weakAlias", "previousName", "firstName", "lastName"];

    private static readonly string[] CountryProperties = ["nationality", "citizenship", "country", "jurisdiction", "birthCountry", "mainCountry"];

    public static IEndpointRouteBuilder MapYenteApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/match/{dataset}", Match).WithName("YenteMatch").WithTags("yente-compatible")
            .WithSummary("Query-by-example matching in the shape of yente's /match: FtM example entities in, scored results with 'match' and 'features' out.")
            .Accepts<YenteMatchQuery>("application/json")
            .ProducesProblem(400)
            .ProducesProblem(404)
            .RequireAuthorization(Policies.Screener);
        app.MapGet("/search/{dataset}", Search).WithName("YenteSearch").WithTags("yente-compatible")
            .WithSummary("Name search in the shape of yente's /search: 'q' is screened as a name; results are FtM entities.")
            .ProducesProblem(400)
            .ProducesProblem(404)
            .RequireAuthorization(Policies.Screener);
        return app;
    }

    internal static async Task<Results<Ok<YenteMatchResponse>, ProblemHttpResult>> Match(
        HttpContext context, ServerState state, IOptions<ServerOptions> options, string dataset, int? limit, double? threshold, double? cutoff,
        string? algorithm, string? purpose, CancellationToken cancellationToken)
    {
        var asker = context.Asker();
        var view = state.View;
        if (Scope(view, asker, dataset, context.Request.Query) is not { } scope)
        {
            return Problems.NotFound($"dataset '{dataset}'");
        }

        // yente's algorithms are accepted by name, so that clients which send one work; Cordon has one matcher.
        _ = algorithm;
        var take = limit ?? 5;
        if (take is < 1 or > ScreeningApi.MaxLimit)
        {
            throw new ModelException("limit", $"must be between 1 and {ScreeningApi.MaxLimit}");
        }

        var matchAt = threshold ?? Screener.DefaultThreshold;
        var lowest = Math.Min(cutoff ?? matchAt, matchAt);
        CheckScore("threshold", matchAt);
        CheckScore("cutoff", lowest);
        var body = await Problems.ReadJsonAsync(context.Request, ApiJson.Default.YenteMatchQuery, options.Value.MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        if (body.Weights is { Count: > 0 } || body.Config is { Count: > 0 })
        {
            throw new ModelException(body.Weights is { Count: > 0 } ? "weights" : "config",
                "Cordon's scores are calibrated as a whole and take no weights or matcher configuration");
        }

        if (body.Queries is not { Count: > 0 } queries)
        {
            throw new ModelException("queries", "no queries provided");
        }

        if (queries.Count > MaxQueries)
        {
            throw new ModelException("queries", $"too many queries in one batch (limit: {MaxQueries})");
        }

        var why = Purpose(context, asker, purpose);
        var now = state.Time.GetUtcNow();
        var responses = new Dictionary<string, YenteMatches>(StringComparer.Ordinal);
        var entries = new List<AuditEntry>();
        var outcomes = new List<ScreeningOutcome>();
        foreach (var (key, example) in queries)
        {
            var entity = Example(key, example);
            var (results, referrals) = MatchOne(state, view, asker, entity, example!, why, take, lowest, matchAt, scope, now, outcomes);
            responses[key] = new YenteMatches(200, results, new YenteTotal(results.Count, "eq"), ToExample(entity, example!.Id), referrals);
        }

        foreach (var outcome in outcomes)
        {
            ScreeningRun.AddEntries(entries, asker, now, outcome);
        }

        await ScreeningRun.CommitAsync(state, entries, outcomes, cancellationToken).ConfigureAwait(false);

        context.Response.Headers["x-batch-size"] = responses.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Ok(new YenteMatchResponse(responses, FeatureDocs, take));
    }

    internal static async Task<Results<Ok<YenteSearchResponse>, ProblemHttpResult>> Search(
        HttpContext context, ServerState state, string dataset, string? q, string? schema, int? limit, int? offset, string? purpose,
        CancellationToken cancellationToken)
    {
        var asker = context.Asker();
        var view = state.View;
        if (Scope(view, asker, dataset, context.Request.Query) is not { } scope)
        {
            return Problems.NotFound($"dataset '{dataset}'");
        }

        var take = limit ?? 10;
        var skip = offset ?? 0;
        if (take is < 1 or > ScreeningApi.MaxLimit)
        {
            throw new ModelException("limit", $"must be between 1 and {ScreeningApi.MaxLimit}");
        }

        if (skip is < 0 or > 1000)
        {
            throw new ModelException("offset", "must be between 0 and 1000");
        }

        // A search lists weaker matches than a screen (0.6): it is how an analyst looks a name up, not a decision.
        var request = new ScreenRequest(q, Schema: schema, Purpose: Purpose(context, asker, purpose), Threshold: SearchThreshold);
        var job = ScreeningApi.ToJob(request, asker, ReviewOrigins.Match);
        job = job with { Query = job.Query with { Limit = skip + take }, Scope = scope };
        var now = state.Time.GetUtcNow();
        var outcome = ScreeningRun.Run(state, view, asker, job, now);
        await ScreeningRun.AuditAsync(state, asker, now, outcome, cancellationToken).ConfigureAwait(false);

        var all = outcome.Result.Response.Results;
        var page = all.Skip(skip).Take(take).Select(h => ToEntity(h.Entity)).ToList();
        var facets = new Dictionary<string, YenteFacet>(StringComparer.Ordinal)
        {
            ["datasets"] = Facet("Data sources", all.Select(h => h.Entity.Dataset ?? "")),
            ["schema"] = Facet("Types", all.Select(h => h.Entity.Schema.Name)),
        };
        return TypedResults.Ok(new YenteSearchResponse(take, skip, new YenteTotal(all.Count, "eq"), page, facets, ScreeningApi.Referrals(outcome)));
    }

    /// <summary>Screens each name of one example and keeps each record's best score; the outcomes are audited by the caller.</summary>
    private static (List<YenteResult> Results, List<ReferralDto> Referrals) MatchOne(
        ServerState state, SharedView view, Asker asker, Entity entity, YenteExample example, string purpose, int limit, double lowest, double matchAt,
        Func<Entity, bool> scope, DateTimeOffset now, List<ScreeningOutcome> outcomes)
    {
        var names = NameProperties.SelectMany(entity.Get).Distinct(StringComparer.Ordinal).Take(MaxNames).ToList();
        if (names.Count == 0)
        {
            throw new ModelException("properties.name", "the example has no name to match");
        }

        var birthDate = entity.First("birthDate") ?? entity.First("incorporationDate");
        var country = CountryProperties.Select(entity.First).FirstOrDefault(c => c is not null);
        var identifiers = entity.PropertyNames.Where(p => entity.Schema.GetProperty(p)?.Type == PropertyType.Identifier).SelectMany(entity.Get).Take(20).ToList();
        var best = new Dictionary<string, (ScreeningHit Hit, ReviewRef? Review)>(StringComparer.Ordinal);
        var referrals = new List<ReferralDto>();
        foreach (var name in names)
        {
            var request = new ScreenRequest(name, birthDate, country, entity.Schema.Name, identifiers, purpose, limit, lowest, example.Id);
            var job = ScreeningApi.ToJob(request, asker, ReviewOrigins.Match) with { Scope = scope };
            var outcome = ScreeningRun.Run(state, view, asker, job, now);
            outcomes.Add(outcome);
            for (var i = 0; i < outcome.Result.Response.Results.Count; i++)
            {
                var hit = outcome.Result.Response.Results[i];
                if (!best.TryGetValue(hit.Entity.Id, out var seen) || hit.Score > seen.Hit.Score)
                {
                    best[hit.Entity.Id] = (hit, outcome.HitReviews[i]);
                }
            }

            referrals.AddRange(ScreeningApi.Referrals(outcome));
        }

        var results = best.Values.OrderByDescending(b => b.Hit.Score).ThenBy(b => b.Hit.Entity.Id, StringComparer.Ordinal).Take(limit)
            .Select(b => new YenteResult(ToEntity(b.Hit.Entity), b.Hit.Score, b.Hit.Score >= matchAt, Features(b.Hit), b.Review)).ToList();
        return (results, referrals);
    }

    /// <summary>The records a dataset path lets through: everything for <c>default</c>, one dataset the asker sees whole, minus excluded ones; null for a dataset the asker may not name.</summary>
    private static Func<Entity, bool>? Scope(SharedView view, Asker asker, string dataset, IQueryCollection query)
    {
        if (!string.Equals(dataset, Everything, StringComparison.Ordinal)
            && (view.Handling.Dataset(dataset) is null || !view.Handling.SeesAllOf(asker.Agency, dataset)))
        {
            return null;
        }

        var include = query["include_dataset"].OfType<string>().ToHashSet(StringComparer.Ordinal);
        var exclude = query["exclude_dataset"].OfType<string>().ToHashSet(StringComparer.Ordinal);
        var excludeSchema = query["exclude_schema"].OfType<string>().ToHashSet(StringComparer.Ordinal);
        var excludeIds = query["exclude_entity_ids"].OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var unsupported in new[] { "topics", "changed_since", "countries", "filter" })
        {
            if (query.ContainsKey(unsupported))
            {
                throw new ModelException(unsupported, "not supported by Cordon's yente-compatible API");
            }
        }

        var only = string.Equals(dataset, Everything, StringComparison.Ordinal) ? null : dataset;
        return entity =>
            (only is null || string.Equals(entity.Dataset, only, StringComparison.Ordinal))
            && (include.Count == 0 || include.Contains(entity.Dataset ?? ""))
            && !exclude.Contains(entity.Dataset ?? "")
            && !excludeSchema.Contains(entity.Schema.Name)
            && !excludeIds.Contains(entity.Id);
    }

    private static string Purpose(HttpContext context, Asker asker, string? purpose)
    {
        var given = !string.IsNullOrWhiteSpace(purpose) ? purpose : context.Request.Headers[PurposeHeader].ToString();
        var chosen = !string.IsNullOrWhiteSpace(given) ? given : asker.Purpose;
        return string.IsNullOrWhiteSpace(chosen)
            ? throw new ModelException("purpose",
                $"missing: pass ?purpose=, send an {PurposeHeader} header, or create the key with a standing purpose (cordon key create --purpose)")
            : chosen.Trim();
    }

    private static void CheckScore(string field, double value)
    {
        if (value is < 0 or > 1 or double.NaN)
        {
            throw new ModelException(field, "must be between 0 and 1");
        }
    }

    private static Entity Example(string key, YenteExample? example)
    {
        if (example is null)
        {
            throw new ModelException($"queries.{key}", "missing example entity");
        }

        try
        {
            return EntitiesApi.Build("query", new EntityInput(example.Schema, example.Properties)).Entity;
        }
        catch (ModelException ex)
        {
            throw new ModelException($"queries.{key}.{ex.Field}", ex.Reason);
        }
    }

    private static YenteEntity ToEntity(Entity entity)
    {
        var properties = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var name in entity.PropertyNames)
        {
            properties[name] = entity.Get(name);
        }

        return new YenteEntity(entity.Id, entity.Caption, entity.Schema.Name, properties, entity.Dataset is null ? [] : [entity.Dataset],
            entity.SourceRef is { } source && !string.Equals(source, entity.Id, StringComparison.Ordinal) ? [source] : [], true);
    }

    private static YenteExample ToExample(Entity entity, string? id)
    {
        var properties = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var name in entity.PropertyNames)
        {
            properties[name] = JsonSerializer.SerializeToElement(entity.Get(name), ApiJson.Default.IReadOnlyListString);
        }

        return new YenteExample(id, entity.Schema.Name, properties);
    }

    /// <summary>Each factor of the explanation, as yente reports features: a name and what it added to the score.</summary>
    private static Dictionary<string, double> Features(ScreeningHit hit)
    {
        var features = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var item in hit.Explanation)
        {
            features[item.Factor] = features.GetValueOrDefault(item.Factor) + item.Effect;
        }

        return features;
    }

    private static YenteFacet Facet(string label, IEnumerable<string> values) => new(label, values
        .GroupBy(v => v, StringComparer.Ordinal)
        .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
        .Select(g => new YenteFacetItem(g.Key, g.Key, g.Count())).ToList());

    private static readonly Dictionary<string, YenteFeatureDoc> FeatureDocs = new(StringComparer.Ordinal)
    {
        ["name"] = new("Similarity of the best-matching names, part by part (transliterated, with nicknames and legal forms), calibrated", 1.0, null),
        ["birthDate"] = new("Agreement or conflict of the birth date (year, month, day)", 1.0, null),
        ["country"] = new("Agreement or conflict of the country or nationality", 1.0, null),
        ["identifier"] = new("An equal document or registration number", 1.0, null),
    };
}
