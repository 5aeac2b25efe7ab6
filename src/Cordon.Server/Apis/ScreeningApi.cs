using System.Text.Json;
using Cordon.Audit;
using Cordon.Model;
using Cordon.Screening;
using Cordon.Server.Auth;
using Cordon.Sharing;
using Cordon.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Cordon.Server.Apis;

/// <summary><c>POST /v1/screen</c>: one query against everything the asker may see, audited before it is answered.</summary>
public static class ScreeningApi
{
    /// <summary>Most results one query may ask for.</summary>
    public const int MaxLimit = 100;

    public static IEndpointRouteBuilder MapScreeningApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/screen", Screen)
            .WithName("Screen")
            .WithTags("Screening")
            .WithSummary("Screen one name (with optional birth date, country, schema and identifiers) for a stated purpose.")
            .Accepts<ScreenRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .RequireAuthorization(Policies.Screener);
        return app;
    }

    internal static async Task<Ok<ScreenAnswer>> Screen(HttpContext context, ServerState state, IOptions<ServerOptions> options, CancellationToken cancellationToken)
    {
        var request = await Problems.ReadJsonAsync(context.Request, ApiJson.Default.ScreenRequest, options.Value.MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        var (query, purpose) = ToQuery(request);
        var asker = context.Asker();
        var view = state.View;
        var now = state.Time.GetUtcNow();
        var queryJson = JsonSerializer.Serialize(request, ApiJson.Default.ScreenRequest);
        var result = view.Screen(asker, query, purpose, queryJson, now);
        var seq = await state.Audit.AppendAsync(Entries(asker, now, query.Name, purpose, queryJson, result), result.Notifications, cancellationToken)
            .ConfigureAwait(false);
        return TypedResults.Ok(new ScreenAnswer(request, result.Response.Threshold, Hits(result, view), Referrals(result), seq));
    }

    /// <summary>Checks a request and turns it into the engine's query; every refusal names its field.</summary>
    internal static (ScreeningQuery Query, string Purpose) ToQuery(ScreenRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.Name))
        {
            throw new ModelException("name", "missing: the name to screen");
        }

        if (request.Name.Length > 500)
        {
            throw new ModelException("name", "longer than 500 characters");
        }

        if (string.IsNullOrWhiteSpace(request.Purpose))
        {
            throw new ModelException("purpose", "missing: say why this query is made (it is audited, and shown to owners of hit-no-hit records)");
        }

        if (request.Purpose.Length > 500)
        {
            throw new ModelException("purpose", "longer than 500 characters");
        }

        if (request.Limit is < 1 or > MaxLimit)
        {
            throw new ModelException("limit", $"must be between 1 and {MaxLimit}");
        }

        if (request.Threshold is < 0 or > 1 or double.NaN)
        {
            throw new ModelException("threshold", "must be between 0 and 1");
        }

        if (request.Identifiers is { Count: > 20 })
        {
            throw new ModelException("identifiers", "at most 20");
        }

        var query = new ScreeningQuery(request.Name, request.BirthDate, request.Country, request.Schema)
        {
            Limit = request.Limit ?? 10,
            Threshold = request.Threshold,
            Identifiers = request.Identifiers ?? [],
        };
        return (query, request.Purpose.Trim());
    }

    internal static List<ScreenHit> Hits(SharedScreening result, SharedView view) =>
        result.Response.Results.Select(hit => new ScreenHit(hit.Entity.Id, hit.Entity.Schema.Name, hit.Entity.Caption, hit.Entity.Dataset ?? "",
            view.Handling.OwnerOf(hit.Entity) ?? "", hit.Score, hit.NameScore, hit.MatchedName, hit.MatchedProperty, hit.Explanation, hit.Parts)).ToList();

    internal static List<ReferralDto> Referrals(SharedScreening result) =>
        result.Referrals.Select(r => new ReferralDto(r.Reference, r.Owner, r.Band)).ToList();

    /// <summary>
    /// The audit entries of a screen: the asker's (purpose, query, the records it was shown, the referrals it was given),
    /// and one for each hit-no-hit disclosure in the owner's trail (which record, to whom, under which reference). The
    /// asker's own trail so holds exactly what it was told.
    /// </summary>
    internal static List<AuditEntry> Entries(Asker asker, DateTimeOffset now, string subject, string purpose, string queryJson, SharedScreening result)
    {
        var entries = new List<AuditEntry>(1 + result.Notifications.Count)
        {
            new(now, asker.Agency, asker.Key, AuditActions.Screen, subject, Details(purpose, queryJson, result)),
        };
        foreach (var n in result.Notifications)
        {
            entries.Add(new AuditEntry(now, n.Agency, asker.Key, AuditActions.Disclosure, n.EntityId, DisclosureDetails(n)));
        }

        return entries;
    }

    private static string DisclosureDetails(Notification n) => JsonText.Object(w =>
    {
        w.WriteString("reference", n.Reference);
        w.WriteString("to", n.FromAgency);
        w.WriteString("purpose", n.Purpose);
        w.WriteString("band", ScoreBands.Of(n.Score));
        w.WriteNumber("score", n.Score);
    });

    private static string Details(string purpose, string queryJson, SharedScreening result) => JsonText.Object(w =>
    {
        w.WriteString("purpose", purpose);
        w.WritePropertyName("query");
        w.WriteRawValue(queryJson, skipInputValidation: true);
        w.WriteStartArray("results");
        foreach (var hit in result.Response.Results)
        {
            w.WriteStartObject();
            w.WriteString("id", hit.Entity.Id);
            w.WriteNumber("score", hit.Score);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("referrals");
        foreach (var r in result.Referrals)
        {
            w.WriteStartObject();
            w.WriteString("reference", r.Reference);
            w.WriteString("owner", r.Owner);
            w.WriteString("band", r.Band);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    });
}
