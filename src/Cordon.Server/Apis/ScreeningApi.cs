using System.Text.Json;
using Cordon.Model;
using Cordon.Screening;
using Cordon.Server.Auth;
using Cordon.Sharing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Cordon.Server.Apis;

/// <summary><c>POST /v1/screen</c>: one query against everything the asker may see, audited before it is answered.</summary>
public static class ScreeningApi
{
    /// <summary>Most results one query may ask for.</summary>
    public const int MaxLimit = 100;

    /// <summary>Longest name or purpose.</summary>
    public const int MaxTextLength = 500;

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
        var asker = context.Asker();
        var job = ToJob(request, asker, ReviewOrigins.Screen);
        var view = state.View;
        var now = state.Time.GetUtcNow();
        var outcome = ScreeningRun.Run(state, view, asker, job, now);
        var seq = await ScreeningRun.AuditAsync(state, asker, now, outcome, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(Answer(request, outcome, view, seq));
    }

    /// <summary>A checked request as the screening path's job: the engine's query, its subject and purpose (the key's standing purpose when the request gives none).</summary>
    internal static ScreeningJob ToJob(ScreenRequest request, Asker asker, string origin)
    {
        var (query, purpose) = ToQuery(request with { Purpose = string.IsNullOrWhiteSpace(request.Purpose) ? asker.Purpose : request.Purpose });
        if (request.Subject is { Length: > ReviewKeys.MaxSubjectLength })
        {
            throw new ModelException("subject", $"longer than {ReviewKeys.MaxSubjectLength} characters");
        }

        var subject = ReviewKeys.Subject(request.Subject, query.Name, query.BirthDate, query.Country, query.Schema);
        return new ScreeningJob(subject, query, purpose, JsonSerializer.Serialize(request, ApiJson.Default.ScreenRequest), origin);
    }

    internal static ScreenAnswer Answer(ScreenRequest request, ScreeningOutcome outcome, SharedView view, long seq) =>
        new(request, outcome.Job.Subject, outcome.Result.Response.Threshold, Hits(outcome, view), Referrals(outcome), outcome.Suppressed, seq);

    /// <summary>Checks a request and turns it into the engine's query; every refusal names its field.</summary>
    internal static (ScreeningQuery Query, string Purpose) ToQuery(ScreenRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.Name))
        {
            throw new ModelException("name", "missing: the name to screen");
        }

        if (request.Name.Length > MaxTextLength)
        {
            throw new ModelException("name", $"longer than {MaxTextLength} characters");
        }

        if (string.IsNullOrWhiteSpace(request.Purpose))
        {
            throw new ModelException("purpose", "missing: say why this query is made (it is audited, and shown to owners of hit-no-hit records)");
        }

        if (request.Purpose.Length > MaxTextLength)
        {
            throw new ModelException("purpose", $"longer than {MaxTextLength} characters");
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

    internal static List<ScreenHit> Hits(ScreeningOutcome outcome, SharedView view) =>
        outcome.Result.Response.Results.Select((hit, i) => new ScreenHit(hit.Entity.Id, hit.Entity.Schema.Name, hit.Entity.Caption, hit.Entity.Dataset ?? "",
            view.Handling.OwnerOf(hit.Entity) ?? "", hit.Score, hit.NameScore, hit.MatchedName, hit.MatchedProperty, hit.Explanation, hit.Parts,
            outcome.HitReviews[i])).ToList();

    internal static List<ReferralDto> Referrals(ScreeningOutcome outcome) =>
        outcome.Result.Referrals.Select((r, i) => new ReferralDto(r.Reference, r.Owner, r.Band, outcome.ReferralReviews[i])).ToList();
}
