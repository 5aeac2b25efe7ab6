using System.Diagnostics;
using System.Globalization;
using System.Text;
using Cordon.Lists;
using Cordon.Lists.Ofac;
using Cordon.Lists.Un;
using Cordon.Model;
using Cordon.Synthetic;
using Cordon.Text;

namespace Cordon.Benchmarks;

/// <summary>
/// <c>screen-input --rows N [--seed S] --out FILE [--un PATH] [--ofac DIR] [--format csv|ndjson]</c>: writes the seeded
/// CSV (<c>id,name,dob,country</c>) that the <c>cordon screen-file</c> benchmark screens, or the same rows as NDJSON
/// (<c>{"id","name","birthDate","country"}</c>) for <c>POST /v1/screen/batch</c>: 10 % names exactly as the UN and
/// OFAC lists write them, 20 % such names with one typo, 70 % generated people and organisations not on the lists, a
/// fifth of those with one typo. Each id says which kind its row is (<c>0000042-unlisted-typo</c>), so that the hits
/// can be told apart into found list names and false alarms.
/// </summary>
internal static class ScreenInputCommand
{
    private const string DefaultUn = "data/un/UN_consolidated.xml";
    private const string DefaultOfac = "data/ofac";
    private const int ExactPercent = 10;
    private const int ListedTypoPercent = 20;
    private const int UnlistedTypoOneIn = 5;

    // A birth date or country is given only for some rows, as in a real customer file, and only when one is known.
    private const int BirthDatePercent = 40;
    private const int CountryPercent = 40;

    private static readonly string[] NameProperties = ["name", "alias", "weakAlias"];
    private static readonly string[] CountryProperties = ["nationality", "citizenship", "country", "jurisdiction"];

    // QWERTY keys next to each of a..z: the slips of a typing hand.
    private static readonly string[] KeyNeighbours =
    [
        "qwsz", "vghn", "xdfv", "serfcx", "wsdr", "drtgvc", "ftyhbv", "gyujnb", "ujko", "huikmn", "jiolm", "kop", "njk",
        "bhjm", "iklp", "ol", "wa", "edft", "awedxz", "rfgy", "yhji", "cfgb", "qase", "zsdc", "tghu", "asx",
    ];

    // Letters misread for one another in handwriting or a scan: the slips of a reading eye.
    private static readonly string[] LookAlikes = ["ao", "ce", "il", "mn", "uv"];

    public static int Run(BenchArgs args)
    {
        var rows = args.Int("rows");
        var seed = args.Int("seed", GenerateCommand.DefaultSeed, min: 0);
        var output = args.RequireString("out");
        var ndjson = (args.String("format") ?? "csv") switch
        {
            "csv" => false,
            "ndjson" => true,
            var other => throw new ArgumentException($"--format {other}: csv or ndjson"),
        };
        var un = args.String("un") is { } givenUn ? Path.GetFullPath(givenUn) : BenchFiles.FindAbove(DefaultUn);
        var ofac = args.String("ofac") is { } givenOfac ? Path.GetFullPath(givenOfac) : BenchFiles.FindAbove(DefaultOfac);
        if (!File.Exists(un))
        {
            Console.Error.WriteLine($"UN list not found: {un}");
            return 1;
        }

        if (!Directory.Exists(ofac) && !File.Exists(ofac))
        {
            Console.Error.WriteLine($"OFAC list not found: {ofac} (give the folder holding sdn.csv, or sdn.csv itself)");
            return 1;
        }

        var watch = Stopwatch.StartNew();
        List<Subject> listed;
        try
        {
            listed = [.. Read(new UnXmlReader(), un), .. Read(new OfacCsvReader(), ofac)];
        }
        catch (ImportException ex)
        {
            Console.Error.WriteLine($"cannot read the lists: {ex.Message}");
            return 1;
        }

        if (listed.Count == 0)
        {
            Console.Error.WriteLine($"no persons or organisations with a name in {un} or {ofac}");
            return 1;
        }

        Counts counts;
        try
        {
            counts = Write(output, rows, seed, listed, ndjson);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"cannot write {output}: {ex.Message}");
            return 1;
        }

        Console.WriteLine(Invariant.Format(
            $"wrote {rows} rows (seed {seed}) to {output}: {counts.Exact} listed exact, {counts.ListedTypo} listed with a typo, {counts.Unlisted} unlisted as generated, {counts.UnlistedTypo} unlisted with a typo; {counts.WithBirthDate} with dob, {counts.WithCountry} with country; {listed.Count} listed entities; {new FileInfo(output).Length} bytes in {watch.Elapsed.TotalSeconds:F1} s"));
        return 0;
    }

    /// <summary>Streams the rows to <paramref name="path"/>, replacing it; only the listed names are held in memory.</summary>
    private static Counts Write(string path, int rows, int seed, List<Subject> listed, bool ndjson)
    {
        var random = new Random(seed);
        using var unlisted = new SyntheticPeople(random.Next()).Generate(rows).GetEnumerator();
        var idFormat = "D" + Math.Max(6, rows.ToString(CultureInfo.InvariantCulture).Length).ToString(CultureInfo.InvariantCulture);
        var counts = new Counts();
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16);
        var csv = new CsvWriter(writer);
        if (!ndjson)
        {
            csv.WriteRecord("id", "name", "dob", "country");
        }

        for (var n = 1; n <= rows; n++)
        {
            var roll = random.Next(100);
            Subject subject;
            string name;
            string kind;
            if (roll < ExactPercent + ListedTypoPercent)
            {
                subject = listed[random.Next(listed.Count)];
                name = subject.Names[random.Next(subject.Names.Length)];
                if (roll < ExactPercent)
                {
                    kind = "listed";
                    counts.Exact++;
                }
                else
                {
                    name = Typo(name, random);
                    kind = "listed-typo";
                    counts.ListedTypo++;
                }
            }
            else
            {
                // Generate(rows) yields one entity per row: more than the unlisted rows can take.
                if (!unlisted.MoveNext())
                {
                    throw new UnreachableException();
                }

                subject = ToSubject(unlisted.Current, [unlisted.Current.First("name") ?? unlisted.Current.Caption]);
                name = subject.Names[0];
                if (random.Next(UnlistedTypoOneIn) == 0)
                {
                    name = Typo(name, random);
                    kind = "unlisted-typo";
                    counts.UnlistedTypo++;
                }
                else
                {
                    kind = "unlisted";
                    counts.Unlisted++;
                }
            }

            var birthDate = random.Next(100) < BirthDatePercent ? subject.BirthDate : null;
            var country = random.Next(100) < CountryPercent ? subject.Country : null;
            counts.WithBirthDate += birthDate is null ? 0 : 1;
            counts.WithCountry += country is null ? 0 : 1;
            var id = n.ToString(idFormat, CultureInfo.InvariantCulture) + "-" + kind;
            if (ndjson)
            {
                writer.Write(BenchJson.Line(w =>
                {
                    w.WriteString("id", id);
                    w.WriteString("name", name);
                    if (birthDate is not null)
                    {
                        w.WriteString("birthDate", birthDate);
                    }

                    if (country is not null)
                    {
                        w.WriteString("country", country);
                    }
                }));
                writer.Write('\n');
            }
            else
            {
                csv.WriteRecord(id, name, birthDate, country);
            }
        }

        return counts;
    }

    /// <summary>The persons and organisations of a list, with their names, first birth date and first country.</summary>
    private static IEnumerable<Subject> Read(IListReader reader, string path) =>
        reader.Read(path, new ImportContext(reader.DefaultDataset), CancellationToken.None)
            .Where(e => e.SourceRef is not null && (e.Schema.IsA("Person") || e.Schema.IsA("Organization")))
            .Select(e => ToSubject(e, [.. NameProperties.SelectMany(e.Get).Where(n => !string.IsNullOrWhiteSpace(n)).Distinct(StringComparer.Ordinal)]))
            .Where(s => s.Names.Length > 0);

    private static Subject ToSubject(Entity entity, string[] names)
    {
        var birthDate = entity.Schema.IsA("Person") ? entity.First("birthDate") : null;
        var country = CountryProperties.Select(entity.First).FirstOrDefault(c => c is not null);
        return new Subject(names, birthDate, country);
    }

    /// <summary>
    /// One slip of the hand or the eye in a letter after the first: the letter dropped, typed twice or with a
    /// neighbouring key, replaced by a neighbouring key or a look-alike, or swapped with the next letter. The result
    /// always differs from <paramref name="name"/>.
    /// </summary>
    internal static string Typo(string name, Random random)
    {
        var at = PickLetter(name, random);
        if (at < 0)
        {
            return name + name[^1];
        }

        var letter = name[at];
        switch (random.Next(4))
        {
            case 0 when name.Length > 1:
                return name.Remove(at, 1);
            case 1:
                var inserted = random.Next(2) == 0 ? letter : Neighbour(letter, random, lookAlike: false) ?? letter;
                return name.Insert(at + 1, inserted.ToString());
            case 2 when Neighbour(letter, random, lookAlike: random.Next(3) == 0) is { } replacement:
                return name[..at] + replacement + name[(at + 1)..];
            case 3 when Swappable(name, at, at + 1):
                return Swap(name, at, at + 1);
            case 3 when Swappable(name, at - 1, at):
                return Swap(name, at - 1, at);
            default:
                // The slip drawn does not fit this letter (no neighbour outside a..z, no different letter beside it).
                return name.Length > 1 ? name.Remove(at, 1) : name + letter;
        }
    }

    /// <summary>A random letter after the first character, else any letter, else -1.</summary>
    private static int PickLetter(string name, Random random)
    {
        var letters = 0;
        for (var i = 1; i < name.Length; i++)
        {
            letters += char.IsLetter(name[i]) ? 1 : 0;
        }

        if (letters == 0)
        {
            return name.Length > 0 && char.IsLetter(name[0]) ? 0 : -1;
        }

        var pick = random.Next(letters);
        for (var i = 1; i < name.Length; i++)
        {
            if (char.IsLetter(name[i]) && pick-- == 0)
            {
                return i;
            }
        }

        throw new UnreachableException();
    }

    /// <summary>A key beside <paramref name="letter"/> or a letter that looks like it, in the same case; null outside a..z.</summary>
    private static char? Neighbour(char letter, Random random, bool lookAlike)
    {
        var lower = char.ToLowerInvariant(letter);
        if (lower is < 'a' or > 'z')
        {
            return null;
        }

        var pair = lookAlike ? Array.Find(LookAlikes, p => p.Contains(lower, StringComparison.Ordinal)) : null;
        var neighbour = pair is not null
            ? pair[pair[0] == lower ? 1 : 0]
            : KeyNeighbours[lower - 'a'][random.Next(KeyNeighbours[lower - 'a'].Length)];
        return char.IsUpper(letter) ? char.ToUpperInvariant(neighbour) : neighbour;
    }

    private static bool Swappable(string name, int left, int right) =>
        left >= 0 && right < name.Length && char.IsLetter(name[left]) && char.IsLetter(name[right]) && name[left] != name[right];

    private static string Swap(string name, int left, int right)
    {
        var chars = name.ToCharArray();
        (chars[left], chars[right]) = (chars[right], chars[left]);
        return new string(chars);
    }

    /// <summary>A listed or generated person or organisation: the names a row may take, its first birth date and country.</summary>
    private sealed record Subject(string[] Names, string? BirthDate, string? Country);

    private sealed class Counts
    {
        public long Exact { get; set; }

        public long ListedTypo { get; set; }

        public long Unlisted { get; set; }

        public long UnlistedTypo { get; set; }

        public long WithBirthDate { get; set; }

        public long WithCountry { get; set; }
    }
}
