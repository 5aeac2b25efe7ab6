using System.Diagnostics;
using System.Globalization;
using System.Xml.Linq;
using Cordon.Lists;
using Cordon.Lists.Un;
using Cordon.Model;
using Cordon.Names;
using Cordon.Screening;

namespace Cordon.Benchmarks;

/// <summary>
/// <c>cross-script [--un PATH] [--show N]</c>: how well the real UN list finds its own entities by names it does not index.
/// First, each original-script name (mostly Arabic) is screened against an index holding only the Latin names;
/// second, each Latin alias is left out of its entity in turn and screened against the rest. Both report how often
/// the entity comes first, and the worst misses.
/// </summary>
internal static class CrossScriptBenchmark
{
    private const string DefaultList = "shared/data/lists/un/UN_consolidated.xml";
    private const int Limit = 10;
    private static readonly string[] NameProperties = ["name", "alias", "weakAlias"];
    private static int _shown;

    public static int Run(BenchArgs args)
    {
        var path = args.String("un") is { } given ? Path.GetFullPath(given) : BenchFiles.FindAbove(DefaultList);
        if (!File.Exists(path))
        {
            Console.Error.WriteLine($"UN list not found: {path}");
            return 1;
        }

        _shown = args.Int("show", 15, min: 0);
        BenchEnvironment.Print();
        var watch = Stopwatch.StartNew();
        var primaries = new UnXmlReader().Read(path, new ImportContext("un"), CancellationToken.None)
            .Where(e => e.SourceRef is not null && e.Schema.Name is "Person" or "Organization")
            .ToList();
        Console.WriteLine(Invariant.Format($"read {primaries.Count} primary entities from {path} in {watch.Elapsed.TotalSeconds:F1} s"));

        var listed = OriginalScriptNames(path);
        var original = OriginalScript(primaries, listed);
        var latin = LatinAliases(primaries);
        Console.WriteLine(Invariant.Format($"total {watch.Elapsed.TotalSeconds:F1} s"));
        Console.WriteLine(BenchJson.Line(writer =>
        {
            writer.WriteString("benchmark", "cross-script-un");
            var fromField = original.Where(o => o.Listed).ToList();
            writer.WriteNumber("original_script_entities", fromField.Select(o => o.Query.Expected.Id).Distinct(StringComparer.Ordinal).Count());
            writer.WriteNumber("original_script_queries", fromField.Count);
            writer.WriteNumber("original_script_rank1", fromField.Count(o => o.Rank == 1));
            writer.WriteNumber("script_alias_queries", original.Count);
            writer.WriteNumber("script_alias_rank1", original.Count(o => o.Rank == 1));
            writer.WriteNumber("latin_alias_queries", latin.Count);
            writer.WriteNumber("latin_alias_rank1", latin.Count(o => o.Rank == 1));
            var reachable = latin.Where(o => o.Related && !o.Ambiguous && !o.Outranked).ToList();
            writer.WriteNumber("latin_alias_reachable_queries", reachable.Count);
            writer.WriteNumber("latin_alias_reachable_rank1", reachable.Count(o => o.Rank == 1));
        }));
        return 0;
    }

    /// <summary>
    /// The values of the list's NAME_ORIGINAL_SCRIPT fields by reference number: the issue's measure is each entity
    /// queried by this name. The importer files them as aliases, beside aliases that only quote a script name in
    /// passing ("Djaafar Abou Mohamed (جعفر ابو محمد)", an alias of Tayeb Nail, or a sub-unit's name).
    /// </summary>
    private static Dictionary<string, HashSet<string>> OriginalScriptNames(string path)
    {
        var names = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var record in XDocument.Load(path).Descendants().Where(e => e.Name.LocalName is "INDIVIDUAL" or "ENTITY"))
        {
            var reference = record.Element("REFERENCE_NUMBER")?.Value.Trim();
            foreach (var field in record.Elements("NAME_ORIGINAL_SCRIPT"))
            {
                var value = Spaced(field.Value);
                if (reference is not null && value.Length > 0)
                {
                    if (!names.TryGetValue(reference, out var set))
                    {
                        set = new HashSet<string>(StringComparer.Ordinal);
                        names.Add(reference, set);
                    }

                    set.Add(value);
                }
            }
        }

        return names;
    }

    private static string Spaced(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>
    /// Measure 1: every name in a script other than Latin against the Latin-only index. The headline counts the
    /// NAME_ORIGINAL_SCRIPT values; the other lines count every such alias.
    /// </summary>
    private static List<Outcome> OriginalScript(List<Entity> primaries, Dictionary<string, HashSet<string>> listed)
    {
        var latinOnly = primaries.Select(e => Without(e, (property, value) => property == "alias" && Transliteration.NeedsTransliteration(value))).ToList();
        var screener = new Screener(ScreeningIndex.Build(latinOnly));
        var queries = primaries
            .SelectMany(e => e.Get("alias").Where(v => Transliteration.NeedsTransliteration(v)).Select(v => new Query(v, e)))
            .ToList();
        var outcomes = queries.Select(q => Screen(screener, q) with
        {
            Related = SharesWord(q.Text, NamesOf(latinOnly.First(e => e.Id == q.Expected.Id))),
            Listed = q.Expected.SourceRef is { } reference && listed.TryGetValue(reference, out var values) && values.Contains(Spaced(q.Text)),
        }).ToList();
        var fromField = outcomes.Where(o => o.Listed).ToList();
        var asked = fromField.Select(o => o.Query.Expected.SourceRef).ToHashSet(StringComparer.Ordinal);
        foreach (var (reference, values) in listed.Where(l => !asked.Contains(l.Key)))
        {
            Console.WriteLine($"  NAME_ORIGINAL_SCRIPT of {reference} is not an alias of a screened entity: {string.Join(" / ", values)}");
        }

        Report("original script (NAME_ORIGINAL_SCRIPT) → Latin index", fromField, Invariant.Format($"{fromField.Select(o => o.Query.Expected.Id).Distinct(StringComparer.Ordinal).Count()} entities with a NAME_ORIGINAL_SCRIPT; index of {screener.Index.NameCount} Latin names"));
        Worst(fromField);
        Report("every alias in a script other than Latin → Latin index", outcomes, Invariant.Format($"{primaries.Count(e => e.Get("alias").Any(v => Transliteration.NeedsTransliteration(v)))} entities with such an alias"));
        foreach (var group in outcomes.GroupBy(o => ScriptOf(o.Query.Text)).OrderByDescending(g => g.Count()))
        {
            Console.WriteLine(Invariant.Format($"  {group.Key,-40} {group.Count(),5} queries, rank 1 {Percent(group.Count(o => o.Rank == 1), group.Count()),6}"));
        }

        foreach (var group in outcomes.GroupBy(o => o.Query.Expected.Schema.Name).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Console.WriteLine(Invariant.Format($"  {group.Key,-40} {group.Count(),5} queries, rank 1 {Percent(group.Count(o => o.Rank == 1), group.Count()),6}"));
        }

        // Organisations' names in Arabic are often translations (الجماعة التونسية المقاتلة / Tunisian Combatant Group):
        // the fair test is the names whose transliteration shares a word with one of the entity's Latin names.
        Line("sharing a word with a Latin name", outcomes.Where(o => o.Related).ToList());
        Line("sharing no word (a translation)", outcomes.Where(o => !o.Related).ToList());
        Patterns(outcomes.Where(o => o.Rank != 1).ToList());
        Worst(outcomes.Where(o => !o.Listed).ToList(), " among aliases outside NAME_ORIGINAL_SCRIPT");
        return outcomes;
    }

    /// <summary>Tallies of what the missed original-script queries have in common, for whoever tunes the matcher.</summary>
    private static void Patterns(List<Outcome> misses)
    {
        var tallies = new (string Label, Func<Outcome, bool> Test)[]
        {
            ("letters ICU leaves untransliterated (Pashto/Urdu ټ ډ ړ ځ څ ڼ ې ۍ ے ھ ہ ڑ…)", o => NameNormalizer.Normalize(o.Query.Text).Any(c => c > '\u024F' && char.IsLetter(c))),
            ("ta marbuta ة (ICU writes t, the lists a: Hamza/hmzt)", o => o.Query.Text.Contains('ة', StringComparison.Ordinal)),
            ("compound split in script, joined in Latin (عبد …, … الله, … الدين)", o => SplitCompound(o.Query.Text)),
            ("a part of one or two letters after ICU (ain dropped: bd, mr, ly; th for Taha)", o => new PreparedName(o.Query.Text, false).Parts.Any(p => p.Length <= 2 && NameParts.Classify(p, false) == NamePartKind.Word)),
            ("Han characters (Chinese reading of a Korean name, or a translated company name)", o => o.Query.Text.Any(c => c is >= '\u4E00' and <= '\u9FFF')),
            ("first place went to a name with fewer parts than the query", o => o.Top is { } t && NameNormalizer.Tokens(t.MatchedName).Length < NameNormalizer.Tokens(o.Query.Text).Length),
        };
        Console.WriteLine(Invariant.Format($"  what the {misses.Count} misses have in common (a miss can count in several lines):"));
        foreach (var (label, test) in tallies)
        {
            Console.WriteLine(Invariant.Format($"    {misses.Count(test),4}  {label}"));
        }
    }

    private static bool SplitCompound(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Any(w => w is "عبد" or "الله" or "الدين" or "الرحمن");
    }

    /// <summary>
    /// Measure 2: each Latin alias left out of its entity and screened. Fold k leaves out the k-th Latin alias of every
    /// entity that has one, so one index per fold serves all of that fold's queries. Entities keep their other names,
    /// original script included, as the production index would.
    /// </summary>
    private static List<Outcome> LatinAliases(List<Entity> primaries)
    {
        var aliases = primaries.ToDictionary(
            e => e.Id,
            e => e.Get("alias").Select(v => (Value: v, Property: "alias"))
                .Concat(e.Get("weakAlias").Select(v => (Value: v, Property: "weakAlias")))
                .Where(a => !Transliteration.NeedsTransliteration(a.Value))
                .ToList(),
            StringComparer.Ordinal);
        var eligible = primaries
            .Where(e => e.Get("name").Count(v => !Transliteration.NeedsTransliteration(v)) + aliases[e.Id].Count >= 2)
            .Select(e => e.Id)
            .ToHashSet(StringComparer.Ordinal);
        var folds = primaries.Where(e => eligible.Contains(e.Id)).Max(e => aliases[e.Id].Count);
        var owners = NameOwners(primaries);
        var outcomes = new List<Outcome>();
        var trivial = 0;
        for (var k = 0; k < folds; k++)
        {
            var removed = new Dictionary<string, (string Value, string Property)>(StringComparer.Ordinal);
            foreach (var entity in primaries)
            {
                if (eligible.Contains(entity.Id) && aliases[entity.Id].Count > k)
                {
                    removed.Add(entity.Id, aliases[entity.Id][k]);
                }
            }

            var entities = primaries
                .Select(e => removed.TryGetValue(e.Id, out var alias) ? Without(e, (p, v) => p != "name" && string.Equals(v, alias.Value, StringComparison.Ordinal)) : e)
                .ToList();
            var screener = new Screener(ScreeningIndex.Build(entities));
            foreach (var entity in entities.Where(e => removed.ContainsKey(e.Id)))
            {
                var query = new Query(removed[entity.Id].Value, entity);
                var normalised = Key(query.Text);
                if (NamesOf(entity).Any(n => string.Equals(Key(n), normalised, StringComparison.Ordinal)))
                {
                    // The same name in another spelling of case or punctuation is still on the entity: a free hit.
                    trivial++;
                }

                outcomes.Add(Screen(screener, query) with
                {
                    Property = removed[entity.Id].Property,
                    Related = SharesWord(query.Text, NamesOf(entity)),
                    Ambiguous = owners[Key(query.Text)].Count > 1,
                });
            }
        }

        Report("Latin alias leave-one-out", outcomes, Invariant.Format($"{eligible.Count} entities with at least two Latin names; {folds} folds (one index each); {trivial} queries equal to a remaining name once normalised"));
        foreach (var group in outcomes.GroupBy(o => o.Property).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Console.WriteLine(Invariant.Format($"  {group.Key,-40} {group.Count(),5} queries, rank 1 {Percent(group.Count(o => o.Rank == 1), group.Count()),6}"));
        }

        // Many aliases are other names altogether (noms de guerre, kunyas, nicknames): no spelling matcher can link
        // "TIGER ONE" to Bernard Maheshe Byamungu. Those sharing a word with a remaining name are the fair test.
        // Some aliases are, once normalised, the name of another entity too ("Hassan", "Abu Usama", and people listed
        // twice, such as HASSAN DAHIR AWEYS under QDi.042 and SOi.002): no matcher can put the right one first.
        var related = outcomes.Where(o => o.Related).ToList();
        var fair = related.Where(o => !o.Ambiguous).ToList();
        var reachable = fair.Where(o => !o.Outranked).ToList();
        Line("sharing a word with a remaining name", related);
        Line("  of which not another entity's name", fair);
        foreach (var group in fair.GroupBy(o => Math.Min(3, NameNormalizer.Tokens(o.Query.Text).Length)).OrderBy(g => g.Key))
        {
            Line(Invariant.Format($"    of which {(group.Key == 3 ? "3+" : group.Key.ToString(CultureInfo.InvariantCulture))} part(s)"), group.ToList());
        }

        Line("      of which no other entity outranks", reachable);
        Line("      of which another entity outranks", fair.Where(o => o.Outranked).ToList());
        Line("sharing no word (another name)", outcomes.Where(o => !o.Related).ToList());
        Line("another entity's name too (ambiguous)", outcomes.Where(o => o.Ambiguous).ToList());
        Worst(reachable, " among those sharing a word, not ambiguous and not outranked");
        return outcomes;
    }

    private static Outcome Screen(Screener screener, Query query)
    {
        var response = screener.Screen(new ScreeningQuery(query.Text) { Limit = Limit, Threshold = 0 });
        var (rank, tied, hit) = RankOf(response, query.Expected.Id);

        // Another entity among the best ten carries every word of the query in one name, and the expected one does not:
        // no ranking by names can put the expected one first ('Mohamed Hassan' against Mohammed Hassan Ibrahim).
        var outranked = response.Results.Any(h => h.Entity.Id != query.Expected.Id && CoversEveryWord(query.Text, h.MatchedName))
            && !NamesOf(query.Expected).Any(n => CoversEveryWord(query.Text, n));
        if (rank == 1)
        {
            return new Outcome(query, 1, tied, response.Results[0], hit, null) { Outranked = outranked };
        }

        // A miss is either the index not proposing the entity (the brute force finds it) or the scorer ranking it low.
        var exhaustive = RankOf(screener.Screen(new ScreeningQuery(query.Text) { Limit = Limit, Threshold = 0 }, exhaustive: true), query.Expected.Id);
        return new Outcome(query, rank, false, response.Results.Count > 0 ? response.Results[0] : null, hit, exhaustive.Rank) { Outranked = outranked };
    }

    /// <summary>The entity's rank counting only strictly better scores, whether it shares it, and its hit.</summary>
    private static (int? Rank, bool Tied, ScreeningHit? Hit) RankOf(ScreeningResponse response, string id)
    {
        var hit = response.Results.FirstOrDefault(h => string.Equals(h.Entity.Id, id, StringComparison.Ordinal));
        if (hit is null)
        {
            return (null, false, null);
        }

        var rank = 1 + response.Results.Count(h => h.Score > hit.Score);
        return (rank, response.Results.Count(h => h.Score == hit.Score) > 1, hit);
    }

    private static void Report(string title, List<Outcome> outcomes, string detail)
    {
        var n = outcomes.Count;
        var rank1 = outcomes.Count(o => o.Rank == 1);
        var tied = outcomes.Count(o => o.Rank == 1 && o.Tied);
        var top10 = outcomes.Count(o => o.Rank is not null);
        var candidateMisses = outcomes.Count(o => o.Rank != 1 && o.ExhaustiveRank == 1);
        Console.WriteLine();
        Console.WriteLine($"== {title}");
        Console.WriteLine($"  {detail}");
        Console.WriteLine(Invariant.Format($"  queries {n}; rank 1 {rank1} ({Percent(rank1, n)}), of which {tied} tied with another entity at the top score"));
        Console.WriteLine(Invariant.Format($"  rank <= {Limit} {top10} ({Percent(top10, n)}); not in the top {Limit} {n - top10}; misses the brute-force scan puts first (index recall) {candidateMisses}"));
    }

    /// <summary>The misses ranked worst first: not found at all, then the most confident wrong first place.</summary>
    private static void Worst(List<Outcome> outcomes, string among = "")
    {
        var worst = outcomes
            .Where(o => o.Rank != 1)
            .OrderByDescending(o => o.Rank ?? int.MaxValue)
            .ThenByDescending(o => (o.Top?.Score ?? 0) - (o.Hit?.Score ?? 0))
            .Take(_shown)
            .ToList();
        Console.WriteLine(Invariant.Format($"  worst {worst.Count} misses{among} (query → normalised | expected | ranked first):"));
        foreach (var o in worst)
        {
            var expected = o.Hit is { } hit ? Invariant.Format($"rank {o.Rank} at {hit.Score:F3} via '{hit.MatchedName}'") : "not in top 10";
            var exhaustive = o.ExhaustiveRank is { } r ? Invariant.Format($"brute force rank {r}") : "brute force not in top 10";
            var top = o.Top is { } t ? Invariant.Format($"{t.Entity.Caption} ({t.Entity.Id}) {t.Score:F3} via '{t.MatchedName}'") : "nothing";
            Console.WriteLine($"  - '{o.Query.Text}' → '{NameNormalizer.Normalize(o.Query.Text)}'");
            Console.WriteLine($"      expected {o.Query.Expected.Caption} ({o.Query.Expected.Id}): {expected}; {exhaustive}");
            Console.WriteLine($"      first    {top}");
        }
    }

    /// <summary>A copy of the entity without the name values the predicate picks (property, value).</summary>
    private static Entity Without(Entity entity, Func<string, string, bool> drop)
    {
        var builder = new EntityBuilder(entity.Id, entity.Schema, entity.SourceRef);
        foreach (var property in entity.PropertyNames)
        {
            var isName = Array.IndexOf(NameProperties, property) >= 0;
            foreach (var value in entity.Get(property))
            {
                if (!isName || !drop(property, value))
                {
                    builder.Add(property, value);
                }
            }
        }

        return builder.Build();
    }

    private static void Line(string label, List<Outcome> outcomes) =>
        Console.WriteLine(Invariant.Format($"  {label,-40} {outcomes.Count,5} queries, rank 1 {Percent(outcomes.Count(o => o.Rank == 1), outcomes.Count),6}"));

    /// <summary>Which entities carry each name, keyed by its normalised parts.</summary>
    private static Dictionary<string, HashSet<string>> NameOwners(List<Entity> primaries)
    {
        var owners = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var entity in primaries)
        {
            foreach (var name in NamesOf(entity))
            {
                var key = Key(name);
                if (!owners.TryGetValue(key, out var ids))
                {
                    ids = new HashSet<string>(StringComparer.Ordinal);
                    owners.Add(key, ids);
                }

                ids.Add(entity.Id);
            }
        }

        return owners;
    }

    private static string Key(string name) => string.Join(' ', new PreparedName(name, false).Parts.Order(StringComparer.Ordinal));

    /// <summary>Whether every full word of the query (not a particle) is a part of the name, spelling aside.</summary>
    private static bool CoversEveryWord(string query, string name)
    {
        var prepared = new PreparedName(query, false);
        var other = new PreparedName(name, false);
        var words = prepared.Parts.Where((_, i) => prepared.Kinds[i] == NamePartKind.Word).ToList();
        return words.Count > 0 && words.All(w => other.Parts.Any(p => PartSimilarity.Of(w, p, prepared.Abjad || other.Abjad) >= NameScorer.PartFloor));
    }

    /// <summary>Whether a full word of the name (not a particle) is a part of one of the other names, spelling aside.</summary>
    private static bool SharesWord(string name, IEnumerable<string> others)
    {
        var query = new PreparedName(name, false);
        var words = query.Parts.Where((_, i) => query.Kinds[i] == NamePartKind.Word).ToList();
        return others.Any(other => new PreparedName(other, false).Parts.Any(p => words.Any(w => PartSimilarity.Of(w, p, query.Abjad) >= NameScorer.PartFloor)));
    }

    private static IEnumerable<string> NamesOf(Entity entity) => NameProperties.SelectMany(entity.Get);

    /// <summary>The script of the first letter outside Latin, with Arabic split by letters only Persian, Pashto or Urdu use.</summary>
    private static string ScriptOf(string text)
    {
        foreach (var c in text)
        {
            if (c is >= '\u0400' and <= '\u04FF')
            {
                return "Cyrillic";
            }

            if (c is >= '\u4E00' and <= '\u9FFF')
            {
                return "Han";
            }

            if (c is >= '\u0600' and <= '\u06FF' or >= '\u0750' and <= '\u077F' or >= '\uFB50' and <= '\uFEFF')
            {
                return text.Any(ch => "پچژگکیټډړښځڅڼېۍےٹڈڑںھہ".Contains(ch, StringComparison.Ordinal))
                    ? "Arabic script, Persian/Pashto/Urdu letters"
                    : "Arabic script, Arabic letters only";
            }
        }

        return "other";
    }

    private static string Percent(int part, int whole) => whole == 0 ? "n/a" : Invariant.Format($"{100.0 * part / whole:F1} %");

    private sealed record Query(string Text, Entity Expected);

    /// <summary>One query's outcome: the expected entity's rank (null when not in the top 10) and what came first.</summary>
    private sealed record Outcome(Query Query, int? Rank, bool Tied, ScreeningHit? Top, ScreeningHit? Hit, int? ExhaustiveRank)
    {
        /// <summary>For the original-script measure: whether the query is the entity's NAME_ORIGINAL_SCRIPT.</summary>
        public bool Listed { get; init; }

        /// <summary>For the leave-one-out: the property the alias came from.</summary>
        public string Property { get; init; } = "alias";

        /// <summary>Whether the query shares a word with a name left on the entity (spelling aside, by consonants for Arabic script).</summary>
        public bool Related { get; init; }

        /// <summary>For the leave-one-out: whether another entity carries the same name once normalised.</summary>
        public bool Ambiguous { get; init; }

        /// <summary>Whether another entity among the best ten has a name with every query word and the expected one none.</summary>
        public bool Outranked { get; init; }
    }
}
