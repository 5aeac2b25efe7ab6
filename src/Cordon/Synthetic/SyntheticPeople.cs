using System.Globalization;
using Cordon.Synthetic.Names;
using Cordon.Model;
using static Cordon.Synthetic.PersonNames;

namespace Cordon.Synthetic;

/// <summary>
/// A seeded synthetic watchlist population: about 80% persons with multicultural names, aliases, birth dates,
/// nationalities and passports, and 20% companies and organisations. The same seed always gives the same entities,
/// with ids <c>synth-1</c>, <c>synth-2</c>, … No real person's data is used: every record is a random combination.
/// </summary>
public sealed class SyntheticPeople(int seed)
{
    public const string IdPrefix = "synth";

    /// <summary>Streams <paramref name="count"/> entities; each call starts again from the seed.</summary>
    public IEnumerable<Entity> Generate(int count)
    {
        var random = new Random(seed);
        for (var n = 1; n <= count; n++)
        {
            var id = EntityIds.Make(IdPrefix, n.ToString(CultureInfo.InvariantCulture));
            var culture = Cultures.Pick(random);
            yield return random.Next(100) < 20 ? SyntheticOrganisations.Make(id, culture, random) : Person(id, culture, random);
        }
    }

    private static Entity Person(string id, NameCulture culture, Random random)
    {
        var male = random.Next(100) < 70;
        var name = PersonNames.Compose(culture, male, random);
        var builder = new EntityBuilder(id, Schemata.Person)
            .Add("name", name.Full)
            .Add("firstName", name.First)
            .Add("lastName", name.Last)
            .Add("fatherName", name.Father);
        var roll = random.Next(100);
        AddSomeAliases(builder, random, name.Full, [.. name.AliasCandidates], roll < 30 ? 0 : roll < 65 ? 1 : roll < 85 ? 2 : 3);

        builder.Add("birthDate", BirthDate(random));
        if (random.Next(100) < 6)
        {
            // Lists often give a second possible birth date.
            builder.Add("birthDate", BirthDate(random));
        }

        if (random.Next(100) < 95)
        {
            builder.Add("nationality", Pick(random, culture.Countries));
            if (random.Next(100) < 8)
            {
                builder.Add("nationality", Pick(random, Pick(random, Cultures.All).Countries));
            }
        }

        if (random.Next(100) < 95)
        {
            builder.Add("gender", male ? "male" : "female");
        }

        if (random.Next(100) < 30)
        {
            builder.Add("passportNumber", PassportNumber(random));
        }

        return builder.Build();
    }

    /// <summary>Adds up to <paramref name="count"/> distinct aliases drawn from the candidates, never the name itself.</summary>
    internal static void AddSomeAliases(EntityBuilder builder, Random random, string name, string?[] candidates, int count)
    {
        // A partial Fisher–Yates shuffle picks without repeats.
        var added = new List<string>(count);
        for (var i = 0; i < candidates.Length && added.Count < count; i++)
        {
            var j = random.Next(i, candidates.Length);
            (candidates[i], candidates[j]) = (candidates[j], candidates[i]);
            var alias = candidates[i];
            if (alias is not null && !string.Equals(alias, name, StringComparison.Ordinal) && !added.Contains(alias, StringComparer.Ordinal))
            {
                added.Add(alias);
                builder.Add("alias", alias);
            }
        }
    }

    /// <summary>Mostly a full date, sometimes only the year, as lists give them.</summary>
    private static string BirthDate(Random random)
    {
        var year = random.Next(1940, 2005);
        return random.Next(100) < 80 ? FullDate(random, year) : year.ToString(CultureInfo.InvariantCulture);
    }

    internal static string FullDate(Random random, int year)
    {
        var month = random.Next(1, 13);
        var day = random.Next(1, DateTime.DaysInMonth(year, month) + 1);
        return new DateOnly(year, month, day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    private static string PassportNumber(Random random)
    {
        var letters = random.Next(3);
        Span<char> prefix = stackalloc char[letters];
        for (var i = 0; i < letters; i++)
        {
            prefix[i] = (char)('A' + random.Next(26));
        }

        return new string(prefix) + SyntheticOrganisations.Digits(random, random.Next(6, 9));
    }
}
