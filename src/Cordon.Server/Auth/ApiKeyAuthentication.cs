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

        var secret = header.AsSpan(7).Trim();
        if (!ApiKeys.LooksLikeKey(secret))
        {
            return Task.FromResult(AuthenticateResult.Fail("not a Cordon API key"));
        }

        var found = cache.Find(secret, state);
        if (found is null)
        {
            return Task.FromResult(AuthenticateResult.Fail("unknown API key"));
        }

        var key = found.Key;
        if (key.IsRevoked)
        {
            LogMessages.RevokedKey(Logger, key.Id, key.Agency);
            return Task.FromResult(AuthenticateResult.Fail("this API key was revoked"));
        }

        Context.Items[typeof(Asker)] = found.Asker;
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(found.Principal, SchemeName)));
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

/// <summary>
/// A stored key as requests see it: the key, the asker it makes of a request and its principal (agency, key id and
/// role claims). Made once per lookup and shared by the requests that present the key while it is cached; nothing
/// changes a principal after authentication.
/// </summary>
public sealed class KnownKey
{
    public KnownKey(ApiKey key)
    {
        Key = key;
        Asker = new Asker(key.Agency, key.Id, key.Role, key.Purpose);
        Principal = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimNames.Agency, key.Agency), new Claim(ClaimNames.Key, key.Id), new Claim(ClaimNames.Role, Roles.Name(key.Role))],
            ApiKeyAuthentication.SchemeName));
    }

    public ApiKey Key { get; }

    public Asker Asker { get; }

    public ClaimsPrincipal Principal { get; }
}

/// <summary>Keys looked up recently, by their secret, each trusted until its time is up.</summary>
public sealed class KeyCache(IOptions<ServerOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, (KnownKey Key, long Until)> _keys = new(StringComparer.Ordinal);
    private readonly long _ttl = (long)(options.Value.KeyCacheSeconds * time.TimestampFrequency);

    public KnownKey? Find(ReadOnlySpan<char> secret, ServerState state)
    {
        var now = time.GetTimestamp();
        if (_ttl > 0 && _keys.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(secret, out var cached) && cached.Until > now)
        {
            return cached.Key;
        }

        var text = secret.ToString();
        var key = state.Store.FindKey(ApiKeys.Hash(text));
        if (key is null)
        {
            return null;
        }

        var known = new KnownKey(key);
        if (_ttl > 0)
        {
            if (_keys.Count > 100_000)
            {
                _keys.Clear();
            }

            _keys[text] = (known, now + _ttl);
        }

        return known;
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
