using System.Security.Cryptography;

namespace Cordon.Screening;

/// <summary>
/// Which matcher answered: the engine's version and a hash of the name data it carries (variants, translations,
/// frequencies…), so that an auditor can tell two answers apart that the same version gave with different data.
/// </summary>
public static class MatcherVersion
{
    private static readonly Lazy<string> Value = new(Compute);

    /// <summary>For example <c>1.0.0+data.3f9a1c22b0de</c>.</summary>
    public static string Current => Value.Value;

    private static string Compute()
    {
        var assembly = typeof(MatcherVersion).Assembly;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var name in assembly.GetManifestResourceNames().Order(StringComparer.Ordinal))
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(name + "\n"));
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            hash.AppendData(copy.GetBuffer(), 0, (int)copy.Length);
        }

        var version = assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        return $"{version}+data.{Convert.ToHexStringLower(hash.GetHashAndReset().AsSpan(0, 6))}";
    }
}
