using Cordon.Model;

namespace Cordon.Sharing;

/// <summary>A member agency: it owns datasets, holds API keys and is named in handling rules and the audit trail.</summary>
public sealed record Agency(string Code, string Name, string Country, DateTimeOffset CreatedAt)
{
    /// <summary>Codes are short and plain (<c>BKA</c>, <c>fiu-nl</c>): letters, digits and '-', at most 32; unique whatever their case.</summary>
    public static bool IsValidCode(string? code) =>
        !string.IsNullOrEmpty(code) && code.Length is >= 2 and <= 32 && char.IsAsciiLetterOrDigit(code[0])
        && code.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    /// <summary>
    /// An agency names its datasets <c>{code}_{name}</c> in lower case (<c>bka_persons</c>): codes hold no '_', so no two
    /// agencies can ask for the same name, and creating one tells nothing of another agency's datasets.
    /// </summary>
    public static bool OwnsDatasetName(string code, string dataset) =>
        dataset.Length > code.Length + 1 && dataset[code.Length] == '_'
        && dataset.AsSpan(0, code.Length).Equals(code.ToLowerInvariant(), StringComparison.Ordinal);

    /// <summary>Checks a new agency's fields; the country becomes its ISO code.</summary>
    public static Agency Create(string code, string name, string country, DateTimeOffset now)
    {
        if (!IsValidCode(code))
        {
            throw new ModelException("code", $"invalid agency code '{code}': 2-32 letters, digits or '-', starting with a letter or digit");
        }

        if (string.IsNullOrWhiteSpace(name) || name.Length > 200)
        {
            throw new ModelException("name", "an agency needs a name of 1-200 characters");
        }

        if (!Countries.TryNormalize(country, out var iso))
        {
            throw new ModelException("country", $"unknown country '{country}'");
        }

        return new Agency(code, name.Trim(), iso, now);
    }
}
