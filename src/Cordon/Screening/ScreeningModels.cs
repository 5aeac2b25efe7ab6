using Cordon.Model;

namespace Cordon.Screening;

/// <summary>A screening query: a name and optional facts that adjust the score.</summary>
public sealed record ScreeningQuery(string Name, string? BirthDate = null, string? Country = null, string? Schema = null)
{
    /// <summary>How many results to return at most.</summary>
    public int Limit { get; init; } = 10;

    /// <summary>Document and registration numbers (passport, national id, IMO…); one equal to the entity's raises the score.</summary>
    public IReadOnlyList<string> Identifiers { get; init; } = [];

    /// <summary>The lowest score returned; <see cref="Screener.DefaultThreshold"/> when not set.</summary>
    public double? Threshold { get; init; }
}

/// <summary>One line of a result's explanation: a factor, what it did to the score, and the evidence in words.</summary>
public sealed record ExplanationItem(string Factor, double Effect, string Detail);

/// <summary>One aligned pair of name parts: query part, entity part and their similarity.</summary>
public sealed record PartMatch(string QueryPart, string EntityPart, double Similarity);

/// <summary>A screening result: the entity, its calibrated score, the name that matched and why.</summary>
public sealed record ScreeningHit(
    Entity Entity,
    double Score,
    double NameScore,
    string MatchedName,
    string MatchedProperty,
    IReadOnlyList<PartMatch> Parts,
    IReadOnlyList<ExplanationItem> Explanation);

/// <summary>The results of one query.</summary>
public sealed record ScreeningResponse(ScreeningQuery Query, double Threshold, IReadOnlyList<ScreeningHit> Results);
