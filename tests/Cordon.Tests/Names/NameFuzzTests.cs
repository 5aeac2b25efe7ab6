using System.Diagnostics;
using System.Globalization;
using System.Text;
using Cordon.Names;
using Cordon.Screening;
using Xunit.Abstractions;

namespace Cordon.Tests.Names;

/// <summary>
/// Seeded random and hostile names fed to the normaliser and the scorer: nothing throws, scores stay in [0, 1], and
/// normalising is idempotent outside the known gaps that the skipped tests at the bottom pin down with minimal inputs.
/// </summary>
public sealed class NameFuzzTests(ITestOutputHelper output)
{
    private const int Iterations = 3000;

    [Fact]
    public void Normalize_and_Tokens_never_throw_on_random_unicode()
    {
        // Given a seeded stream of random names from every plane, with broken surrogates, controls and marks
        var random = new Random(20260301);

        for (var i = 0; i < Iterations; i++)
        {
            var name = FuzzNames.Next(random);

            // When it is normalised and split
            var normalized = NameNormalizer.Normalize(name);
            var tokens = NameNormalizer.Tokens(name);

            // Then the parts are exactly the normalised text split on single spaces, none empty or blank
            Assert.Equal(normalized, string.Join(' ', tokens));
            Assert.All(tokens, t => Assert.False(string.IsNullOrWhiteSpace(t), $"blank token from {FuzzNames.Escape(name)}"));
            Assert.DoesNotContain("  ", normalized, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Normalize_is_idempotent_on_random_unicode_outside_the_known_gaps()
    {
        // Given a seeded stream of random names
        var random = new Random(7);
        var tolerated = new Dictionary<string, int>(StringComparer.Ordinal);

        for (var i = 0; i < Iterations; i++)
        {
            var name = FuzzNames.Next(random);

            // When the normalised form is normalised again
            var once = NameNormalizer.Normalize(name);
            var twice = NameNormalizer.Normalize(once);

            // Then nothing changes, unless the input falls in one of the gaps the skipped tests below document
            if (!string.Equals(once, twice, StringComparison.Ordinal))
            {
                var gap = FuzzNames.KnownIdempotencyGap(name, once);
                Assert.True(gap is not null, $"not idempotent: {FuzzNames.Escape(name)} → {FuzzNames.Escape(once)} → {FuzzNames.Escape(twice)}");
                tolerated[gap] = tolerated.GetValueOrDefault(gap) + 1;
            }
        }

        foreach (var (gap, count) in tolerated)
        {
            output.WriteLine($"{count} inputs in the known gap: {gap}");
        }
    }

    [Fact]
    public void Prepared_names_never_throw_and_their_parts_line_up()
    {
        // Given a seeded stream of random names
        var random = new Random(11);

        for (var i = 0; i < Iterations; i++)
        {
            var name = FuzzNames.Next(random);

            // When they are prepared as a person and as an organisation
            foreach (var organisation in new[] { false, true })
            {
                var prepared = new PreparedName(name, organisation);

                // Then every part has a kind and a positive weight, and no part is empty
                Assert.Equal(prepared.Parts.Length, prepared.Weights.Length);
                Assert.Equal(prepared.Parts.Length, prepared.Kinds.Length);
                Assert.All(prepared.Parts, p => Assert.NotEmpty(p));
                Assert.All(prepared.Weights, w => Assert.InRange(w, double.Epsilon, 1.0));
            }
        }
    }

    [Fact]
    public void Scores_of_random_names_stay_between_zero_and_one()
    {
        // Given seeded pairs of random names, some of them variants of each other
        var random = new Random(42);

        for (var i = 0; i < Iterations; i++)
        {
            var a = FuzzNames.Next(random);
            var b = random.Next(4) == 0 ? a + FuzzNames.Next(random, 2) : FuzzNames.Next(random);
            var query = new PreparedName(a, random.Next(2) == 0);
            var candidate = new PreparedName(b, random.Next(2) == 0);

            // When they are scored against each other
            var (score, pairs) = NameScorer.Score(query, candidate);

            // Then the score and every part similarity are numbers in [0, 1]
            Assert.False(double.IsNaN(score), $"NaN for {FuzzNames.Escape(a)} ~ {FuzzNames.Escape(b)}");
            Assert.InRange(score, 0.0, 1.0);
            Assert.All(pairs, p => Assert.InRange(p.Similarity, 0.0, 1.0));
        }
    }

    [Fact]
    public void A_random_name_scores_one_against_itself()
    {
        // Given seeded random names that keep at least one part
        var random = new Random(5);

        for (var i = 0; i < Iterations; i++)
        {
            var name = FuzzNames.Next(random);
            var prepared = new PreparedName(name, random.Next(2) == 0);
            if (prepared.Parts.Length == 0)
            {
                continue;
            }

            // When the name is scored against itself
            var (score, _) = NameScorer.Score(prepared, new PreparedName(name, prepared.Organisation));

            // Then it is a perfect match
            Assert.True(score == 1.0, $"{score} for {FuzzNames.Escape(name)} against itself");
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \t\r\n ")]
    [InlineData("!!!")]
    [InlineData("---")]
    [InlineData("\u200B\u200E\u200F\uFEFF")]
    [InlineData("\u0301\u0301\u0301")]
    public void A_name_with_no_letters_normalises_to_nothing_and_scores_zero(string name)
    {
        // Given a name that holds no letter or digit

        // When it is normalised and scored against a real name
        var normalized = NameNormalizer.Normalize(name);
        var (score, pairs) = NameScorer.Score(new PreparedName(name, false), new PreparedName("John Smith", false));

        // Then it is empty and matches nothing
        Assert.Equal("", normalized);
        Assert.Empty(NameNormalizer.Tokens(name));
        Assert.Equal(0.0, score);
        Assert.Empty(pairs);
    }

    [Theory]
    [InlineData("al", false)]
    [InlineData("bin al", false)]
    [InlineData("LLC", true)]
    [InlineData("Ltd.", true)]
    public void A_name_made_only_of_particles_or_a_legal_form_keeps_its_parts_at_low_weight(string name, bool organisation)
    {
        // Given a name whose every part is a particle or a legal form

        // When it is prepared
        var prepared = new PreparedName(name, organisation);

        // Then its parts are kept (the name is not empty) but none weighs as a full word
        Assert.NotEmpty(prepared.Parts);
        Assert.All(prepared.Weights, w => Assert.True(w < 1.0));
        var (score, _) = NameScorer.Score(prepared, new PreparedName(name, organisation));
        Assert.Equal(1.0, score);
    }

    [Fact]
    public void A_ten_thousand_character_name_is_normalised_and_scored_quickly()
    {
        // Given a 10,000-character name of random letters, spaces and marks
        var random = new Random(3);
        var sb = new StringBuilder();
        while (sb.Length < 10_000)
        {
            sb.Append((char)random.Next('a', 'z' + 1));
            if (random.Next(7) == 0)
            {
                sb.Append(random.Next(3) == 0 ? '\u0301' : ' ');
            }
        }

        var name = sb.ToString(0, 10_000);

        // When it is normalised, prepared and scored against itself and a short name (a hang guard, not a benchmark)
        var watch = Stopwatch.StartNew();
        var normalized = NameNormalizer.Normalize(name);
        var prepared = new PreparedName(name, false);
        var (self, _) = NameScorer.Score(prepared, new PreparedName(name, false));
        var (other, _) = NameScorer.Score(prepared, new PreparedName("Vladimir Putin", false));
        watch.Stop();

        // Then it takes well under two seconds and the scores are sound
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
        Assert.InRange(normalized.Length, 1, NameNormalizer.MaxLength);
        Assert.Equal(1.0, self);
        Assert.InRange(other, 0.0, 1.0);
    }

    [Fact]
    public void A_name_of_a_thousand_tokens_is_scored_against_ordinary_names_quickly()
    {
        // Given a name of 1,000 space-separated random tokens
        var random = new Random(1000);
        var name = string.Join(' ', Enumerable.Range(0, 1000).Select(_ => new string((char)random.Next('a', 'z' + 1), random.Next(1, 6))));

        // When it is prepared and scored against ordinary names of both kinds
        var watch = Stopwatch.StartNew();
        var prepared = new PreparedName(name, false);
        var scores = new[] { "Vladimir Putin", "Abu Bakr al-Baghdadi", "Acme Trading LLC" }
            .Select(n => NameScorer.Score(prepared, new PreparedName(n, n.EndsWith("LLC", StringComparison.Ordinal))).Score)
            .ToList();
        watch.Stop();

        // Then it finishes well under two seconds with sound scores
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
        Assert.NotEmpty(prepared.Parts);
        Assert.All(scores, s => Assert.InRange(s, 0.0, 1.0));
    }

    [Fact]
    public void A_mixed_script_name_is_transliterated_part_by_part()
    {
        // Given a name written half in Latin, half in Cyrillic

        // When it is normalised and scored against the Latin spelling
        var normalized = NameNormalizer.Normalize("Vladimir Путин");
        var (score, _) = NameScorer.Score(new PreparedName("Vladimir Путин", false), new PreparedName("Vladimir Putin", false));

        // Then both halves come out in Latin and it is the same name
        Assert.Equal("vladimir putin", normalized);
        Assert.True(score >= 0.95, $"score {score}");
    }

    [Theory]
    [InlineData("\u200Fمحمد علي\u200F")]
    [InlineData("محمد\u200F علي")]
    [InlineData("\u200Eمحمد\u200E \u200Fعلي\u200B")]
    [InlineData("\u202Bمحمد علي\u202C")]
    public void Right_to_left_and_zero_width_marks_inside_an_Arabic_name_do_not_change_the_match(string marked)
    {
        // Given an Arabic name and the same name with direction or zero-width marks inside
        var plain = new PreparedName("محمد علي", false);
        var withMarks = new PreparedName(marked, false);

        // When they are scored against each other, both ways
        var (forward, _) = NameScorer.Score(plain, withMarks);
        var (backward, _) = NameScorer.Score(withMarks, plain);

        // Then they are the same name
        Assert.Equal(NameNormalizer.Normalize("محمد علي"), NameNormalizer.Normalize(marked));
        Assert.True(forward >= 0.95, $"score {forward}");
        Assert.True(backward >= 0.95, $"score {backward}");
    }

    [Fact]
    public void Normalize_is_defined_for_unpaired_surrogates_in_any_position()
    {
        // Given names with lone high and low surrogates at the start, middle and end

        // When they are normalised
        var results = new[] { "\uD800John", "Jo\uDC00hn", "John\uD83D", "\uDC00\uD800", "Путин\uD800" }.Select(NameNormalizer.Normalize).ToList();

        // Then the surrogates are dropped and the letters kept
        Assert.Equal(["john", "john", "john", "", "putin"], results);
    }

    [Fact]
    public void Normalize_does_not_throw_on_the_noncharacter_FFFE()
    {
        // Given a name holding U+FFFE

        // When it is normalised
        var normalized = NameNormalizer.Normalize("John\uFFFE");

        // Then the noncharacter is dropped like any other non-letter
        Assert.Equal("john", normalized);
    }

    [Theory(Skip = "BUG: Normalize transliterates before the compatibility decomposition (FormKD), so a compatibility character whose decomposition is in another script survives the first pass and is transliterated on the second: ⼀ U+2F00 → 一 → yi, ㈠ U+3220 → 一 → yi, 𝛼 U+1D6FC → α → a, ﬕ U+FB15 → մի → mi, ℵ U+2135 → א → (empty), Fix: decompose (FormKC/KD) before Transliteration.ToLatin.")]
    [InlineData("\u2F00")]
    [InlineData("\u3220")]
    [InlineData("\U0001D6FC")]
    [InlineData("\uFB15")]
    [InlineData("\u2135")]
    public void Normalize_is_idempotent_on_compatibility_characters_of_other_scripts(string name)
    {
        // Given a compatibility character whose decomposition is written in a script other than Latin

        // When it is normalised twice
        var once = NameNormalizer.Normalize(name);

        // Then the second pass changes nothing
        Assert.Equal(once, NameNormalizer.Normalize(once));
    }

    [Theory(Skip = "BUG: case folding runs after transliteration, so an upper-case letter that ICU does not transliterate (or fold) but whose lower case it does comes out changed by the next pass: Georgian Mtavruli Ი U+1C98 → ი U+10D8 → i; Ᶎ U+A7C6 → ᶎ U+1D8E → z.")]
    [InlineData("\u1C98")]
    [InlineData("\uA7C6")]
    public void Normalize_is_idempotent_on_upper_case_letters_whose_lower_case_is_transliterated(string name)
    {
        // Given an upper-case letter whose lower case only ICU knows how to write in ASCII

        // When it is normalised twice
        var once = NameNormalizer.Normalize(name);

        // Then the second pass changes nothing
        Assert.Equal(once, NameNormalizer.Normalize(once));
    }

    [Theory(Skip = "BUG: a letter ICU cannot transliterate (Khmer ឞ, Arabic ؼ, CJK Ext-A 㒹) stays in the output, so the next pass runs ICU again on a different string: Latin-ASCII then folds letters made by case folding after the first ICU run (Ɡ → ɡ → g, Ƕ → ƕ → hv), and Han-Latin spaces an ideograph apart from a letter that was a digit before leet reading (1㒹آ → i㒹a → 'i 㒹a'). Fix: fold case and decompose before ICU, and apply the ASCII fold unconditionally.")]
    [InlineData("\uA7AC\u179E")]
    [InlineData("\u063C\u01F6")]
    [InlineData("1\u34B9\u0622")]
    public void Normalize_is_idempotent_when_the_output_keeps_letters_ICU_cannot_transliterate(string name)
    {
        // Given a name that keeps a letter ICU leaves alone, next to a letter changed after the ICU run

        // When it is normalised twice
        var once = NameNormalizer.Normalize(name);

        // Then the second pass changes nothing
        Assert.Equal(once, NameNormalizer.Normalize(once));
    }

    [Theory]
    [InlineData("\U0001F600\u309D")]
    [InlineData("Ali \U0001F600 \u30FE")]
    public void Normalize_does_not_throw_on_a_kana_iteration_mark_after_a_supplementary_character(string name)
    {
        // Given a name with an emoji followed by a kana iteration mark

        // When it is normalised
        var normalized = NameNormalizer.Normalize(name);

        // Then it gives a defined result without the emoji
        Assert.DoesNotContain('\uD83D', normalized);
    }

    [Theory(Skip = "BUG: NameNumbers.Rewrite reads digits inside a word as letters (leet) but does not then read the result as a number word, which the next pass does: 1ii → iii → 3, f1rst → first → 1, tw3nty → twenty → 20.")]
    [InlineData("1ii")]
    [InlineData("f1rst")]
    [InlineData("tw3nty")]
    public void Normalize_is_idempotent_when_digits_in_a_word_spell_a_number_word(string name)
    {
        // Given a word whose digits, read as letters, make a number word

        // When it is normalised twice
        var once = NameNormalizer.Normalize(name);

        // Then the second pass changes nothing
        Assert.Equal(once, NameNormalizer.Normalize(once));
    }

    [Theory(Skip = "BUG: the MaxLength cut applies to the input, but folding and transliteration can make the output longer (ß → ss, 习 → xi), so the second pass cuts it: 600 × ß → 1200 × s → 1000 × s; 400 × 习 → 1199 characters → 1000. Fix: cut the output (on a part boundary) as well.")]
    [InlineData('ß', 600)]
    [InlineData('习', 400)]
    public void Normalize_is_idempotent_when_the_output_outgrows_the_length_cut(char letter, int count)
    {
        // Given a name whose normalised form is longer than NameNormalizer.MaxLength
        var name = new string(letter, count);

        // When it is normalised twice
        var once = NameNormalizer.Normalize(name);

        // Then the second pass changes nothing
        Assert.Equal(once, NameNormalizer.Normalize(once));
    }

    [Fact]
    public void Two_long_particle_heavy_names_are_scored_quickly()
    {
        // Given a 1,000-character name of 500 parts, half of them the particle "e"
        var name = string.Join(' ', Enumerable.Repeat("e a", 250));

        // When it is scored against itself (a hang guard, not a benchmark)
        var watch = Stopwatch.StartNew();
        var (score, _) = NameScorer.Score(new PreparedName(name, false), new PreparedName(name, false));
        watch.Stop();

        // Then it takes well under two seconds
        Assert.Equal(1.0, score);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
    }
}

/// <summary>Seeded random names for fuzzing, and the known normalisation gaps the fuzz tests tolerate.</summary>
internal static class FuzzNames
{
    private const string Punctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~‘’“”–—…«»·•§¶†‡";
    private static readonly char[] Marks = ['\u200E', '\u200F', '\u200B', '\uFEFF', '\u200C', '\u200D', '\u202E', '\u2066', '\u061C'];
    private static readonly char[] Spaces = [' ', ' ', ' ', '\t', '\n', '\u00A0', '\u3000', '\u2028', '\u2009'];

    /// <summary>Number words that <c>NameNumbers</c> turns into digits (see the leet gap).</summary>
    private static readonly HashSet<string> NumberWords = new(StringComparer.Ordinal)
    {
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
        "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "first", "second", "third", "fourth", "fifth",
        "sixth", "seventh", "eighth", "ninth", "tenth", "1st", "2nd", "3rd", "4th", "5th", "ii", "iii", "iv", "vi", "vii", "viii",
        "ix", "twenty", "thirty", "forty", "fourty", "fifty", "sixty", "seventy", "eighty", "ninety",
    };

    /// <summary>
    /// A random name of up to <paramref name="maxPieces"/> pieces: any code point of any plane, lone surrogates,
    /// controls, direction and zero-width marks, 50 stacked combining marks, Latin, Arabic, Cyrillic and Han words,
    /// digits, punctuation runs and odd spaces. U+FFFE and the kana iteration marks ゝゞヽヾ are never produced: they make
    /// <see cref="NameNormalizer.Normalize"/> throw (see the skipped tests on them).
    /// </summary>
    public static string Next(Random random, int maxPieces = 12)
    {
        var sb = new StringBuilder();
        var pieces = random.Next(0, maxPieces + 1);
        for (var i = 0; i < pieces; i++)
        {
            switch (random.Next(14))
            {
                case 0:
                    var bmp = (char)random.Next(0, 0x10000);
                    sb.Append(bmp is '\uFFFE' or '\u309D' or '\u309E' or '\u30FD' or '\u30FE' ? '\uFFFD' : bmp);
                    break;
                case 1:
                    sb.Append(char.ConvertFromUtf32(random.Next(0x10000, 0x110000)));
                    break;
                case 2:
                    sb.Append((char)random.Next(0xD800, 0xDC00));
                    break;
                case 3:
                    sb.Append((char)random.Next(0xDC00, 0xE000));
                    break;
                case 4:
                    sb.Append((char)(random.Next(2) == 0 ? random.Next(0, 0x20) : random.Next(0x7F, 0xA0)));
                    break;
                case 5:
                    sb.Append(Marks[random.Next(Marks.Length)]);
                    break;
                case 6:
                    sb.Append((char)random.Next('a', 'z' + 1));
                    for (var k = 0; k < 50; k++)
                    {
                        sb.Append((char)random.Next(0x0300, 0x0370));
                    }

                    break;
                case 7:
                    Word(random, sb, 'a', 'z', capital: true);
                    break;
                case 8:
                    Word(random, sb, '\u0621', '\u064A', capital: false);
                    break;
                case 9:
                    Word(random, sb, '\u0410', '\u044F', capital: false);
                    break;
                case 10:
                    Word(random, sb, '\u4E00', '\u9FFF', capital: false, maxLength: 3);
                    break;
                case 11:
                    sb.Append(random.Next(0, 100_000).ToString(CultureInfo.InvariantCulture));
                    break;
                case 12:
                    for (var k = random.Next(1, 5); k > 0; k--)
                    {
                        sb.Append(Punctuation[random.Next(Punctuation.Length)]);
                    }

                    break;
                default:
                    sb.Append(Spaces[random.Next(Spaces.Length)]);
                    break;
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// Which documented gap explains a non-idempotent normalisation of <paramref name="input"/>, or null when none does
    /// (a new bug). Each gap has a skipped test in <see cref="NameFuzzTests"/> with a minimal input.
    /// </summary>
    public static string? KnownIdempotencyGap(string input, string normalized)
    {
        if (normalized.Length > NameNormalizer.MaxLength)
        {
            return "output longer than the length cut";
        }

        if (normalized.Split(' ').Any(NumberWords.Contains))
        {
            return "digits in a word read as a number word";
        }

        foreach (var rune in input.EnumerateRunes())
        {
            var alone = NameNormalizer.Normalize(rune.ToString());
            if (!string.Equals(alone, NameNormalizer.Normalize(alone), StringComparison.Ordinal))
            {
                return "a character not idempotent on its own (compatibility or case mapping into a script transliterated on the next pass)";
            }
        }

        if (Transliteration.NeedsTransliteration(normalized))
        {
            return "output keeps letters ICU cannot transliterate, so the next pass runs ICU again in another context";
        }

        return null;
    }

    /// <summary>The text with everything outside printable ASCII written as \uXXXX, for failure messages.</summary>
    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is >= ' ' and <= '~')
            {
                sb.Append(c);
            }
            else
            {
                sb.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
        }

        return sb.ToString();
    }

    private static void Word(Random random, StringBuilder sb, char first, char last, bool capital, int maxLength = 9)
    {
        var length = random.Next(1, maxLength + 1);
        for (var k = 0; k < length; k++)
        {
            var c = (char)random.Next(first, last + 1);
            sb.Append(capital && k == 0 && random.Next(2) == 0 ? char.ToUpperInvariant(c) : c);
        }
    }
}
