using Cordon.Lists;
using Cordon.Lists.Un;
using Cordon.Model;
using Cordon.Names;
using Cordon.Screening;
using Cordon.Tests.Support;

namespace Cordon.Tests.Screening;

/// <summary>
/// UN entities screened by their Arabic original-script name against an index of only their Latin names, on the real
/// 2026 consolidated list. The full measure is <c>dotnet run -c Release --project bench/Cordon.Benchmarks -- cross-script</c>.
/// </summary>
public sealed class CrossScriptTests
{
    private const int Sample = 20;

    private static readonly Lazy<List<Entity>> Primaries = new(() =>
        new UnXmlReader().Read(TestData.Path("lists/un/UN_consolidated.xml"), new ImportContext("un"), CancellationToken.None)
            .Where(e => e.SourceRef is not null && e.Schema.Name is "Person" or "Organization")
            .ToList());

    /// <summary>Written in Arabic letters only (no Latin words mixed in, as a few UN entries have).</summary>
    private static bool IsArabic(string name) =>
        name.Any(c => c is >= '\u0600' and <= '\u06FF') && !name.Any(c => c < '\u0600' && char.IsLetter(c));

    private static Entity LatinOnly(Entity entity)
    {
        var builder = new EntityBuilder(entity.Id, entity.Schema, entity.SourceRef);
        foreach (var property in entity.PropertyNames)
        {
            foreach (var value in entity.Get(property))
            {
                if (property != "alias" || !Transliteration.NeedsTransliteration(value))
                {
                    builder.Add(property, value);
                }
            }
        }

        return builder.Build();
    }

    /// <summary>How many of 20 entities, spread evenly over the list's Arabic-named ones, come first by their Arabic name.</summary>
    private static (int Rank1, List<string> Missed) ScreenSample()
    {
        var primaries = Primaries.Value;
        var screener = new Screener(ScreeningIndex.Build(primaries.Select(LatinOnly)));
        var arabic = primaries.Where(e => e.Get("alias").Any(IsArabic)).ToList();
        var step = arabic.Count / Sample;
        var rank1 = 0;
        var missed = new List<string>();
        for (var i = 0; i < Sample; i++)
        {
            var entity = arabic[i * step];
            var query = entity.Get("alias").First(IsArabic);
            var results = screener.Screen(new ScreeningQuery(query) { Threshold = 0, Limit = 10 }).Results;
            var hit = results.FirstOrDefault(h => h.Entity.Id == entity.Id);
            if (hit is not null && !results.Any(h => h.Score > hit.Score))
            {
                rank1++;
            }
            else
            {
                missed.Add($"{entity.Id} '{query}' → {(results.Count > 0 ? results[0].Entity.Id + " via '" + results[0].MatchedName + "'" : "nothing")}");
            }
        }

        return (rank1, missed);
    }

    [Fact]
    public void Most_UN_entities_are_found_first_by_their_Arabic_name_among_Latin_names()
    {
        // Given every UN entity with its original-script names taken out, and 20 Arabic names spread over the list

        // When each Arabic name is screened against the Latin-only index
        var (rank1, missed) = ScreenSample();

        // Then a guard well below the measured figure holds. Measured 2026-11-22: 12 of 20 first in the morning, all 8
        // misses holding a compound written apart in Arabic and joined in Latin (عبد الله / ABDALLAH), outranked by a short
        // Latin alias of someone else ("Abd El Illah"); 20 of 20 once compounds are read joined on both sides, one-word
        // aliases lean away from longer names and the vowel-blind consonants know the Latin spellings of Arabic letters.
        Assert.True(rank1 >= 15, $"{rank1} of {Sample} first; missed: {string.Join("; ", missed)}");
    }

    [Fact]
    public void At_least_19_of_20_UN_entities_are_found_first_by_their_Arabic_name()
    {
        // Given every UN entity with its original-script names taken out, and 20 Arabic names spread over the list

        // When each Arabic name is screened against the Latin-only index
        var (rank1, missed) = ScreenSample();

        // Then at least 19 come first
        Assert.True(rank1 >= 19, $"{rank1} of {Sample} first; missed: {string.Join("; ", missed)}");
    }
}
