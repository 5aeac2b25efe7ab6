using Cordon.Names;

namespace Cordon.Screening;

/// <summary>A name prepared for scoring: its normalised parts and their weights.</summary>
public sealed class PreparedName
{
    /// <summary>Names with more parts are cut to this many.</summary>
    public const int MaxParts = 24;

    private string? _joined;

    /// <param name="original">The name as written.</param>
    /// <param name="organisation">Whether legal forms and organisation words apply.</param>
    public PreparedName(string original, bool organisation)
    {
        Original = original;
        Organisation = organisation;
        var parts = MergeArticles(Tokenize(original, organisation));
        if (parts.Length > MaxParts)
        {
            // Alignment is cubic in the parts; no real name has this many.
            parts = parts[..MaxParts];
        }

        if (organisation)
        {
            (parts, var generics) = LegalForms.Replace(parts);
            Generics = generics.Any(g => g is not null) ? generics : null;
        }

        Parts = parts;
        Weights = new double[Parts.Length];
        Span<NamePartKind> kinds = stackalloc NamePartKind[Parts.Length];
        for (var i = 0; i < Parts.Length; i++)
        {
            kinds[i] = Generics?[i] is not null ? NamePartKind.LegalForm : NameParts.Classify(Parts, i, organisation);
            // A common word ("Mohammed", "International") says less about who is meant than a rare one.
            Weights[i] = NameParts.Weight(kinds[i]) * (kinds[i] == NamePartKind.Word ? NameRarity.Factor(Parts[i]) : 1.0);
        }

        Kinds = SharedArrays.Of(kinds);

        var joins = new List<int>(3);
        Abjad = ArabicScript.Contains(original) || original.Any(ch => ch is >= '\u0590' and <= '\u05FF' or >= '\uFB1D' and <= '\uFB4F');
        if (Abjad)
        {
            // A name and the الدين after it count once, as "Abdul Rahman" does; it is joined before any particle is.
            Words -= AddServantJoins(joins);
        }

        for (var i = 0; i + 1 < Parts.Length && joins.Count < MaxJoins; i++)
        {
            if ((Kinds[i] == NamePartKind.Particle || NameParts.IsCompoundHead(Parts[i])) && Kinds[i + 1] == NamePartKind.Word
                && !char.IsAsciiDigit(Parts[i + 1][0]) && !joins.Contains(i))
            {
                joins.Add(i);

                // "Abd Allah", "Abdul Rahman": one name in two words.
                Words -= Kinds[i] == NamePartKind.Word ? 1 : 0;
            }
        }

        if (Abjad)
        {
            AddSplitCompounds(joins);
        }

        joins.Sort();
        Joins = [.. joins];

        var tableLength = Parts.Length + Joins.Length;
        Span<bool> tableWords = stackalloc bool[tableLength];
        Span<bool> tableGeneric = stackalloc bool[tableLength];
        Span<bool> tableLegalForm = stackalloc bool[tableLength];
        for (var i = 0; i < tableLength; i++)
        {
            tableGeneric[i] = i < Parts.Length && Kinds[i] is NamePartKind.Particle or NamePartKind.Honorific or NamePartKind.LegalForm;
            tableLegalForm[i] = i < Parts.Length && Kinds[i] == NamePartKind.LegalForm && Parts[i].Length >= 3;
            tableWords[i] = i >= Parts.Length || Kinds[i] is NamePartKind.Word or NamePartKind.Patronymic or NamePartKind.Number;
            HasWord |= tableWords[i];
            Words += i < Parts.Length && tableWords[i] ? 1 : 0;
        }

        TableWords = SharedArrays.Of(tableWords);
        TableGeneric = SharedArrays.Of(tableGeneric);
        TableLegalForm = SharedArrays.Of(tableLegalForm);

        if (Joins.Length == 0)
        {
            Table = Parts;
        }
        else
        {
            Table = new string[Parts.Length + Joins.Length];
            Parts.CopyTo(Table, 0);
            for (var k = 0; k < Joins.Length; k++)
            {
                Table[Parts.Length + k] = JoinParts(Parts[Joins[k]], Parts[Joins[k] + 1]);
            }
        }

        if (Transliteration.NeedsTransliteration(original))
        {
            Native = string.Concat(original.Where(char.IsLetterOrDigit)).ToLowerInvariant();
        }
    }

    /// <summary>
    /// Arabic script writes apart many names Latin lists write as one word (شهيد خيل / Shahidkhel, ولی جان / Walijan,
    /// آخوند زاده / Akhundzada, ما يشو / Maychou, نور الدين / Nuruddin): a name and the الدين, الرحمن or الله after it,
    /// before any particle is; then (<see cref="AddSplitCompounds"/>) two words of which the second is short (a suffix such
    /// as khel, jan, zada, gul) or the first is, are also read joined, in the slots particles leave.
    /// </summary>
    /// <returns>How many joins were added: each is a name and its الدين, الرحمن or الله.</returns>
    private int AddServantJoins(List<int> joins)
    {
        var servants = 0;
        // A name and الدين, الرحمن or الله after it (nwr aldyn): one name, Nuruddin or Nur al-Din.
        for (var i = 0; i + 1 < Parts.Length && joins.Count < MaxJoins; i++)
        {
            if (Kinds[i] == NamePartKind.Word && Parts[i + 1] is "aldyn" or "alrhmn" or "alrhman" or "allh")
            {
                joins.Add(i);
                servants++;
            }
        }

        return servants;
    }

    /// <summary>The second half of <see cref="AddServantJoins"/>: two words of which one is short, in the slots left.</summary>
    private void AddSplitCompounds(List<int> joins)
    {
        for (var i = 0; i + 1 < Parts.Length && joins.Count < MaxJoins; i++)
        {
            if (Kinds[i] == NamePartKind.Word && Kinds[i + 1] == NamePartKind.Word && !joins.Contains(i)
                && (Parts[i + 1].Length <= SplitSuffixLength || Parts[i].Length <= 2)
                && !char.IsAsciiDigit(Parts[i][0]) && !char.IsAsciiDigit(Parts[i + 1][0]))
            {
                joins.Add(i);
            }
        }
    }

    /// <summary>
    /// Two parts read as one. The article of a servant compound takes the sun letter's sound when joined, as Latin lists
    /// write it: nwr aldyn is read nwrddyn (Nuruddin, Noureddine), not nwraldyn, whose l would stand between the d's.
    /// </summary>
    private static string JoinParts(string first, string second) =>
        second is "aldyn" or "alrhmn" or "alrhman" ? string.Concat(first, second.AsSpan(2, 1), second.AsSpan(2)) : first + second;

    /// <summary>
    /// Replaces the parts and joined pairs by pooled copies, so that equal part strings are shared between names (the
    /// index passes its string pool: a million names hold only a few hundred thousand distinct parts). Names are
    /// prepared on every core and pooled on the one thread that adds them.
    /// </summary>
    internal void Intern(Func<string, string> intern)
    {
        for (var i = 0; i < Parts.Length; i++)
        {
            Parts[i] = intern(Parts[i]);
        }

        if (!ReferenceEquals(Table, Parts))
        {
            Parts.CopyTo(Table, 0);
            for (var k = Parts.Length; k < Table.Length; k++)
            {
                Table[k] = intern(Table[k]);
            }
        }
    }

    /// <summary>The longest second word (after transliteration) that <see cref="AddSplitCompounds"/> reads as a suffix.</summary>
    private const int SplitSuffixLength = 4;

    /// <summary>At most this many pairs (a particle and its word, a name and its الدين, a split compound) are read joined.</summary>
    public const int MaxJoins = 3;

    /// <summary>Where a particle joins the word after it (al Rawi → alrawi): the particle's position, first three.</summary>
    public int[] Joins { get; }

    /// <summary>The parts, then each particle-joined pair in the order of <see cref="Joins"/>.</summary>
    public string[] Table { get; }

    /// <summary>Whether each <see cref="Table"/> entry is a word (not a particle, honorific or legal form); joined pairs are.</summary>
    public bool[] TableWords { get; }

    /// <summary>
    /// Whether each <see cref="Table"/> entry is a particle, honorific or legal form: such a part pairs only with its
    /// own kind, or with the same part (<see cref="NameScorer"/>).
    /// </summary>
    public bool[] TableGeneric { get; }

    /// <summary>
    /// Whether each <see cref="Table"/> entry is a legal form of three letters or more (ltd, corporation, trading): a
    /// near spelling of such a part on the other side is a typo of it (CORPORATIONJ, TRADIBG), so it may pair with a word.
    /// </summary>
    public bool[] TableLegalForm { get; }

    /// <summary>Whether any part is a word.</summary>
    public bool HasWord { get; }

    /// <summary>
    /// How many words the name has: parts that are not particles, honorifics or legal forms, a compound such as
    /// "Abdul Rahman" counting once.
    /// </summary>
    public int Words { get; }

    /// <summary>
    /// How many readings the scorer compares: the parts as written, then each choice of joined pairs (see
    /// <see cref="Reading"/>).
    /// </summary>
    internal int ReadingCount => 1 << Joins.Length;

    /// <summary>
    /// Writes reading <paramref name="mask"/> (bit k set: pair <see cref="Joins"/>[k] read joined) as positions in
    /// <see cref="Table"/> with their weights (a joined pair carries both weights), and returns its length. A join that
    /// overlaps one taken before it is read apart. Nothing is allocated or kept: a listed name is read afresh each time.
    /// </summary>
    internal int Reading(int mask, Span<int> parts, Span<double> weights)
    {
        var n = 0;
        for (var i = 0; i < Parts.Length; i++)
        {
            var at = mask == 0 ? -1 : Array.IndexOf(Joins, i);
            if (at >= 0 && (mask & (1 << at)) != 0 && i + 1 < Parts.Length)
            {
                parts[n] = Parts.Length + at;
                weights[n++] = Weights[i] + Weights[i + 1];
                i++;
                continue;
            }

            parts[n] = i;
            weights[n++] = Weights[i];
        }

        return n;
    }

    /// <summary>Written in Arabic or Hebrew script, which leave short vowels out: compared by consonants as well.</summary>
    public bool Abjad { get; }

    /// <summary>For a name written in another script, its letters as written (before transliteration), else null.</summary>
    public string? Native { get; }

    public string Original { get; }

    public bool Organisation { get; }

    public string[] Parts { get; }

    public double[] Weights { get; }

    public NamePartKind[] Kinds { get; }

    /// <summary>
    /// For organisations with a legal form, the generic type of each part that is one (LLC, JSC…), else null; null
    /// altogether when the name has no legal form.
    /// </summary>
    public string?[]? Generics { get; }

    /// <summary>All parts run together, for names written as one word on one side (SiemensAG, Goodwill).</summary>
    public string Joined => _joined ??= string.Concat(Parts);

    /// <summary>
    /// Writes the start of <see cref="Joined"/> into <paramref name="destination"/>, as much as fits, without building or
    /// keeping it (the index reads the joined form of every name it adds once), and returns how many characters it wrote.
    /// </summary>
    internal int WriteJoined(Span<char> destination)
    {
        var n = 0;
        foreach (var part in Parts)
        {
            var take = Math.Min(part.Length, destination.Length - n);
            part.AsSpan(0, take).CopyTo(destination[n..]);
            n += take;
        }

        return n;
    }

    /// <summary>The length of <see cref="Joined"/>, without building it.</summary>
    public int JoinedLength
    {
        get
        {
            var length = 0;
            foreach (var part in Parts)
            {
                length += part.Length;
            }

            return length;
        }
    }

    /// <summary>
    /// "Abd" and the article after it are one part, as Arabic writes them (عبد ال): ABD AL-RAZZAQ → abdal razzaq, which
    /// reads joined as abdalrazzaq like Abdulrazzaq and عبد الرزاق.
    /// </summary>
    private static string[] MergeArticles(string[] parts)
    {
        var merges = 0;
        for (var i = 0; i + 1 < parts.Length; i++)
        {
            if (parts[i] == "abd" && IsArticle(parts[i + 1]))
            {
                merges++;
            }
        }

        if (merges == 0)
        {
            return parts;
        }

        var merged = new List<string>(parts.Length - merges);
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i] == "abd" && i + 1 < parts.Length && IsArticle(parts[i + 1]))
            {
                merged.Add("abd" + parts[++i]);
                continue;
            }

            merged.Add(parts[i]);
        }

        return [.. merged];
    }

    /// <summary>The Arabic article as Latin lists write it, sun-letter assimilations included (ar-Rahman, as-Salam).</summary>
    private static bool IsArticle(string part) => part is "al" or "el" or "ul" or "il" or "ar" or "ur" or "er" or "as" or "us" or "es" or "ad" or "ud" or "an" or "un" or "at" or "ut" or "az" or "uz" or "ash" or "ush";

    /// <summary>Lists write people as "FAMILY, Given"; the parts are put back in written order so order can count.</summary>
    private static string[] Tokenize(string original, bool organisation)
    {
        var comma = original.IndexOf(',', StringComparison.Ordinal);
        if (!organisation && comma > 0 && comma == original.LastIndexOf(',') && comma < original.Length - 1)
        {
            var family = NameNormalizer.Tokens(original[..comma]);
            var given = NameNormalizer.Tokens(original[(comma + 1)..]);
            if (family.Length is > 0 and <= 3 && given.Length > 0)
            {
                return [.. given, .. family];
            }
        }

        return NameNormalizer.Tokens(original);
    }
}

