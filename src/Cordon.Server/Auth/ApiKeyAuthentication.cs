using System.Collections.Concurrent;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Cordon.Sharing;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Cordon.Server.Auth;

/// <summary>
/// <c>Authorization: Bearer cordon_…</c>: the key is hashed and looked up (the store keeps only hashes). A key, once
/// found, is trusted for <see cref="ServerOptions.KeyCacheSeconds"/> before it is looked up again, so a revocation made
/// on the command line takes effect within that time without a database read on every request.
/// </summary>
public sealed class ApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    ServerState state,
    KeyCache cache,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, loggerFactory, encoder)
{
    public const string SchemeName = "Bearer";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (header.Length == 0)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.Fail("the Authorization header must be 'Bearer <key>'"));
        }

        var secret = header[7..].Trim();
        if (!ApiKeys.LooksLikeKey(secret))
        {
            return Task.FromResult(AuthenticateResult.Fail("not a Cordon API key"));
        }

        var key = cache.Find(secret, state);
        if (key is null)
        {
            return Task.FromResult(AuthenticateResult.Fail("unknown API key"));
        }

        if (key.IsRevoked)
        {
            LogMessages.RevokedKey(Logger, key.Id, key.Agency);
            return Task.FromResult(AuthenticateResult.Fail("this API key was revoked"));
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimNames.Agency, key.Agency), new Claim(ClaimNames.Key, key.Id), new Claim(ClaimNames.Role, Roles.Name(key.Role))],
            SchemeName);
        var principal = new ClaimsPrincipal(identity);
        Context.Items[typeof(Asker)] = new Asker(key.Agency, key.Id, key.Role, key.Purpose);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync().ConfigureAwait(false);
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails =
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "Unauthorized",
                Detail = result.Failure?.Message ?? "send an API key as 'Authorization: Bearer <key>'",
            },
        }).ConfigureAwait(false);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        var asker = Context.Items[typeof(Asker)] as Asker;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails =
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "Forbidden",
                Detail = asker is null ? "this key may not do that" : $"a {Roles.Name(asker.Role)} key may not do that",
            },
        }).ConfigureAwait(false);
    }
}

/// <summary>The claims a key's principal carries.</summary>
public static class ClaimNames
{
    public const string Agency = "cordon:agency";
    public const string Key = "cordon:key";
    public const string Role = "cordon:role";
}

/// <summary>Keys looked up recently, by the hash of their secret, each trusted until its time is up.</summary>
public sealed class KeyCache(IOptions<ServerOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, (ApiKey Key, long Until)> _keys = new(StringComparer.Ordinal);
    private readonly long _ttl = (long)(options.Value.KeyCacheSeconds * time.TimestampFrequency);

    public ApiKey? Find(string secret, ServerState state)
    {
        var now = time.GetTimestamp();
        if (_ttl > 0 && _keys.TryGetValue(secret, out var cached) && cached.Until > now)
        {
            return cached.Key;
        }

        var key = state.Store.FindKey(ApiKeys.Hash(secret));
        if (key is not null && _ttl > 0)
        {
            if (_keys.Count > 100_000)
            {
                _keys.Clear();
            }

            _keys[secret] = (key, now + _ttl);
        }

        return key;
    }
}

/// <summary>The role policies: each role includes those below it.</summary>
public static class Policies
{
    public const string Screener = "screener";
    public const string Analyst = "analyst";
    public const string Admin = "admin";

    public static void Add(Microsoft.AspNetCore.Authorization.AuthorizationOptions options)
    {
        foreach (var role in Enum.GetValues<Role>())
        {
            options.AddPolicy(Roles.Name(role), policy => policy.RequireAuthenticatedUser().RequireAssertion(context =>
                context.User.FindFirst(ClaimNames.Role)?.Value is { } name && Roles.Parse(name) >= role));
        }

        options.FallbackPolicy = options.GetPolicy(Screener);
    }

    /// <summary>The asker of an authenticated request.</summary>
    public static Asker Asker(this HttpContext context) =>
        context.Items[typeof(Asker)] as Asker ?? throw new InvalidOperationException("the request was not authenticated");
}
