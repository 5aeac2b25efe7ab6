using System.Globalization;
using Cordon.Model;
using Cordon.Names;

namespace Cordon.Screening;

/// <summary>
/// Screens a query against the index: finds candidate names, scores each by name, keeps each entity's best name, then
/// lets the other facts adjust the score (birth date, country). Facts only adjust: they never lift a name that is below
/// the threshold over it. Every result says which name matched which and what each fact contributed.
/// </summary>
/// <param name="index">The candidate index to screen against.</param>
/// <param name="cachedNames">
/// How many distinct query names to remember the name matches of, per cache generation (0: none). Batch screening
/// sets it; the facts of each query are applied afresh either way, so the results are the same.
/// </param>
public sealed partial class Screener(ScreeningIndex index, int cachedNames = 0)
{
    /// <summary>
    /// Each name's matches before the facts, for <c>cachedNames</c> names a generation (none when 0): a batch screens the
    /// same name many times (a list of customers, a list of travellers), and the facts of each row still apply.
    /// </summary>
    private readonly GenerationalCache<(string Name, string? Schema, double Threshold, int Limit), NameMatch[]>? _names =
        cachedNames > 0 ? new(cachedNames) : null;

    /// <summary>The default lowest score reported as a hit.</summary>
    public const double DefaultThreshold = 0.70;

    private const double WeakAliasFactor = 0.95;

    /// <summary>
    /// The thresholds a common name is first asked of the index at, when only the best few are wanted: the best ten of
    /// a common name's hits mostly score 0.8 or more, and the names that could reach 0.9 are a fraction of those that
    /// could reach 0.7.
    /// </summary>
    private static readonly double[] Probes = [0.9, 0.8];

    private static readonly string[] CountryProperties = ["country", "nationality", "citizenship", "birthCountry", "jurisdiction", "mainCountry", "flag"];

    public ScreeningIndex Index => index;

    /// <summary>
    /// Screens one query. With <paramref name="exhaustive"/> every name in the index is scored instead of the
    /// candidates the index proposes: the brute-force reference that index recall is measured against.
    /// </summary>
    public ScreeningResponse Screen(ScreeningQuery query, bool exhaustive = false)
    {
        var response = ScreenIndex(query, exhaustive);
        return _layer is null ? response : _layer.Merge(response, query, exhaustive);
    }

    /// <summary>Screens the index alone, leaving out the entities a layer of changes replaced or withdrew.</summary>
    private ScreeningResponse ScreenIndex(ScreeningQuery query, bool exhaustive)
    {
        var threshold = query.Threshold ?? DefaultThreshold;
        Schema? schema = null;
        if (query.Schema is not null)
        {
            schema = Schemata.Find(query.Schema) ?? throw new ModelException("schema", $"unknown schema '{query.Schema}'");
        }

        string? birthDate = null;
        if (!string.IsNullOrWhiteSpace(query.BirthDate))
        {
            birthDate = Dates.TryNormalize(query.BirthDate, out var date)
                ? date[..Math.Min(10, date.Length)]
                : throw new ModelException("birthDate", $"invalid date '{query.BirthDate}': expected YYYY, YYYY-MM or YYYY-MM-DD");
        }

        string? country = null;
        if (!string.IsNullOrWhiteSpace(query.Country))
        {
            country = Countries.TryNormalize(query.Country, out var code)
                ? code
                : throw new ModelException("country", $"unknown country '{query.Country}'");
        }

        var identifiers = Identifiers.Normalize(query.Identifiers);

        // Without facts a name's score is its final score, so only the names that can be among the best few need scoring.
        var limit = birthDate is null && country is null && identifiers.Length == 0 && query.Limit >= 1 ? query.Limit : int.MaxValue;
        var matches = exhaustive || _names is null
            ? NameMatches(query.Name, schema, threshold, exhaustive, limit)
            : _names.GetOrAdd((query.Name, schema?.Name, threshold, limit), key => NameMatches(key.Name, schema, key.Threshold, exhaustive: false, key.Limit));
        if (matches.Length == 0)
        {
            return new ScreeningResponse(query, threshold, []);
        }

        // Scores first, words after: a common name can have hundreds of hits, and only the best few are returned.
        var scored = new List<(double Score, int Match)>(matches.Length);
        for (var m = 0; m < matches.Length; m++)
        {
            var entity = index.Entities[matches[m].EntityIndex].Entity;
            var score = Math.Clamp(matches[m].Score + BirthDateEffect(birthDate, entity, null) + CountryEffect(country, entity, null)
                + Identifiers.Effect(identifiers, entity, null), 0, 1);
            if (score >= threshold)
            {
                scored.Add((Math.Round(score, 4), m));
            }
        }

        var ordered = new List<ScreeningHit>();
        foreach (var (score, m) in scored
            .OrderByDescending(h => h.Score)
            .ThenBy(h => index.Entities[matches[h.Match].EntityIndex].Entity.Id, StringComparer.Ordinal)
            .Take(Math.Max(0, query.Limit)))
        {
            var (entityIndex, _, nameScore, name, pairs, _, _) = matches[m];
            var entity = index.Entities[entityIndex].Entity;
            var explanation = new List<ExplanationItem>
            {
                new("name", Math.Round(nameScore, 4), $"'{query.Name}' ~ {name.Property} '{name.Name.Original}'"),
            };
            BirthDateEffect(birthDate, entity, explanation);
            CountryEffect(country, entity, explanation);
            Identifiers.Effect(identifiers, entity, explanation);
            ordered.Add(new ScreeningHit(entity, score, Math.Round(nameScore, 4), name.Name.Original, name.Property, pairs, explanation));
        }

        return new ScreeningResponse(query, threshold, ordered);
    }

    /// <summary>
    /// Each entity's best-scoring name at or above the threshold, by name alone; with a <paramref name="limit"/>, only
    /// as many as can still be among that many best entities. Candidates are then scored from the highest upper bound
    /// down, and the rest is left once no bound reaches the current last of the best: the answer is the same, a common
    /// name with hundreds of hits just costs less.
    /// </summary>
    private NameMatch[] NameMatches(string name, Schema? schema, double threshold, bool exhaustive, int limit = int.MaxValue)
    {
        var passes = Passes(name, schema);
        if (passes.Count == 0)
        {
            // Nothing to match (empty, punctuation only): a well-defined empty result on every path.
            return [];
        }

        var best = new Dictionary<int, NameMatch>();
        var prune = !exhaustive && limit < int.MaxValue;
        var bounds = prune ? new List<double>() : null;
        var top = prune ? new SortedSet<(double Score, int Entity)>() : null;
        // Two readings with the same parts in another order ("GARCIA, Fredy" as a person's, "GARCIA Fredy" as an
        // organisation's) have the same candidates but for names run together: the index is asked once, with both
        // run-together forms, and each kind is scored with its own reading.
        var shared = passes.Count == 2 && SameTable(passes[0].Name, passes[1].Name);
        var lastPass = shared ? 0 : passes.Count - 1;

        // A common name can be asked of the index first at a probe threshold (see ScreeningIndex.Candidates): when the
        // best few all reach it, no name below it can displace them. Each pass is asked again lower only while not.
        var complete = new double[lastPass + 1];
        Array.Fill(complete, double.PositiveInfinity);
        var lastAsked = -1;
        for (var rung = 0; ; rung++)
        {
            var probe = prune && rung < Probes.Length ? Probes[rung] : 0;
            for (var p = 0; p <= lastPass; p++)
            {
                if (complete[p] <= threshold)
                {
                    continue;
                }

                var (prepared, only) = passes[p];
                // The index returns every name that could reach the threshold; the brute-force path scores them all.
                IReadOnlyList<int> candidates;
                if (exhaustive)
                {
                    candidates = Enumerable.Range(0, index.Names.Count).ToArray();
                    complete[p] = threshold;
                }
                else
                {
                    candidates = index.Candidates(prepared, threshold, shared ? passes[1].Name.Joined : null, bounds, shared ? null : only, probe, out complete[p]);
                    lastAsked = p;
                }

                ScoreCandidates(p, prepared, only, candidates);
            }

            var floor = complete.Max();
            if (floor <= threshold || (top!.Count >= limit && floor <= top.Min.Score - 1e-4))
            {
                break;
            }
        }

        void ScoreCandidates(int p, PreparedName prepared, bool? only, IReadOnlyList<int> candidates)
        {
            // With bounds the candidates come highest bound first.
            for (var k = 0; k < candidates.Count; k++)
            {
                if (prune && top!.Count >= limit && bounds![k] < top.Min.Score - 1e-4)
                {
                    // Scores are rounded to four places: a bound this far below the last of the best cannot even tie it.
                    break;
                }

                var listed = index.Names[candidates[k]];
                if (_layer is { } layer && layer.Hides(listed.EntityIndex))
                {
                    continue;
                }

                var indexed = index.Entities[listed.EntityIndex];
                if (schema is not null && !Compatible(schema, indexed.Entity.Schema))
                {
                    continue;
                }

                // Scored without the part pairs: only the names that end up reported need them (below).
                double score;
                var reading = prepared;
                if (only is { } organisations && indexed.Organisation != organisations)
                {
                    if (!shared)
                    {
                        continue;
                    }

                    // The other kind, scored with the other reading.
                    reading = passes[1].Name;
                    score = NameScorer.Score(reading, listed.Name, null, withPairs: false).Score;
                }
                else
                {
                    score = exhaustive ? NameScorer.Score(prepared, listed.Name, null, withPairs: false).Score : index.Score(prepared, candidates[k], withPairs: false).Score;
                }

                if (listed.Property == "weakAlias")
                {
                    score *= WeakAliasFactor;
                }

                if (score < threshold)
                {
                    // Facts never lift a name below the threshold, so it cannot become a hit.
                    continue;
                }

                // Of an entity's names that score the same, the first listed is reported, in whatever order they came.
                var known = best.TryGetValue(listed.EntityIndex, out var current);
                if (!known || score > current.Score || (score == current.Score && candidates[k] < current.NameId))
                {
                    best[listed.EntityIndex] = new NameMatch(listed.EntityIndex, candidates[k], score, listed, [], reading, exhaustive || reading != prepared ? -1 : p);
                    if (top is not null)
                    {
                        top.Remove((current.Score, listed.EntityIndex));
                        top.Add((score, listed.EntityIndex));
                        if (top.Count > limit)
                        {
                            top.Remove(top.Min);
                        }
                    }
                }
            }
        }

        // The part pairs of the names that can be reported: with a limit the best few and whatever ties the last of them
        // once rounded (the report breaks ties by entity id), else every hit (facts may still reorder them). A name
        // scored with the index's last plan is scored again with it; any other from its parts.
        var reportable = top is { } kept && kept.Count >= limit ? Math.Round(kept.Min.Score, 4) : double.NegativeInfinity;
        var matches = best.Values.ToArray();
        for (var m = 0; m < matches.Length; m++)
        {
            var match = matches[m];
            if (Math.Round(match.Score, 4) >= reportable)
            {
                var pairs = match.Pass < 0 || match.Pass != lastAsked
                    ? NameScorer.Score(match.Reading, match.Name.Name).Pairs
                    : index.Score(match.Reading, match.NameId).Pairs;
                matches[m] = match with { Pairs = pairs };
            }
        }

        return matches;
    }

    /// <summary>An entity's best name for a query name, with its score and part pairs.</summary>
    /// <param name="EntityIndex">The entity's position in the index.</param>
    /// <param name="NameId">The name's position in the index.</param>
    /// <param name="Score">The name score.</param>
    /// <param name="Name">The listed name.</param>
    /// <param name="Pairs">The part pairs, filled in for the names reported only.</param>
    /// <param name="Reading">The query reading the name was scored with.</param>
    /// <param name="Pass">
    /// The pass whose index plan scored it, or -1 when it was scored from its parts (brute force, the other reading):
    /// only a name of the pass the index was asked last can have its pairs listed with the index's plan.
    /// </param>
    private readonly record struct NameMatch(int EntityIndex, int NameId, double Score, ScreeningIndex.IndexedName Name, List<PartMatch> Pairs, PreparedName Reading, int Pass);

    /// <summary>
    /// The query name prepared for scoring, each with the kind of entity it is scored against (null: all). A person
    /// schema reads the name as a person's, an organisation schema as an organisation's (legal forms). With no schema or
    /// LegalEntity the name could be either: when reading it as an organisation's changes it ("BOYLE CHEMICAL CO., LTD."),
    /// people are scored with one reading and organisations with the other.
    /// </summary>
    private static List<(PreparedName Name, bool? Organisations)> Passes(string name, Schema? schema)
    {
        var either = schema is null || schema.Name.Equals("LegalEntity", StringComparison.Ordinal);
        var asPerson = either || schema!.IsA("Person") ? new PreparedName(name, false) : null;
        if (either && asPerson is not null && !ReadsDifferently(name, asPerson))
        {
            return asPerson.Parts.Length == 0 ? [] : [(asPerson, null)];
        }

        var asOrganisation = either ? new PreparedName(name, true) : asPerson is null ? new PreparedName(name, true) : null;
        if (asPerson is { Parts.Length: 0 } || asOrganisation is { Parts.Length: 0 })
        {
            return [];
        }

        if (asPerson is not null && asOrganisation is not null)
        {
            return asPerson.Parts.SequenceEqual(asOrganisation.Parts, StringComparer.Ordinal) && asPerson.Kinds.SequenceEqual(asOrganisation.Kinds)
                ? [(asPerson, null)]
                : [(asPerson, false), (asOrganisation, true)];
        }

        return [((asPerson ?? asOrganisation)!, null)];
    }

    /// <summary>
    /// Whether reading the name as an organisation's could give other parts or kinds than <paramref name="asPerson"/>:
    /// only through a comma (people are written "FAMILY, Given"), a legal form, or a part classified otherwise.
    /// </summary>
    private static bool ReadsDifferently(string name, PreparedName asPerson)
    {
        if (name.Contains(',', StringComparison.Ordinal) || LegalForms.MayContain(asPerson.Parts))
        {
            return true;
        }

        for (var i = 0; i < asPerson.Parts.Length; i++)
        {
            if (NameParts.Classify(asPerson.Parts, i, organisation: true) != asPerson.Kinds[i])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether two readings hold the same parts, joined pairs, kinds and weights, in whatever order.</summary>
    private static bool SameTable(PreparedName a, PreparedName b)
    {
        if (a.Table.Length != b.Table.Length || a.Parts.Length != b.Parts.Length)
        {
            return false;
        }

        static IEnumerable<(string, bool, NamePartKind, double)> Entries(PreparedName n) =>
            n.Table.Select((t, i) => (t, n.TableWords[i], i < n.Parts.Length ? n.Kinds[i] : NamePartKind.Word, i < n.Parts.Length ? n.Weights[i] : -1.0))
                .OrderBy(e => e.t, StringComparer.Ordinal).ThenBy(e => e.Item4);
        return Entries(a).SequenceEqual(Entries(b));
    }

    private static bool Compatible(Schema query, Schema entity) => entity.IsA(query.Name) || query.IsA(entity.Name);

    private static double BirthDateEffect(string? queryDate, Entity entity, List<ExplanationItem>? explanation)
    {
        if (string.IsNullOrEmpty(queryDate))
        {
            return 0;
        }

        var dates = entity.Get("birthDate");
        if (dates.Count == 0)
        {
            explanation?.Add(new("birthDate", 0, "no birth date on record"));
            return 0;
        }

        foreach (var date in dates)
        {
            var common = Math.Min(date.Length, queryDate.Length);
            if (string.CompareOrdinal(date, 0, queryDate, 0, common) == 0)
            {
                var effect = common >= 10 ? 0.05 : 0.02;
                explanation?.Add(new("birthDate", effect, $"{queryDate} matches {date}"));
                return effect;
            }
        }

        var queryYear = Year(queryDate);
        foreach (var date in dates)
        {
            if (queryYear is { } qy && Year(date) is { } ey && Math.Abs(qy - ey) <= 1)
            {
                explanation?.Add(new("birthDate", -0.02, $"{queryDate} is within a year of {date}"));
                return -0.02;
            }
        }

        explanation?.Add(new("birthDate", -0.15, $"{queryDate} differs from {string.Join(", ", dates)}"));
        return -0.15;
    }

    private static int? Year(string date) =>
        date.Length >= 4 && int.TryParse(date.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) ? year : null;

    private static double CountryEffect(string? queryCountry, Entity entity, List<ExplanationItem>? explanation)
    {
        if (string.IsNullOrEmpty(queryCountry))
        {
            return 0;
        }

        var known = CountryProperties.SelectMany(entity.Get).Distinct(StringComparer.Ordinal).ToList();
        if (known.Count == 0)
        {
            explanation?.Add(new("country", 0, "no country on record"));
            return 0;
        }

        if (known.Contains(queryCountry, StringComparer.Ordinal))
        {
            explanation?.Add(new("country", 0.03, $"{queryCountry} is linked to the entity"));
            return 0.03;
        }

        explanation?.Add(new("country", -0.05, $"{queryCountry} is not among {string.Join(", ", known)}"));
        return -0.05;
    }
}
