using System.Security.Cryptography;
using System.Text;

namespace Cordon.Sharing;

/// <summary>
/// An API key as stored: never the secret, only who it speaks for, its role and whether it still works. A key may carry
/// a standing <see cref="Purpose"/>, used for requests that state none (clients of the yente-compatible API cannot).
/// </summary>
public sealed record ApiKey(string Id, string Agency, Role Role, string Label, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt, string? Purpose = null)
{
    public bool IsRevoked => RevokedAt is not null;
}

/// <summary>A key just made: the secret (shown once, then gone) and what is stored of it.</summary>
public sealed record NewApiKey(string Secret, byte[] Hash, ApiKey Key);

/// <summary>
/// Key secrets are 32 random bytes, written <c>cordon_</c> + base64url. The store keeps only their SHA-256: a leaked
/// database gives no usable key, and a lookup is one hash and one index probe. The id, shown in lists and the audit
/// trail, is taken from the hash, so it names the key without revealing any of the secret.
/// </summary>
public static class ApiKeys
{
    public const string Prefix = "cordon_";

    public static NewApiKey Create(string agency, Role role, string? label, DateTimeOffset now, string? purpose = null)
    {
        if (!Sharing.Agency.IsValidCode(agency))
        {
            throw new Model.ModelException("agency", $"invalid agency code '{agency}'");
        }

        var secret = Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var hash = Hash(secret);
        return new NewApiKey(secret, hash, new ApiKey(IdOf(hash), agency, role, label?.Trim() ?? "", now, null,
            string.IsNullOrWhiteSpace(purpose) ? null : purpose.Trim()));
    }

    /// <summary>The stored form of a presented secret.</summary>
    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    /// <summary>A presented secret that cannot be a key is refused before any lookup.</summary>
    public static bool LooksLikeKey(string? secret) => secret is not null && LooksLikeKey(secret.AsSpan());

    /// <inheritdoc cref="LooksLikeKey(string?)"/>
    public static bool LooksLikeKey(ReadOnlySpan<char> secret) =>
        secret.Length == 50 && secret.StartsWith(Prefix, StringComparison.Ordinal)
        && secret[Prefix.Length..].IndexOfAnyExcept(Base64UrlAlphabet) < 0;

    private static string IdOf(byte[] hash) => "key_" + Convert.ToHexStringLower(hash.AsSpan(0, 6));

    private static readonly System.Buffers.SearchValues<char> Base64UrlAlphabet =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
