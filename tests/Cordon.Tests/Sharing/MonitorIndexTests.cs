using Cordon.Lists;
using Cordon.Lists.Un;
using Cordon.Model;
using Cordon.Screening;
using Cordon.Sharing;
using Cordon.Synthetic;
using Cordon.Tests.Support;

namespace Cordon.Tests.Sharing;

/// <summary>
/// Continuous screening looks the changed records up among the monitored subjects instead of screening every subject
/// again. It must miss no subject that screening everyone would give a hit among the changed records, and it must
/// leave most subjects alone.
/// </summary>
public sealed class MonitorIndexTests
{
    private static readonly Lazy<List<Entity>> UnPrimaries = new(() =>
        new UnXmlReader().Read(TestData.Path("lists/un/UN_consolidated.xml"), new ImportContext("un"), CancellationToken.None)
            .Where(e => e.SourceRef is not null && e.Schema.Name is "Person" or "Organization")
            .ToList());

    [Fact]
    public void Every_subject_that_screening_everyone_would_hit_on_a_changed_record_is_found_and_most_are_left_alone()
    {
        // Given 600 monitored subjects: list names with typos and unlisted names, some typed, some not
        var listed = UnPrimaries.Value;
        var queries = new SyntheticQueries(7).Generate(listed, 600, listedShare: 0.4);
        var random = new Random(11);
        var subjects = queries.Select((q, i) => new MonitoredSubject("BKA", "s" + i, q.Name, null, null,
            (i % 3) switch { 0 => null, 1 => "Person", _ => "LegalEntity" }, [], "monitoring", "key_1", DateTimeOffset.UnixEpoch)).ToList();
        var index = MonitorIndex.Build(subjects);

        // And a change of 120 records of the list
        var changed = listed.OrderBy(_ => random.Next()).Take(120).ToList();

        // When the affected subjects are looked up
        var affected = index.Affected(changed, Screener.DefaultThreshold).Select(s => s.Subject).ToHashSet();

        // Then every subject that has a hit among the changed records when screened in full is among them
        var changedOnly = new Screener(ScreeningIndex.Build(changed));
        var mustScreen = subjects.Where(s => changedOnly.Screen(s.Query(limit: 10)).Results.Count > 0).Select(s => s.Subject).ToList();
        Assert.NotEmpty(mustScreen);
        Assert.All(mustScreen, s => Assert.Contains(s, affected));

        // And most subjects are not screened again
        Assert.True(affected.Count < subjects.Count / 2, $"{affected.Count} of {subjects.Count} subjects screened again");
    }

    [Fact]
    public void No_subjects_or_no_changes_affect_nothing()
    {
        var listed = UnPrimaries.Value.Take(20).ToList();

        Assert.Empty(MonitorIndex.Build([]).Affected(listed, 0.7));
        Assert.Empty(MonitorIndex.Build([new MonitoredSubject("BKA", "s", "Jane Example", null, null, null, [], "p", "k", DateTimeOffset.UnixEpoch)]).Affected([], 0.7));
    }
}
