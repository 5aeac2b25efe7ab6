using System.Globalization;
using System.Text;
using Cordon.Lists;
using Cordon.Lists.Ofac;
using Cordon.Lists.Un;
using Cordon.Model;
using Cordon.Names;
using Cordon.Screening;
using Cordon.Synthetic;
using Cordon.Tests.Support;
using Xunit.Abstractions;

namespace Cordon.Tests.Screening;

/// <summary>
/// The index against brute force: <see cref="Screener.Screen"/> through the index must return exactly the hits that
/// scoring every name returns, with the same scores, on a synthetic population and on the real UN and OFAC lists; the
/// part search must find every listed part that reaches the part floor; degenerate queries are answered, never thrown.
/// </summary>
public sealed class ScreeningIndexTests(ITestOutputHelper output)
{
    private const double MinRecall = 0.995;
    private const double ScoreTolerance = 1e-9;
    private const int Limit = 1000;

    private static readonly Lazy<List<Entity>> UnPrimaries = new(() =>
        new UnXmlReader().Read(TestData.Path("lists/un/UN_consolidated.xml"), new ImportContext("un"), CancellationToken.None)
            .Where(e => e.SourceRef is not null && e.Schema.Name is "Person" or "Organization")
            .ToList());

    private static readonly Lazy<List<Entity>> Ofac = new(() =>
        [.. new OfacCsvReader().Read(TestData.Path("lists/ofac/sdn_csv_2021"), new ImportContext("ofac"), CancellationToken.None)]);

    private static readonly Lazy<Screener> UnScreener = new(() => new Screener(ScreeningIndex.Build(UnPrimaries.Value)));

    /// <summary>What comparing the indexed and the brute-force hits of many queries found.</summary>
    private sealed class Comparison
    {
        public int BruteHits { get; set; }

        public int Found { get; set; }

        public List<string> Missed { get; } = [];

        public List<string> Extra { get; } = [];

        public List<string> ScoreDiffers { get; } = [];

        public List<string> Truncated { get; } = [];

        public double Recall => BruteHits == 0 ? 1.0 : (double)Found / BruteHits;

        public string Describe(int queries) => string.Create(
            CultureInfo.InvariantCulture,
            $"{queries} queries, {BruteHits} brute-force hits, {Found} found through the index (recall {Recall:P2}); {Missed.Count} missed, {Extra.Count} extra, {ScoreDiffers.Count} with another score, {Truncated.Count} at the limit")
            + List("missed", Missed) + List("extra", Extra) + List("score differs", ScoreDiffers) + List("at the limit", Truncated);

        private static string List(string label, List<string> items) =>
            items.Count == 0 ? "" : $"\n{label} (first {Math.Min(10, items.Count)}):\n  " + string.Join("\n  ", items.Take(10));
    }

    /// <summary>Screens each name through the index and by brute force and compares the hits entity by entity.</summary>
    private static Comparison Compare(Screener screener, IEnumerable<string> names, double? threshold)
    {
        var comparison = new Comparison();
        foreach (var name in names)
        {
            var query = new ScreeningQuery(name) { Limit = Limit, Threshold = threshold };
            var brute = screener.Screen(query, exhaustive: true).Results;
            var indexed = screener.Screen(query).Results;
            if (brute.Count >= Limit || indexed.Count >= Limit)
            {
                // A cut list cannot be compared: the last places may differ by ties alone.
                comparison.Truncated.Add(string.Create(CultureInfo.InvariantCulture, $"'{name}': {brute.Count} brute, {indexed.Count} indexed"));
                continue;
            }

            var byId = indexed.ToDictionary(h => h.Entity.Id, StringComparer.Ordinal);
            var bruteIds = brute.Select(h => h.Entity.Id).ToHashSet(StringComparer.Ordinal);
            comparison.BruteHits += brute.Count;
            foreach (var hit in brute)
            {
                if (!byId.TryGetValue(hit.Entity.Id, out var found))
                {
                    comparison.Missed.Add(string.Create(CultureInfo.InvariantCulture, $"'{name}' ~ {hit.Entity.Id} '{hit.MatchedName}' score {hit.Score:F4}"));
                    continue;
                }

                comparison.Found++;
                if (Math.Abs(found.Score - hit.Score) > ScoreTolerance)
                {
                    comparison.ScoreDiffers.Add(string.Create(
                        CultureInfo.InvariantCulture,
                        $"'{name}' ~ {hit.Entity.Id} '{hit.MatchedName}': brute {hit.Score:F4}, indexed {found.Score:F4} via '{found.MatchedName}'"));
                }
            }

            foreach (var hit in indexed.Where(h => !bruteIds.Contains(h.Entity.Id)))
            {
                comparison.Extra.Add(string.Create(CultureInfo.InvariantCulture, $"'{name}' ~ {hit.Entity.Id} '{hit.MatchedName}' score {hit.Score:F4}"));
            }
        }

        return comparison;
    }

    /// <summary>
    /// Screens each query through the index and by scoring every name, at the default threshold and at 0.5, and asserts
    /// that the index finds every brute-force hit, and nothing else, with the same scores.
    /// </summary>
    private void AssertFindsEveryBruteForceHit(Screener screener, string[] queries)
    {
        var comparison = Compare(screener, queries, null);
        var low = Compare(screener, queries, 0.5);
        output.WriteLine(comparison.Describe(queries.Length));
        output.WriteLine(low.Describe(queries.Length));
        Assert.True(comparison.Recall >= 1.0, comparison.Describe(queries.Length));
        Assert.True(low.Recall >= 1.0, low.Describe(queries.Length));
        AssertMatchesBruteForce(comparison, queries.Length);
        AssertMatchesBruteForce(low, queries.Length);
    }

    private static void AssertMatchesBruteForce(Comparison comparison, int queries)
    {
        var description = comparison.Describe(queries);
        Assert.True(comparison.Truncated.Count == 0, description);
        Assert.True(comparison.BruteHits > 0, description);
        Assert.True(comparison.Extra.Count == 0, description);
        Assert.True(comparison.ScoreDiffers.Count == 0, description);
        Assert.True(comparison.Recall >= MinRecall, description);
    }

    /// <summary>
    /// One seeded edit of a word of at least four letters: a letter deleted, inserted or replaced, or two adjacent
    /// letters swapped, in the word's case (a lower-case letter inside a capitalised word would split it in two,
    /// INNOCEwT → innocew t). A name without such a word comes back unchanged.
    /// </summary>
    private static string Typo(string name, Random random)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var long4 = Enumerable.Range(0, words.Length).Where(i => words[i].Length >= 4).ToArray();
        if (long4.Length == 0)
        {
            return name;
        }

        var w = long4[random.Next(long4.Length)];
        var edited = Edit(words[w], random);
        words[w] = string.Equals(words[w], words[w].ToUpperInvariant(), StringComparison.Ordinal) ? edited.ToUpperInvariant() : edited;
        return string.Join(' ', words);
    }

    private static string Edit(string word, Random random)
    {
        var sb = new StringBuilder(word);
        switch (random.Next(4))
        {
            case 0:
                sb.Remove(random.Next(word.Length), 1);
                break;
            case 1:
                sb.Insert(random.Next(word.Length + 1), RandomLetter(random));
                break;
            case 2:
                var at = random.Next(word.Length);
                var letter = RandomLetter(random);
                sb[at] = letter == char.ToLowerInvariant(word[at]) ? (char)('a' + ((letter - 'a' + 1) % 26)) : letter;
                break;
            default:
                var i = random.Next(word.Length - 1);
                (sb[i], sb[i + 1]) = (sb[i + 1], sb[i]);
                break;
        }

        return sb.ToString();
    }

    private static char RandomLetter(Random random) => (char)('a' + random.Next(26));

    [Fact]
    public void Indexed_screening_of_synthetic_queries_finds_the_brute_force_hits_with_their_scores()
    {
        // Given 3,000 synthetic entities and 300 seeded queries (variants of listed names and unlisted people)
        var entities = new SyntheticPeople(7).Generate(3000).ToList();
        var screener = new Screener(ScreeningIndex.Build(entities));
        var queries = new SyntheticQueries(7).Generate(entities, 300);

        // When each is screened through the index and by scoring every name, at the default threshold
        var comparison = Compare(screener, queries.Select(q => q.Name), null);
        output.WriteLine(comparison.Describe(queries.Count));

        // Then the index returns no hit brute force lacks, each with the same score, and at least 99.5 % of them
        AssertMatchesBruteForce(comparison, queries.Count);
    }

    [Fact]
    public void Indexed_screening_of_synthetic_queries_at_a_low_threshold_finds_the_brute_force_hits_with_their_scores()
    {
        // Given 3,000 synthetic entities and the first 100 of 300 seeded queries
        var entities = new SyntheticPeople(7).Generate(3000).ToList();
        var screener = new Screener(ScreeningIndex.Build(entities));
        var queries = new SyntheticQueries(7).Generate(entities, 300).Take(100).ToList();

        // When each is screened through the index and by scoring every name, at threshold 0.5
        var comparison = Compare(screener, queries.Select(q => q.Name), 0.5);
        output.WriteLine(comparison.Describe(queries.Count));

        // Then the index returns no hit brute force lacks, each with the same score, and at least 99.5 % of them
        AssertMatchesBruteForce(comparison, queries.Count);
    }

    [Fact]
    public void The_best_few_hits_are_the_first_of_all_hits_however_few_are_asked_for()
    {
        // Given a synthetic list where common names have dozens of hits, and queries of common and rare names
        var entities = new SyntheticPeople(5).Generate(20_000).ToList();
        var screener = new Screener(ScreeningIndex.Build(entities));
        var queries = new SyntheticQueries(5).Generate(entities, 150).Select(q => q.Name)
            .Concat(["Muhammad Ali", "Mohammed", "Ahmed al-Shami", "Li Wei", "J. Smith"]).ToList();
        var many = 0;

        foreach (var name in queries)
        {
            // When the query asks for all hits, and for the best 1, 3 and 10 (scoring only what can be among them)
            var all = screener.Screen(new ScreeningQuery(name) { Limit = 100_000 }).Results;
            many += all.Count > 3 ? 1 : 0;
            foreach (var limit in new[] { 1, 3, 10 })
            {
                var few = screener.Screen(new ScreeningQuery(name) { Limit = limit }).Results;

                // Then the few are exactly the first of all, with the same scores and matched names
                Assert.Equal(
                    all.Take(limit).Select(h => (h.Entity.Id, h.Score, h.MatchedName)),
                    few.Select(h => (h.Entity.Id, h.Score, h.MatchedName)));
            }
        }

        Assert.True(many >= 10, $"only {many} queries had more than three hits");
    }

    [Fact]
    public void The_best_few_are_the_same_when_every_query_first_asks_the_index_at_a_probe_threshold()
    {
        // Given a synthetic list where common names have dozens of hits, and an index that probes whatever a query costs
        var entities = new SyntheticPeople(5).Generate(20_000).ToList();
        var index = ScreeningIndex.Build(entities);
        var probing = new Screener(index);
        var queries = new SyntheticQueries(5).Generate(entities, 150).Select(q => q.Name)
            .Concat(["Muhammad Ali", "Mohammed", "Ahmed al-Shami", "Abu Muhammad al-Masri", "علی علوی", "Li Wei", "J. Smith"]).ToList();
        var answered = 0;

        foreach (var name in queries)
        {
            // When the best 1, 3 and 10 are asked for, probing and not (index recall itself is tested against brute force above)
            foreach (var limit in new[] { 1, 3, 10 })
            {
                index.ProbeCost = 0;
                var probed = probing.Screen(new ScreeningQuery(name) { Limit = limit }).Results;
                index.ProbeCost = long.MaxValue;
                var exact = probing.Screen(new ScreeningQuery(name) { Limit = limit }).Results;

                // Then they are the same hits, with the same scores, matched names and part pairs
                Assert.True(
                    exact.Select(Described).SequenceEqual(probed.Select(Described)),
                    $"'{name}' limit {limit}: exact [{string.Join(" | ", exact.Select(Described))}], probed [{string.Join(" | ", probed.Select(Described))}]");
                answered += probed.Count == limit && probed[^1].NameScore > 0.8 ? 1 : 0;
            }
        }

        // (and the probe answered many of them: as many hits as asked for, all above a probe threshold)
        Assert.True(answered >= 50, $"only {answered} answers were all above 0.8");

        static string Described(ScreeningHit h) =>
            $"{h.Entity.Id} {h.Score} {h.MatchedName} [{string.Join(", ", h.Parts.Select(p => $"{p.QueryPart}~{p.EntityPart} {p.Similarity}"))}]";
    }

    [Fact]
    public void Names_written_as_one_word_on_one_side_are_found_and_only_those_of_a_close_length_are_scored_whole()
    {
        // Given names a query writes run together, with look-alike letters (y for i), and a longer name holding the
        // same two words apart
        string[] names = ["Koumta Madji", "Good Will Trading", "Abdul Karim Tawfiq al Mutairi", "Karim bin Abdul Rahman al-Amrani", "Abdul Karim"];
        var entities = names.Select((n, i) => new EntityBuilder($"n{i}", Schemata.Person, "t").Add("name", n).Build()).ToList();
        var index = ScreeningIndex.Build(entities);
        var screener = new Screener(index);
        string[] queries = ["Koumtamadjy", "Goodwill Trading", "GoodWillTrading", "Abdulkarim ibn Tawfiq al-Mutairi", "Abdulkarim", "Koumtamadji"];

        // When each is screened through the index and by scoring every name, then the index finds what brute force finds
        AssertFindsEveryBruteForceHit(screener, queries);

        // And the name with Abdul and Karim apart but nine letters longer run together is bounded by its parts, not
        // scored whatever they say
        var bounds = new List<double>();
        var candidates = index.Candidates(new PreparedName("Abdulkarim ibn Tawfiq al-Mutairi", false), 0.0, null, bounds);
        var amrani = candidates.FindIndex(c => index.Names[c].Name.Original.StartsWith("Karim bin", StringComparison.Ordinal));
        Assert.True(amrani < 0 || bounds[amrani] < 1.0, $"bound {(amrani < 0 ? -1 : bounds[amrani])}");
    }

    [Theory]
    [InlineData("GARCIA, Fredy")] // one table read two ways: the index is asked once
    [InlineData("Hicham bin Anas al-Yemeni")] // "yemeni" is a place in an organisation's name: asked once per kind
    [InlineData("Fredy Garcia")]
    public void The_part_pairs_of_each_reported_hit_are_those_brute_force_reports(string name)
    {
        // Given people and organisations the query's readings both find
        string[] people = ["Fredy Garcia", "GARCIA, Fredy Antonio", "Hicham bin Anas al-Yemeni", "Hicham Yemeni"];
        string[] organisations = ["Garcia Fredy SA", "Al-Yemeni Hicham Trading", "Yemeni Anas LLC"];
        var entities = people.Select((n, i) => new EntityBuilder($"p{i}", Schemata.Person, "t").Add("name", n).Build())
            .Concat(organisations.Select((n, i) => new EntityBuilder($"o{i}", Schemata.Organization, "t").Add("name", n).Build()))
            .ToList();
        var screener = new Screener(ScreeningIndex.Build(entities));

        // When the name is screened through the index (pairs listed only for the reportable names) and by brute force
        var query = new ScreeningQuery(name) { Threshold = 0.3, Limit = 2 };
        var indexed = screener.Screen(query).Results;
        var brute = screener.Screen(query, exhaustive: true).Results;

        // Then the same hits come with the same part pairs
        Assert.NotEmpty(indexed);
        Assert.Equal(brute.Select(h => h.Entity.Id), indexed.Select(h => h.Entity.Id));
        for (var i = 0; i < indexed.Count; i++)
        {
            Assert.NotEmpty(indexed[i].Parts);
            Assert.Equal(brute[i].Parts, indexed[i].Parts);
        }
    }

    [Fact]
    public void Candidates_of_one_kind_are_the_candidates_of_that_kind()
    {
        // Given people and organisations with much the same words
        string[] people = ["Hicham bin Anas al-Yemeni", "Anas al-Yemeni", "Hicham Yemeni"];
        string[] organisations = ["Al-Yemeni Trading", "Yemeni Anas LLC", "Hicham Yemen Holdings"];
        var entities = people.Select((n, i) => new EntityBuilder($"p{i}", Schemata.Person, "t").Add("name", n).Build())
            .Concat(organisations.Select((n, i) => new EntityBuilder($"o{i}", Schemata.Organization, "t").Add("name", n).Build()))
            .ToList();
        var index = ScreeningIndex.Build(entities);
        var query = new PreparedName("Hicham bin Anas al-Yemeni", false);

        // When the candidates are asked for all names, for organisations only and for people only, at threshold 0
        var all = index.Candidates(query, 0.0, null);
        var onlyOrganisations = index.Candidates(query, 0.0, null, null, organisations: true);
        var onlyPeople = index.Candidates(query, 0.0, null, null, organisations: false);

        // Then each kind's are exactly the names of that kind among all
        Assert.Equal(all.Where(n => index.Names[n].Name.Organisation), onlyOrganisations);
        Assert.Equal(all.Where(n => !index.Names[n].Name.Organisation), onlyPeople);
        Assert.NotEmpty(onlyOrganisations);
        Assert.NotEmpty(onlyPeople);
    }

    [Fact]
    public void Indexed_screening_finds_names_whose_legal_forms_resemble_a_query_word()
    {
        // Given people and organisations sharing one word with the query, some with a legal form that resembles another
        // query word (Libi / LLP, Lap) and so may pair with it in an organisation's name only
        var people = new[] { "Mahmud Ali", "Mahmud", "Ahmed al-Libi", "Mahmud bin Ali", "Libi", "Mahmud Hassan Ali Omar", "Haji Mahmud", "Mahmud al-Hassan" };
        var organisations = new[] { "Libi LLP", "Mahmud LLP", "Mahmud Lap Ltd", "Mahmud Trading LLP", "Al-Libi Trading", "Mahmud" };
        var entities = people.Select((n, i) => new EntityBuilder($"p{i}", Schemata.Person, "t").Add("name", n).Build())
            .Concat(organisations.Select((n, i) => new EntityBuilder($"o{i}", Schemata.Organization, "t").Add("name", n).Build()))
            .ToList();
        var screener = new Screener(ScreeningIndex.Build(entities));
        string[] queries = ["Mahmud al-Libi", "AL-LIBI, Mahmud", "Mahmud Libi", "Mahmud Lap", "Libi Mahmud Ali", "Haji Mahmud Libi"];

        // When each is screened through the index and by scoring every name, at the default threshold and at 0.5,
        // then the index finds exactly what brute force finds, with the same scores
        AssertFindsEveryBruteForceHit(screener, queries);
    }

    [Fact]
    public void Indexed_screening_of_queries_with_initials_and_particles_finds_every_brute_force_hit()
    {
        // Given names with listed initials, particles and words that particles resemble (Ali / al, Cole / co)
        string[] names =
        [
            "J. D. Smith", "J. D.", "John Smith", "John David Smith", "Jane Doe", "J. Doe", "Smith", "D. Smith",
            "Ali Saadi", "Abu Nabil al-Saadi", "Nabil Saadi", "Nabil Umar al-Dulaimi", "Umar Dulaimi", "Ali Dulaimi",
            "Mahmood Saadi", "Abu Mahmood al-Saadi", "Ikram Butt bin Waseem", "Ikram Butt", "Waseem Butt",
            "Cole Trading", "Smith & Co", "Eli Cohen", "El Cohen", "Sana Bhatti bint Arshad", "Sana Arshad",
        ];
        var entities = names.Select((n, i) => new EntityBuilder($"n{i}", Schemata.Person, "t").Add("name", n).Build()).ToList();
        var screener = new Screener(ScreeningIndex.Build(entities));
        string[] queries =
        [
            "J. D. Smith", "J. Smith", "J. D.", "S. John", "John S.", "Abu Nabil al-U Dleimi", "N. al-Saadi", "Al Saadi",
            "Abu Mahmood al-Saadi", "Ikram Butt s/o Waseem", "Sana Bhatti d/o Arshad", "Co Smith", "El Cohen", "Eli C.",
            "U. Dulaimi", "Nabil U. al-Dulaimi",
        ];

        // When each is screened through the index and by scoring every name, at the default threshold and at 0.5,
        // then the index finds exactly what brute force finds, with the same scores
        AssertFindsEveryBruteForceHit(screener, queries);
    }

    [Fact]
    public void Indexed_screening_of_misspelt_UN_names_finds_the_brute_force_hits_with_their_scores()
    {
        // Given every UN person and organisation, and a query from the first name of every fifth one: a seeded typo,
        // some with the words in reverse order, some written "FAMILY, Given"
        var entities = UnPrimaries.Value;
        var screener = UnScreener.Value;
        var random = new Random(11);
        var queries = new List<string>();
        for (var e = 0; e < entities.Count; e += 5)
        {
            if (entities[e].First("name") is not { } name)
            {
                continue;
            }

            var query = Typo(name, random);
            var words = query.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (queries.Count % 5 == 3 && words.Length > 1)
            {
                query = string.Join(' ', words.Reverse());
            }
            else if (queries.Count % 5 == 4 && words.Length > 1)
            {
                query = words[^1].ToUpperInvariant() + ", " + string.Join(' ', words[..^1]);
            }

            queries.Add(query);
        }

        // When each is screened through the index and by scoring every name
        var comparison = Compare(screener, queries, null);
        output.WriteLine(comparison.Describe(queries.Count));

        // Then the index returns no hit brute force lacks, each with the same score, and at least 99.5 % of them
        Assert.InRange(queries.Count, 150, 400);
        AssertMatchesBruteForce(comparison, queries.Count);
    }

    [Fact]
    public void The_part_search_finds_every_listed_part_that_reaches_the_part_floor()
    {
        // Given an index of the UN and OFAC lists, the parts of its abjad names, and 400 parts spread over its
        // vocabulary, every other one changed by a seeded edit (no single letters: the index matches a query initial
        // as a wildcard, not through the part search)
        var index = ScreeningIndex.Build(UnPrimaries.Value.Concat(Ofac.Value));
        var tokens = index.Tokens;
        var abjad = new bool[tokens.Count];
        foreach (var name in index.Names.Where(n => n.Name.Abjad))
        {
            foreach (var text in name.Name.Table)
            {
                if (tokens.TryGet(text, out var token))
                {
                    abjad[token] = true;
                }
            }
        }

        const int Sample = 400;
        var step = Math.Max(1, tokens.Count / Sample);
        var random = new Random(11);
        var parts = new List<string>(Sample);
        for (var s = 0; s < Sample && s * step < tokens.Count; s++)
        {
            var at = s * step;
            while (at + 1 < tokens.Count && tokens.Text(at).Length < 2)
            {
                at++;
            }

            var text = tokens.Text(at);
            parts.Add(s % 2 == 1 && text.Length >= 4 ? Edit(text, random) : text);
        }

        // When every listed part is scored against each query part (what the search verifies: vowel-blind too where
        // the listed part came from an abjad name), and the part search is asked for the same
        var expected = new List<(int Token, double Plain, double Blind)>[parts.Count];
        Parallel.For(0, parts.Count, p =>
        {
            var part = parts[p];
            var found = new List<(int, double, double)>();
            for (var token = 0; token < tokens.Count; token++)
            {
                var text = tokens.Text(token);
                var plain = PartSimilarity.Of(part, text);
                var blind = abjad[token] ? PartSimilarity.Of(part, text, vowelBlind: true) : plain;
                if (Math.Max(plain, blind) >= NameScorer.PartFloor)
                {
                    found.Add((token, plain, blind));
                }
            }

            expected[p] = found;
        });

        var pairs = 0;
        var hit = 0;
        var missed = new List<string>();
        var wrong = new List<string>();
        for (var p = 0; p < parts.Count; p++)
        {
            var part = parts[p];
            var similar = tokens.Similar(part, false).ToDictionary(s => s.Token);
            foreach (var (token, plain, blind) in expected[p])
            {
                pairs++;
                if (similar.ContainsKey(token))
                {
                    hit++;
                }
                else
                {
                    missed.Add(string.Create(CultureInfo.InvariantCulture, $"'{part}' ~ '{tokens.Text(token)}' plain {plain:F3} blind {blind:F3}{(abjad[token] ? " (abjad)" : "")}"));
                }
            }

            foreach (var s in similar.Values)
            {
                var text = tokens.Text(s.Token);
                var plain = PartSimilarity.Of(part, text);
                var blind = abjad[s.Token] ? PartSimilarity.Of(part, text, vowelBlind: true) : plain;
                // Below the floor a similarity counts for nothing, so the search may stop computing it early.
                if (!SameAboveFloor(s.Plain, plain) || !SameAboveFloor(s.VowelBlind, blind) || Math.Max(plain, blind) < NameScorer.PartFloor)
                {
                    wrong.Add(string.Create(
                        CultureInfo.InvariantCulture,
                        $"'{part}' ~ '{text}': reported plain {s.Plain:F6} blind {s.VowelBlind:F6}, scored plain {plain:F6} blind {blind:F6}"));
                }
            }
        }

        var recall = pairs == 0 ? 1.0 : (double)hit / pairs;
        var description = string.Create(
            CultureInfo.InvariantCulture,
            $"{parts.Count} query parts over {tokens.Count} listed parts: {pairs} pairs reach the floor, {hit} found (recall {recall:P2}), {wrong.Count} reported wrongly")
            + (missed.Count == 0 ? "" : "\nmissed (first 10):\n  " + string.Join("\n  ", missed.Take(10)))
            + (wrong.Count == 0 ? "" : "\nwrong (first 10):\n  " + string.Join("\n  ", wrong.Take(10)));
        output.WriteLine(description);

        // Then it finds at least 99 % of the pairs, with the similarities they score
        Assert.True(parts.Count >= Sample * 9 / 10, description);
        Assert.True(pairs >= parts.Count, description);
        Assert.True(wrong.Count == 0, description);
        Assert.True(recall >= 0.99, description);
    }

    [Theory]
    [InlineData("al", null)]
    [InlineData("bin", null)]
    [InlineData("al bin", null)]
    [InlineData("bin al", null)]
    [InlineData("LLC", "Organization")]
    [InlineData("Ltd.", "Organization")]
    [InlineData("LLC Ltd", "Organization")]
    [InlineData("al LLC", "Organization")]
    [InlineData("bin al LLC", "Organization")]
    public void A_query_of_particles_or_legal_forms_alone_finds_nobody_among_real_names(string name, string? schema)
    {
        // Given an index of the first 250 UN persons and first 50 UN organisations
        var entities = UnPrimaries.Value.Where(e => e.Schema.Name == "Person").Take(250)
            .Concat(UnPrimaries.Value.Where(e => e.Schema.Name == "Organization").Take(50))
            .ToList();
        var organisation = entities[^1];
        var screener = new Screener(ScreeningIndex.Build(entities));

        // When only particles (as anyone) or legal forms (as an organisation) are screened at a low threshold, through
        // the index and by brute force, and the organisation by its own name
        var query = new ScreeningQuery(name, Schema: schema) { Threshold = 0.3 };
        var indexed = screener.Screen(query).Results;
        var exhaustive = screener.Screen(query, exhaustive: true).Results;
        var own = screener.Screen(new ScreeningQuery(organisation.Caption, Schema: "Organization")).Results;

        // Then nobody is a hit by either path, while the organisation is found by its own name
        static string Describe(IEnumerable<ScreeningHit> hits) => string.Join("; ", hits.Select(h => string.Create(CultureInfo.InvariantCulture, $"{h.Entity.Id} '{h.MatchedName}' {h.Score:F4}")));
        Assert.True(indexed.Count == 0, $"indexed: {Describe(indexed)}");
        Assert.True(exhaustive.Count == 0, $"brute force: {Describe(exhaustive)}");
        Assert.Contains(own, h => h.Entity.Id == organisation.Id);
    }

    public static TheoryData<string, string> BadNames()
    {
        var random = new Random(10_000);
        var sb = new StringBuilder(10_000);
        while (sb.Length < 10_000)
        {
            sb.Append(RandomLetter(random));
            if (random.Next(7) == 0)
            {
                sb.Append(' ');
            }
        }

        return new TheoryData<string, string>
        {
            { "empty", "" },
            { "blanks", "   " },
            { "dots", "..." },
            { "10,000 characters", sb.ToString(0, 10_000) },
            { "10,000 letters in one word", new string('a', 10_000) },
            { "unpaired high surrogate", "\uD800abc" },
            { "unpaired low surrogate", "abc\uDC00 Hussein" },
            { "control characters", "\u0000\u0001Ali\u0007\u001B Hassan\u007F" },
            { "right-to-left marks", "\u200F\u202BMohammed\u202C \u200EAli\u200F" },
            { "marks only", "\u200F\u200E\u202B\u202C\u2066\u2069" },
            { "combining marks only", "\u0301\u0308\u0327" },
        };
    }

    [Theory]
    [MemberData(nameof(BadNames))]
    public void A_bad_name_is_answered_through_the_index_without_an_exception(string label, string name)
    {
        // Given the index of the real UN list
        var screener = UnScreener.Value;

        // When the bad name is screened through the index, as anyone and as an organisation, at the default and a low threshold
        var responses = new[]
        {
            screener.Screen(new ScreeningQuery(name)),
            screener.Screen(new ScreeningQuery(name) { Threshold = 0.3 }),
            screener.Screen(new ScreeningQuery(name, Schema: "Organization") { Threshold = 0.3 }),
        };

        // Then each is a response, possibly empty, with no hit below its threshold
        foreach (var response in responses)
        {
            Assert.NotNull(response);
            Assert.All(response.Results, h => Assert.True(h.Score >= response.Threshold, $"{label}: {h.Entity.Id} below the threshold"));
        }
    }

    private static bool SameAboveFloor(double reported, double exact) =>
        (reported < NameScorer.PartFloor && exact < NameScorer.PartFloor) || Math.Abs(reported - exact) <= 1e-6;
}
