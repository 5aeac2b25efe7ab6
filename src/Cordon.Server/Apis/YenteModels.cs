using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cordon.Server.Apis;

/// <summary>
/// yente's match request: example entities by the client's own keys (<c>weights</c> and <c>config</c> are refused when
/// set). Every field name of the yente shapes is one word, so the API's camelCase is yente's snake_case; fields Cordon
/// does not know are passed over in requests, as yente does.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Skip)]
public sealed record YenteMatchQuery(
    Dictionary<string, YenteExample?>? Queries,
    Dictionary<string, double>? Weights = null,
    Dictionary<string, JsonElement>? Config = null);

/// <summary>An FtM example entity: a schema and properties (each a string or a list of strings); an entity as the API returns it also does.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Skip)]
public sealed record YenteExample(string? Id, string? Schema, Dictionary<string, JsonElement>? Properties);

/// <summary>An entity in yente's shape.</summary>
public sealed record YenteEntity(
    string Id,
    string Caption,
    string Schema,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Properties,
    IReadOnlyList<string> Datasets,
    IReadOnlyList<string> Referents,
    bool Target);

/// <summary>A scored result in yente's shape (the entity's fields, then score, match and features), with Cordon's review item.</summary>
public sealed record YenteResult(
    [property: JsonIgnore] YenteEntity Entity,
    double Score,
    bool Match,
    IReadOnlyDictionary<string, double> Features,
    ReviewRef? Review)
{
    public string Id => Entity.Id;

    public string Caption => Entity.Caption;

    public string Schema => Entity.Schema;

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Properties => Entity.Properties;

    public IReadOnlyList<string> Datasets => Entity.Datasets;

    public IReadOnlyList<string> Referents => Entity.Referents;

    public bool Target => Entity.Target;
}

/// <summary>How many results, as yente counts them.</summary>
public sealed record YenteTotal(int Value, string Relation);

/// <summary>The answer to one example: its results, their count, the example as read, and Cordon's hit-no-hit referrals.</summary>
public sealed record YenteMatches(int Status, IReadOnlyList<YenteResult> Results, YenteTotal Total, YenteExample Query, IReadOnlyList<ReferralDto> Referrals);

/// <summary>What one feature of the score means.</summary>
public sealed record YenteFeatureDoc(string Description, double Coefficient, string? Url);

/// <summary>yente's match response.</summary>
public sealed record YenteMatchResponse(IReadOnlyDictionary<string, YenteMatches> Responses, IReadOnlyDictionary<string, YenteFeatureDoc> Matcher, int Limit);

/// <summary>One value of a facet and how many results have it.</summary>
public sealed record YenteFacetItem(string Name, string Label, int Count);

/// <summary>A facet of the search results.</summary>
public sealed record YenteFacet(string Label, IReadOnlyList<YenteFacetItem> Values);

/// <summary>yente's search response, with Cordon's hit-no-hit referrals.</summary>
public sealed record YenteSearchResponse(
    int Limit,
    int Offset,
    YenteTotal Total,
    IReadOnlyList<YenteEntity> Results,
    IReadOnlyDictionary<string, YenteFacet> Facets,
    IReadOnlyList<ReferralDto> Referrals);
