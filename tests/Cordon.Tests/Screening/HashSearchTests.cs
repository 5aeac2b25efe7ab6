using System.Globalization;
using System.Text;
using Cordon.Lists;
using Cordon.Lists.Un;
using Cordon.Names;
using Cordon.Screening;
using Cordon.Tests.Support;

namespace Cordon.Tests.Screening;

/// <summary>
/// The shortcuts the index's part search takes must give the answers the plain computations give: the floor-cut
/// <see cref="PartSimilarity"/> against the exact one, the capped edit distance against the uncapped one, the galloping
/// hash search against a plain binary search, and the rolling deletion hashes of whole names against hashing each
/// shortened name directly.
/// </summary>
public sealed class HashSearchTests
{
    private const double Floor = NameScorer.PartFloor;

    /// <summary>Letters a typo draws from: look-alikes (e/i/y, c/k/s…) make the cheap substitutions show up too.</summary>
    private const string TypoLetters = "abcdefghijklmnopqrstuvwxyz";

    /// <summary>Distinct name parts of the real UN list, at least two letters and not numbers, in list order.</summary>
    private static readonly Lazy<List<string>> UnParts = new(() =>
    {
        var entities = new UnXmlReader().Read(TestData.Path("lists/un/UN_consolidated.xml"), new ImportContext("un"), CancellationToken.None);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var parts = new List<string>();
        foreach (var entity in entities)
        {
            foreach (var name in entity.Get("name").Concat(entity.Get("alias")))
            {
                foreach (var part in NameNormalizer.Tokens(name))
                {
                    if (part.Length >= 2 && !PartSimilarity.IsNumber(part) && part.All(char.IsAsciiLetterLower) && seen.Add(part))
                    {
                        parts.Add(part);
                    }
                }
            }
        }

        return parts;
    });

    // ---- PartSimilarity.Both: cut at the floor, exact from the floor up ----

    [Fact]
    public void The_real_list_gives_enough_parts_for_the_similarity_comparison()
    {
        // Given the parts of the UN list
        var parts = UnParts.Value;

        // Then there are hundreds of them, so the comparisons below are not vacuous
        Assert.True(parts.Count >= 1000, $"only {parts.Count} parts");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Both_cut_at_the_floor_equals_the_exact_similarity_from_the_floor_up(bool vowelBlind)
    {
        // Given real list parts, each against seeded typos of itself and against other parts near it in the list
        var pairs = Pairs(new Random(vowelBlind ? 41 : 17));
        int above = 0, below = 0;
        var failures = new List<string>();

        foreach (var (a, b) in pairs)
        {
            // When the similarity is computed exactly and cut at the floor
            var exactPlain = PartSimilarity.Of(a, b);
            var exact = PartSimilarity.Of(a, b, vowelBlind);
            var (plain, blind) = PartSimilarity.Both(a, b, vowelBlind, Floor);
            var cut = vowelBlind ? blind : plain;

            // Then from the floor up both agree exactly, and below it the cut value stays below too
            Check(a, b, "as written", exactPlain, plain, failures);
            Check(a, b, vowelBlind ? "vowel-blind" : "returned", exact, cut, failures);
            if (!vowelBlind)
            {
                Assert.Equal(plain, blind);
            }

            if (exact >= Floor)
            {
                above++;
            }
            else
            {
                below++;
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {pairs.Count} pairs differ:\n  " + string.Join("\n  ", failures.Take(20)));
        // Both sides of the floor are exercised, many times each.
        Assert.True(above >= 1000, $"only {above} pairs at or above the floor");
        Assert.True(below >= 1000, $"only {below} pairs below the floor");
    }

    [Theory]
    [InlineData("mohammed", "muhammad")]
    [InlineData("mohammed", "mhmd")]
    [InlineData("abdulrahman", "abdelrahman")]
    [InlineData("serkan", "erkan")]
    [InlineData("ahmadi", "amhadi")]
    [InlineData("a", "abdul")]
    [InlineData("b", "abdul")]
    [InlineData("12", "12")]
    [InlineData("12", "13")]
    [InlineData("", "ali")]
    [InlineData("", "")]
    [InlineData("zhukov", "petrov")]
    public void Both_agrees_with_the_exact_similarity_on_chosen_pairs(string a, string b)
    {
        foreach (var vowelBlind in new[] { false, true })
        {
            // When the pair is compared exactly and cut at the floor, in both orders
            foreach (var (x, y) in new[] { (a, b), (b, a) })
            {
                var exact = PartSimilarity.Of(x, y, vowelBlind);
                var (plain, blind) = PartSimilarity.Both(x, y, vowelBlind, Floor);
                var cut = vowelBlind ? blind : plain;

                // Then the two agree from the floor up, and agree on being below it otherwise
                if (exact >= Floor)
                {
                    Assert.Equal(exact, cut);
                }
                else
                {
                    Assert.True(cut < Floor, Describe(x, y, vowelBlind ? "vowel-blind" : "as written", exact, cut));
                }
            }
        }
    }

    [Fact]
    public void A_floor_of_zero_gives_the_exact_similarity()
    {
        // Given a pair far apart
        const string a = "zhukov", b = "petrov";

        // When it is cut at a floor of zero
        var (plain, _) = PartSimilarity.Both(a, b, vowelBlind: false, floor: 0);

        // Then nothing is cut: the value is the one the uncapped distance gives
        var expected = Math.Max(0, 1.0 - (PartSimilarity.Distance(a, b) / Math.Max(a.Length, b.Length)));
        Assert.Equal(expected, plain);
        Assert.InRange(plain, 0.01, Floor - 0.01);
    }

    // ---- PartSimilarity.Distance with a cap ----

    [Theory]
    [InlineData("abcd", "bacd", 0.5)]
    [InlineData("abcd", "abdc", 0.5)]
    [InlineData("abcd", "badc", 1.0)]
    [InlineData("abcdef", "badcfe", 1.5)]
    [InlineData("", "", 0.0)]
    [InlineData("", "abc", 3.0)]
    [InlineData("abc", "", 3.0)]
    [InlineData("kamal", "qamal", 0.5)]
    [InlineData("kamal", "jamal", 1.0)]
    public void Distance_counts_transpositions_and_look_alikes_as_half_an_edit(string a, string b, double expected)
    {
        Assert.Equal(expected, PartSimilarity.Distance(a, b));
    }

    [Theory]
    [InlineData("abcd", "bacd")]
    [InlineData("abcdef", "badcfe")]
    [InlineData("", "")]
    [InlineData("", "abcdef")]
    [InlineData("abcdef", "")]
    [InlineData("a", "b")]
    [InlineData("mohammed", "muhammad")]
    [InlineData("abdulrahman", "rahmanabdul")]
    public void Capped_distance_is_exact_up_to_the_cap_and_above_it_otherwise_on_chosen_pairs(string a, string b)
    {
        var exact = PartSimilarity.Distance(a, b);
        foreach (var cap in new[] { -1.0, 0.0, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 6.0, 100.0 })
        {
            // When the distance is capped
            var capped = PartSimilarity.Distance(a, b, cap);

            // Then it is the exact distance when that is within the cap, and above the cap otherwise
            if (exact <= cap)
            {
                Assert.Equal(exact, capped);
            }
            else
            {
                Assert.True(capped > cap, string.Create(CultureInfo.InvariantCulture, $"'{a}' / '{b}' cap {cap}: exact {exact}, capped {capped}"));
            }
        }
    }

    [Fact]
    public void Capped_distance_is_exact_up_to_the_cap_and_above_it_otherwise_on_random_pairs()
    {
        // Given seeded pairs of real parts and their typos, plus random strings over a small alphabet (many transpositions)
        var random = new Random(5);
        var pairs = Pairs(random);
        for (var i = 0; i < 3000; i++)
        {
            pairs.Add((RandomText(random, random.Next(0, 12), "abcd"), RandomText(random, random.Next(0, 12), "abcd")));
        }

        var failures = new List<string>();
        var overCap = 0;
        foreach (var (a, b) in pairs)
        {
            var exact = PartSimilarity.Distance(a, b);
            // Caps at, just below and just above the exact distance, where an early stop would go wrong first
            foreach (var cap in new[] { exact, exact - 0.5, exact - 0.25, exact + 0.25, exact - 1, (1 - Floor) * Math.Max(a.Length, b.Length), random.Next(0, 8) / 2.0 })
            {
                // When the distance is capped
                var capped = PartSimilarity.Distance(a, b, cap);

                // Then it is exact within the cap and above the cap otherwise
                var ok = exact <= cap ? capped == exact : capped > cap;
                overCap += exact > cap ? 1 : 0;
                if (!ok && failures.Count < 20)
                {
                    failures.Add(string.Create(CultureInfo.InvariantCulture, $"'{a}' / '{b}' cap {cap}: exact {exact}, capped {capped}"));
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(overCap >= 1000, $"only {overCap} capped computations had an exact distance above the cap");
    }

    [Fact]
    public void Capped_distance_stops_early_when_the_rows_run_past_the_cap()
    {
        // Given two long parts with nothing in common
        var a = new string('x', 60);
        var b = new string('m', 60);

        // When the distance is capped at one edit
        var capped = PartSimilarity.Distance(a, b, 1);

        // Then the answer is only known to be above the cap: far below the exact 60, as the search stops within a few rows
        Assert.Equal(60, PartSimilarity.Distance(a, b));
        Assert.InRange(capped, 1.5, 3.0);
    }

    // ---- SortedSpans.LowerBoundOfHash ----

    public static TheoryData<int> Sizes => [0, 1, 2, 63, 64, 65, 127, 1000, 100_000];

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Hash_lower_bound_equals_the_plain_lower_bound_on_uniform_hashes(int size)
    {
        // Given sorted values spread over the whole 64-bit range
        var random = new Random(size + 1);
        var values = Sorted(size, () => (ulong)random.NextInt64() ^ ((ulong)random.Next(2) << 63));

        // Then every probe finds the same position both ways
        AssertSameLowerBounds(values, random);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Hash_lower_bound_equals_the_plain_lower_bound_on_small_values(int size)
    {
        // Given sorted values all crowded near zero, far from where a uniform hash would put them
        var random = new Random(size + 2);
        var values = Sorted(size, () => (ulong)random.Next(0, 5000));

        AssertSameLowerBounds(values, random);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Hash_lower_bound_equals_the_plain_lower_bound_near_the_top_of_the_range(int size)
    {
        // Given sorted values all crowded just below ulong.MaxValue
        var random = new Random(size + 3);
        var values = Sorted(size, () => ulong.MaxValue - (ulong)random.Next(0, 5000));

        AssertSameLowerBounds(values, random);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Hash_lower_bound_equals_the_plain_lower_bound_on_long_runs_of_duplicates(int size)
    {
        // Given sorted values with few distinct ones: long runs of equal hashes, and clusters in a narrow band mid-range
        var random = new Random(size + 4);
        var distinct = Enumerable.Range(0, 7).Select(_ => (ulong)random.NextInt64()).ToArray();
        var band = 1UL << 62;
        var values = Sorted(size, () => random.Next(3) == 0 ? band + (ulong)random.Next(0, 50) : distinct[random.Next(distinct.Length)]);

        AssertSameLowerBounds(values, random);
    }

    [Fact]
    public void Hash_lower_bound_of_all_equal_values_is_the_first_position_or_past_the_end()
    {
        // Given a thousand equal values in the middle of the range
        var values = Enumerable.Repeat(1UL << 63, 1000).ToArray();

        // Then the value itself and anything below is found at 0, anything above past the end
        Assert.Equal(0, SortedSpans.LowerBoundOfHash(values, 1UL << 63));
        Assert.Equal(0, SortedSpans.LowerBoundOfHash(values, 0));
        Assert.Equal(1000, SortedSpans.LowerBoundOfHash(values, (1UL << 63) + 1));
        Assert.Equal(1000, SortedSpans.LowerBoundOfHash(values, ulong.MaxValue));
    }

    // ---- TokenSpace.JoinedKeys ----

    [Fact]
    public void Joined_deletion_keys_equal_the_keys_of_each_name_one_letter_shorter()
    {
        // Given seeded whole names of 6 to 96 letters, with runs of repeated letters and look-alike letters
        var random = new Random(96);
        var texts = new List<string> { "aaaaaa", "abcabcabc", "mohammedalrawi", "aeiouyaeiouy", "kcsqzkcsqz", new string('l', 96) };
        for (var length = 6; length <= 96; length++)
        {
            texts.Add(RandomText(random, length, "aabbelmmnoost"));
            texts.Add(RandomText(random, length, TypoLetters));
        }

        foreach (var text in texts)
        {
            // When the keys are taken with deletions
            var keys = Keys(text, deletions: true);
            var set = keys.ToHashSet();

            // Then the key of every one-letter-shorter text, hashed directly, is among them
            var deletionKeys = new HashSet<ulong>();
            for (var i = 0; i < text.Length; i++)
            {
                var shorter = text.Remove(i, 1);
                var direct = Keys(shorter, deletions: false)[0];
                Assert.True(set.Contains(direct), $"'{text}' without letter {i} ('{shorter}') has a key the rolling hash did not produce");
                deletionKeys.Add(direct);
            }

            // And nothing else is added: the text itself, one key per distinct deletion, its consonants and its letters
            Assert.Equal(3 + deletionKeys.Count, keys.Count);
            Assert.Equal(Keys(text, deletions: false)[0], keys[0]);
        }
    }

    [Fact]
    public void Joined_keys_without_deletions_are_the_text_its_consonants_and_its_letters()
    {
        // Given a whole name
        var keys = Keys("goodwillindustries", deletions: false);

        // Then it has three keys, all distinct
        Assert.Equal(3, keys.Count);
        Assert.Equal(3, keys.Distinct().Count());

        // And two swapped letters (u and s, not look-alikes) change the text key but keep the consonants and the letters
        var swapped = Keys("goodwillindsutries", deletions: false);
        Assert.NotEqual(keys[0], swapped[0]);
        Assert.Equal(keys[1], swapped[1]);
        Assert.Equal(keys[2], swapped[2]);

        // And a changed consonant changes all three
        var other = Keys("goodwillindumtries", deletions: false);
        Assert.Empty(keys.Intersect(other));
    }

    [Fact]
    public void Joined_keys_fold_look_alike_letters()
    {
        // Given two spellings that differ only in look-alike letters (e/i, c/k, o/u)
        var a = Keys("mekhanik", deletions: false);
        var b = Keys("mikhanic", deletions: false);

        // Then their keys are the same
        Assert.Equal(a, b);
    }

    [Fact]
    public void Joined_keys_of_an_empty_name_are_three_and_do_not_throw()
    {
        Assert.Equal(3, Keys("", deletions: true).Count);
        Assert.Equal(Keys("", deletions: false), Keys("", deletions: true));
    }

    [Theory]
    [InlineData(97)]
    [InlineData(150)]
    public void Joined_keys_of_a_name_longer_than_96_letters_are_those_of_its_first_96(int length)
    {
        // Given a name longer than the 4 × 24 letters the joined keys read
        var text = RandomText(new Random(length), length, TypoLetters);
        var prefix = text[..96];

        // When the keys are taken
        var keys = Keys(text, deletions: true);

        // Then they are exactly those of its first 96 letters, deletions included
        Assert.Equal(Keys(prefix, deletions: true), keys);
        Assert.Equal(Keys(prefix, deletions: false), Keys(text, deletions: false));
        var set = keys.ToHashSet();
        for (var i = 0; i < prefix.Length; i++)
        {
            Assert.Contains(Keys(prefix.Remove(i, 1), deletions: false)[0], set);
        }

        // And a letter deleted past the cut changes nothing: the shortened name keys as the whole one
        Assert.Equal(keys[0], Keys(text.Remove(length - 1, 1), deletions: false)[0]);
    }

    [Fact]
    public void Joined_keys_of_a_name_of_exactly_96_letters_cover_every_deletion_and_differ_from_its_97_letter_extension()
    {
        // Given a name of exactly 96 letters, and the same with one more letter
        var text = RandomText(new Random(960), 96, TypoLetters);
        var longer = text + "q";

        // Then every deletion of the 96 letters is keyed, and the longer name keys like the 96 letters, not like itself
        var set = Keys(text, deletions: true).ToHashSet();
        for (var i = 0; i < text.Length; i++)
        {
            Assert.Contains(Keys(text.Remove(i, 1), deletions: false)[0], set);
        }

        Assert.Equal(Keys(text, deletions: false)[0], Keys(longer, deletions: false)[0]);
    }

    // ---- CacheKeyComparer ----

    [Theory]
    [InlineData("", false)]
    [InlineData("", true)]
    [InlineData("mohammed", false)]
    [InlineData("mohammed", true)]
    [InlineData("محمد", true)]
    public void Equal_cache_keys_are_equal_and_hash_alike(string part, bool abjad)
    {
        // Given two keys with equal but distinct string instances
        var x = (part, abjad);
        var y = (new string(part.AsSpan()), abjad);

        // Then they are equal with equal hash codes
        Assert.True(CacheKeyComparer.Instance.Equals(x, y));
        Assert.Equal(CacheKeyComparer.Instance.GetHashCode(x), CacheKeyComparer.Instance.GetHashCode(y));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("mohammed")]
    public void Cache_keys_differing_only_in_the_script_flag_are_not_equal(string part)
    {
        var comparer = CacheKeyComparer.Instance;

        Assert.False(comparer.Equals((part, true), (part, false)));
        Assert.False(comparer.Equals((part, false), (part, true)));
    }

    [Fact]
    public void Cache_keys_compare_parts_ordinally()
    {
        var comparer = CacheKeyComparer.Instance;

        Assert.False(comparer.Equals(("ali", false), ("Ali", false)));
        Assert.False(comparer.Equals(("ali", false), ("ali ", false)));
        Assert.False(comparer.Equals(("straße", false), ("strasse", false)));
    }

    [Fact]
    public void The_cache_comparer_keeps_keys_apart_in_a_dictionary()
    {
        // Given a dictionary keyed by the comparer
        var cache = new Dictionary<(string Part, bool Abjad), int>(CacheKeyComparer.Instance)
        {
            [("ali", false)] = 1,
            [("ali", true)] = 2,
            [("alí", false)] = 3,
        };

        // Then each key finds its own entry, through a fresh string instance too
        Assert.Equal(3, cache.Count);
        Assert.Equal(1, cache[(new string("ali".AsSpan()), false)]);
        Assert.Equal(2, cache[("ali", true)]);
        Assert.Equal(3, cache[("alí", false)]);
        Assert.False(cache.ContainsKey(("al", false)));
    }

    // ---- helpers ----

    private static List<ulong> Keys(string text, bool deletions)
    {
        var keys = new List<ulong>();
        TokenSpace.JoinedKeys(text, deletions, keys);
        return keys;
    }

    /// <summary>
    /// Seeded pairs of real parts: each of the first 600 with up to three typos of itself (mostly at or above the floor),
    /// and with the next parts in the list and a random part (mostly below it).
    /// </summary>
    private static List<(string A, string B)> Pairs(Random random)
    {
        var parts = UnParts.Value;
        var pairs = new List<(string, string)>();
        var count = Math.Min(600, parts.Count);
        for (var i = 0; i < count; i++)
        {
            var part = parts[i];
            for (var typos = 1; typos <= 3; typos++)
            {
                var typo = part;
                for (var t = 0; t < typos; t++)
                {
                    typo = Typo(typo, random);
                }

                pairs.Add((part, typo));
                pairs.Add((typo, part));
            }

            pairs.Add((part, parts[(i + 1) % parts.Count]));
            pairs.Add((part, parts[(i + 2) % parts.Count]));
            pairs.Add((part, parts[random.Next(parts.Count)]));
        }

        return pairs;
    }

    /// <summary>One edit: a letter deleted, inserted or replaced, or two neighbours swapped.</summary>
    private static string Typo(string part, Random random)
    {
        var sb = new StringBuilder(part);
        var at = random.Next(Math.Max(1, sb.Length));
        switch (random.Next(4))
        {
            case 0 when sb.Length > 2:
                sb.Remove(at, 1);
                break;
            case 1:
                sb.Insert(at, TypoLetters[random.Next(TypoLetters.Length)]);
                break;
            case 2 when sb.Length > 0:
                sb[at] = TypoLetters[random.Next(TypoLetters.Length)];
                break;
            default:
                if (sb.Length >= 2)
                {
                    var i = Math.Min(at, sb.Length - 2);
                    (sb[i], sb[i + 1]) = (sb[i + 1], sb[i]);
                }

                break;
        }

        return sb.ToString();
    }

    private static string RandomText(Random random, int length, string alphabet)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = alphabet[random.Next(alphabet.Length)];
        }

        return new string(chars);
    }

    private static void Check(string a, string b, string what, double exact, double cut, List<string> failures)
    {
        var ok = exact >= Floor ? cut == exact : cut < Floor;
        if (!ok)
        {
            failures.Add(Describe(a, b, what, exact, cut));
        }
    }

    private static string Describe(string a, string b, string what, double exact, double cut) =>
        string.Create(CultureInfo.InvariantCulture, $"'{a}' / '{b}' {what}: exact {exact:R}, cut at the floor {cut:R}");

    private static ulong[] Sorted(int size, Func<ulong> next)
    {
        var values = new ulong[size];
        for (var i = 0; i < size; i++)
        {
            values[i] = next();
        }

        Array.Sort(values);
        return values;
    }

    /// <summary>Probes every value present, its neighbours, values below the first and above the last, and random ones.</summary>
    private static void AssertSameLowerBounds(ulong[] values, Random random)
    {
        var probes = new List<ulong> { 0, 1, ulong.MaxValue, ulong.MaxValue - 1, 1UL << 63, (1UL << 63) - 1 };
        var step = Math.Max(1, values.Length / 5000);
        for (var i = 0; i < values.Length; i += step)
        {
            probes.Add(values[i]);
            probes.Add(values[i] - 1);
            probes.Add(values[i] + 1);
        }

        if (values.Length > 0)
        {
            probes.Add(values[0]);
            probes.Add(values[^1]);
            if (values[0] > 0)
            {
                probes.Add(values[0] - 1);
                probes.Add(values[0] / 2);
            }

            if (values[^1] < ulong.MaxValue)
            {
                probes.Add(values[^1] + 1);
                probes.Add(values[^1] + ((ulong.MaxValue - values[^1]) / 2));
            }
        }

        for (var i = 0; i < 2000; i++)
        {
            probes.Add((ulong)random.NextInt64() ^ ((ulong)random.Next(2) << 63));
        }

        foreach (var probe in probes)
        {
            var expected = SortedSpans.LowerBound<ulong>(values, probe);
            var actual = SortedSpans.LowerBoundOfHash(values, probe);
            if (expected != actual)
            {
                Assert.Fail(string.Create(CultureInfo.InvariantCulture, $"{values.Length} values, probe {probe}: lower bound {expected}, hash lower bound {actual}"));
            }
        }

        // The probes really do land below, among and above the values.
        if (values.Length > 0)
        {
            Assert.Contains(probes, p => SortedSpans.LowerBound<ulong>(values, p) == 0);
            if (values[^1] < ulong.MaxValue)
            {
                Assert.Contains(probes, p => SortedSpans.LowerBound<ulong>(values, p) == values.Length);
            }
        }
    }
}
