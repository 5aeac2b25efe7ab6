using Cordon.Model;
using Cordon.Screening;

namespace Cordon.Sharing;

/// <summary>A subject an agency keeps screening: the query, the purpose it is screened for, and who registered it.</summary>
public sealed record MonitoredSubject(
    string Agency,
    string Subject,
    string Name,
    string? BirthDate,
    string? Country,
    string? Schema,
    IReadOnlyList<string> Identifiers,
    string Purpose,
    string Key,
    DateTimeOffset CreatedAt)
{
    public ScreeningQuery Query(int limit = 10) => new(Name, BirthDate, Country, Schema) { Identifiers = Identifiers, Limit = limit };
}

/// <summary>
/// The monitored subjects as a screening index of their own, so that a change to the lists is screened against the
/// subjects rather than every subject against the lists: the names of each changed entity are looked up here, and only
/// the subjects they come near are screened again. A hit's name score is at least the threshold (facts only adjust a
/// name that passed), so a subject whose names are all further than that from every changed name cannot gain a hit;
/// <see cref="Margin"/> covers the scorer not being exactly symmetric between query and indexed name.
/// </summary>
public sealed class MonitorIndex
{
    /// <summary>How far below the threshold a changed name may come to a subject and still have it screened again.</summary>
    public const double Margin = 0.1;

    private readonly Screener _screener;
    private readonly Dictionary<string, MonitoredSubject> _subjects;

    private MonitorIndex(Screener screener, Dictionary<string, MonitoredSubject> subjects)
    {
        _screener = screener;
        _subjects = subjects;
    }

    public int Count => _subjects.Count;

    public static MonitorIndex Build(IEnumerable<MonitoredSubject> subjects)
    {
        var byId = new Dictionary<string, MonitoredSubject>(StringComparer.Ordinal);
        var entities = new List<Entity>();
        foreach (var subject in subjects)
        {
            var id = "m" + byId.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            byId[id] = subject;
            // A subject screened without a schema is read both as a person and as an organisation, so it is indexed as both.
            var schema = subject.Schema is null ? null : Schemata.Find(subject.Schema);
            foreach (var (suffix, kind) in schema is null
                ? [("p", Schemata.Person), ("o", Schemata.Organization)]
                : new[] { ("x", schema.Matchable ? schema : Schemata.LegalEntity) })
            {
                entities.Add(new EntityBuilder(id + "." + suffix, kind).Add("name", subject.Name).Build());
            }
        }

        return new MonitorIndex(new Screener(ScreeningIndex.Build(entities)), byId);
    }

    /// <summary>The subjects that any name of the changed entities comes within reach of, each once.</summary>
    public IReadOnlyList<MonitoredSubject> Affected(IEnumerable<Entity> changed, double threshold)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<MonitoredSubject>();
        if (_subjects.Count == 0)
        {
            return result;
        }

        var reach = Math.Max(0.01, threshold - Margin);
        foreach (var entity in changed)
        {
            if (!entity.Schema.Matchable)
            {
                continue;
            }

            foreach (var name in ScreeningIndex.NamesOf(entity))
            {
                var response = _screener.Screen(new ScreeningQuery(name) { Threshold = reach, Limit = int.MaxValue });
                foreach (var hit in response.Results)
                {
                    var id = hit.Entity.Id[..hit.Entity.Id.LastIndexOf('.')];
                    if (found.Add(id))
                    {
                        result.Add(_subjects[id]);
                    }
                }
            }
        }

        return result;
    }
}
