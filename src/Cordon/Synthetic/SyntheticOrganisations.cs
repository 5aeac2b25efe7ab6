using System.Globalization;
using System.Text;
using Cordon.Model;
using static Cordon.Synthetic.PersonNames;

namespace Cordon.Synthetic;

/// <summary>Synthetic companies (with a jurisdiction's legal form) and non-profit or armed organisations.</summary>
internal static class SyntheticOrganisations
{
    public static Entity Make(string id, NameCulture culture, Random random)
    {
        var company = random.Next(100) < 75;
        var home = Pick(random, culture.Countries);
        var stem = random.Next(100) < 35
            ? Capitalised(Pick(random, culture.Family).Spell(random, culture.AnySpelling))
            : Pick(random, culture.OrganisationStems);
        return company ? Company(id, stem, home, random) : Organization(id, stem, home, random);
    }

    private static Entity Company(string id, string stem, string home, Random random)
    {
        var jurisdiction = random.Next(100) < 15 ? Pick(random, OrganisationTables.Offshore) : home;
        var forms = OrganisationTables.LegalForms(jurisdiction);
        var form = Pick(random, forms);
        var core = $"{stem} {Pick(random, OrganisationTables.Industries)}";
        var prefix = OrganisationTables.PrefixForms.Contains(form);
        var name = prefix ? $"{form} {core}" : $"{core} {form}";
        var other = Pick(random, forms);
        var builder = new EntityBuilder(id, Schemata.Company)
            .Add("name", name)
            .Add("legalForm", form)
            .Add("jurisdiction", jurisdiction)
            .Add("country", home);
        AddAliases(builder, random, name, [
            core,
            prefix ? $"{form} \"{core}\"" : $"{core} {other}",
            Acronym(core),
            AsciiFolding.Fold(name).ToUpperInvariant(),
        ]);
        AddDates(builder, random);
        if (random.Next(100) < 50)
        {
            builder.Add("registrationNumber", Digits(random, random.Next(7, 11)));
        }

        if (string.Equals(jurisdiction, "ru", StringComparison.Ordinal) && random.Next(100) < 70)
        {
            builder.Add("ogrnCode", "1" + Digits(random, 12)).Add("innCode", Digits(random, 10));
        }

        return builder.Build();
    }

    private static Entity Organization(string id, string stem, string home, Random random)
    {
        var name = $"{stem} {Pick(random, OrganisationTables.NonProfitKinds)}";
        var builder = new EntityBuilder(id, Schemata.Organization).Add("name", name).Add("country", home);
        AddAliases(builder, random, name, [Acronym(name), AsciiFolding.Fold(name), $"The {name}", name.ToUpperInvariant()]);
        if (random.Next(100) < 50)
        {
            AddDates(builder, random);
        }

        return builder.Build();
    }

    private static void AddAliases(EntityBuilder builder, Random random, string name, string?[] candidates)
    {
        var roll = random.Next(100);
        var count = roll < 40 ? 0 : roll < 80 ? 1 : 2;
        SyntheticPeople.AddSomeAliases(builder, random, name, candidates, count);
    }

    private static void AddDates(EntityBuilder builder, Random random)
    {
        if (random.Next(100) < 70)
        {
            var year = random.Next(1975, 2025);
            builder.Add("incorporationDate", random.Next(100) < 60
                ? SyntheticPeople.FullDate(random, year)
                : year.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>The initials of the capitalised words (<c>Al-Noor General Trading</c> gives <c>ANGT</c>); null when too short to be one.</summary>
    private static string? Acronym(string name)
    {
        var sb = new StringBuilder();
        foreach (var word in name.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (char.IsUpper(word[0]))
            {
                sb.Append(word[0]);
            }
        }

        return sb.Length >= 3 ? AsciiFolding.Fold(sb.ToString()) : null;
    }

    /// <summary>A family name as the first word of a company name: <c>al-Shami</c> becomes <c>Al-Shami</c>.</summary>
    private static string Capitalised(string name) =>
        char.IsLower(name[0]) ? char.ToUpperInvariant(name[0]) + name[1..] : name;

    internal static string Digits(Random random, int length)
    {
        Span<char> digits = stackalloc char[length];
        for (var i = 0; i < length; i++)
        {
            digits[i] = (char)('0' + random.Next(10));
        }

        return new string(digits);
    }
}
