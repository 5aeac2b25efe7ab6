using Cordon.Server.Auth;
using Cordon.Sharing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cordon.Server.Apis;

/// <summary>Liveness (<c>/healthz</c>), readiness (<c>/readyz</c>) and who a key speaks for (<c>/v1/me</c>).</summary>
public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => TypedResults.Ok(new Readiness("ok", 0, 0))).WithTags("Health").WithName("Health")
            .WithSummary("The process is up.").AllowAnonymous();
        app.MapGet("/readyz", Ready).WithTags("Health").WithName("Ready")
            .WithSummary("The lists are loaded and screening can be answered.").ProducesProblem(503).AllowAnonymous();
        app.MapGet("/v1/me", (HttpContext context) =>
        {
            var asker = context.Asker();
            return TypedResults.Ok(new WhoAmI(asker.Agency, asker.Key, Roles.Name(asker.Role)));
        }).WithTags("Health").WithName("WhoAmI").WithSummary("The agency, key and role of the key sent.").RequireAuthorization(Policies.Screener);
        return app;
    }

    internal static Results<Ok<Readiness>, ProblemHttpResult> Ready(ServerState state) => state.IsReady
        ? TypedResults.Ok(new Readiness("ready", state.View.Generation, state.View.Screener.EntityCount))
        : TypedResults.Problem(statusCode: 503, title: "Service Unavailable", detail: "the lists are still loading");
}
