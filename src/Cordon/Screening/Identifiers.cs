using Cordon.Model;

namespace Cordon.Screening;

/// <summary>
/// Document and registration numbers as screening facts. Numbers are compared by their letters and digits only
/// (<c>A-123 456</c> = <c>a123456</c>). An equal number raises the score of a name match; a different one lowers
/// nothing, since people hold several documents and lists record few of them.
/// </summary>
internal static class Identifiers
{
    /// <summary>What an equal number adds.</summary>
    public const double MatchEffect = 0.15;

    public static string[] Normalize(IReadOnlyList<string> identifiers)
    {
        if (identifiers.Count == 0)
        {
            return [];
        }

        var result = new List<string>(identifiers.Count);
        foreach (var identifier in identifiers)
        {
            var key = Key(identifier);
            if (key.Length < 4)
            {
                throw new ModelException("identifiers", $"'{identifier}' has fewer than 4 letters and digits: too short to tell anyone apart");
            }

            if (!result.Contains(key, StringComparer.Ordinal))
            {
                result.Add(key);
            }
        }

        return [.. result];
    }

    public static double Effect(string[] identifiers, Entity entity, List<ExplanationItem>? explanation)
    {
        if (identifiers.Length == 0)
        {
            return 0;
        }

        foreach (var property in entity.Schema.Properties)
        {
            if (property.Type != PropertyType.Identifier)
            {
                continue;
            }

            foreach (var value in entity.Get(property.Name))
            {
                if (Array.IndexOf(identifiers, Key(value)) >= 0)
                {
                    explanation?.Add(new("identifier", MatchEffect, $"{property.Name} {value} is one of the query's numbers"));
                    return MatchEffect;
                }
            }
        }

        explanation?.Add(new("identifier", 0, "no number in common"));
        return 0;
    }

    private static string Key(string value)
    {
        Span<char> buffer = value.Length <= 128 ? stackalloc char[value.Length] : new char[value.Length];
        var length = 0;
        foreach (var c in value)
        {
            if (char.IsLetterOrDigit(c))
            {
                buffer[length++] = char.ToUpperInvariant(c);
            }
        }

        return new string(buffer[..length]);
    }
}
