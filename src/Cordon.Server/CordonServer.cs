using System.Threading.RateLimiting;
using Cordon.Server.Apis;
using Cordon.Server.Auth;
using Microsoft.OpenApi;

namespace Cordon.Server;

/// <summary>Builds and wires the server: the one composition root, used by <c>cordon serve</c> and by the tests.</summary>
public static class CordonServer
{
    /// <summary>Builds the application from command-line style arguments (<c>--urls</c>, <c>--Db</c>…) and <c>CORDON_*</c> variables.</summary>
    public static WebApplication Build(string[] args, Action<ServerOptions>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Configuration.AddEnvironmentVariables("CORDON_");
        builder.Configuration.AddCommandLine(args);
        builder.Services.AddCordonServer(builder.Configuration, configure);
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(o =>
        {
            o.IncludeScopes = false;
            o.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
            o.UseUtcTimestamp = true;
        });
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        // Hosting writes only per-request information lines; enabled at any level, it opens a log scope and an activity
        // for every request, which the server never reads.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
        var app = builder.Build();
        app.UseCordonServer();
        return app;
    }

    /// <summary>Registers the server's services and options (bound from configuration: <c>CORDON_DB</c>, <c>CORDON_RATELIMIT</c>…).</summary>
    public static IServiceCollection AddCordonServer(this IServiceCollection services, IConfiguration configuration, Action<ServerOptions>? configure = null)
    {
        services.AddOptions<ServerOptions>().Bind(configuration).Configure(o => configure?.Invoke(o));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ServerState>();
        services.AddSingleton<KeyCache>();
        services.AddHostedService<ServerRefresher>();
        services.AddHostedService<ServerMonitor>();
        services.AddHostedService<ServerFollower>();
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJson.Default);
            o.SerializerOptions.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull;
            o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        });
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            // The same refusal must read the same, byte for byte, whoever asks and whatever exists: no trace id.
            context.ProblemDetails.Extensions.Remove("traceId");
        });
        services.AddExceptionHandler<CordonExceptionHandler>();
        // The core only: the full AddAuthentication brings data protection, whose key ring (for cookies this server never
        // issues) would be written under the user's home at every start.
        services.AddWebEncoders();
        services.AddAuthenticationCore(o =>
        {
            o.DefaultScheme = ApiKeyAuthentication.SchemeName;
            o.AddScheme<ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        });
        services.AddAuthorization(Policies.Add);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (context.Items[typeof(Sharing.Asker)] is not Sharing.Asker asker)
                {
                    return RateLimitPartition.GetNoLimiter("anonymous");
                }

                var settings = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<ServerOptions>>().Value;
                return RateLimitPartition.GetTokenBucketLimiter(asker.Key, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = Math.Max(1, settings.RateBurst),
                    TokensPerPeriod = Math.Max(1, settings.RateLimit / 10),
                    ReplenishmentPeriod = TimeSpan.FromMilliseconds(100),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            options.OnRejected = async (context, cancellationToken) =>
            {
                var asker = context.HttpContext.Items[typeof(Sharing.Asker)] as Sharing.Asker;
                LogMessages.RateLimited(context.HttpContext.RequestServices.GetRequiredService<ILogger<ServerState>>(), asker?.Key ?? "?");
                context.HttpContext.Response.Headers.RetryAfter = "1";
                await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails = { Status = 429, Title = "Too Many Requests", Detail = "this key's rate limit is reached; retry after a second" },
                }).ConfigureAwait(false);
            };
        });
        services.AddOpenApi("v1", o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "Cordon",
                Version = "v1",
                Description = "Counter-terrorism screening and information sharing. Every request but /healthz, /readyz and this "
                    + "document needs 'Authorization: Bearer <key>' (cordon key create).",
            };
            // Where a server runs is the client's business; the committed document must read the same wherever it was made.
            document.Servers = [];
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
            document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "An API key from 'cordon key create'.",
            };
            document.Security ??= [];
            document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", document)] = [] });
            return Task.CompletedTask;
        }));
        return services;
    }

    /// <summary>The pipeline and every endpoint.</summary>
    public static WebApplication UseCordonServer(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapHealthApi();
        app.MapScreeningApi();
        app.MapEntitiesApi();
        app.MapDatasetsApi();
        app.MapNotificationsApi();
        app.MapAuditApi();
        app.MapReviewApi();
        app.MapBatchApi();
        app.MapMonitoredApi();
        app.MapYenteApi();
        return app;
    }
}
