using Cordon.Synthetic.Names;

namespace Cordon.Synthetic;

/// <summary>Puts person names together the way each culture does, with the alias forms lists record for them.</summary>
internal static class PersonNames
{
    public static PersonName Compose(NameCulture culture, bool male, Random random) => culture.Style switch
    {
        NameStyle.Arabic => Arabic(culture, male, random),
        NameStyle.Persian => Persian(culture, male, random),
        NameStyle.Russian => Russian(culture, male, random),
        NameStyle.Chinese => Chinese(culture, male, random),
        NameStyle.Spanish => Spanish(culture, male, random),
        NameStyle.English => English(culture, male, random),
        NameStyle.Pakistani => Pakistani(culture, male, random),
        _ => Plain(culture, male, random),
    };

    private static PersonName Arabic(NameCulture culture, bool male, Random random)
    {
        var given = Given(culture, male, random);
        var family = Pick(random, culture.Family);
        var father = random.Next(100) < 45 ? Pick(random, culture.Male) : null;
        var g = given.Spell(random, any: true);
        var f = family.Spell(random, any: true);
        var fa = father?.Spell(random, any: true);
        var particle = male ? (random.Next(3) == 0 ? "ibn" : "bin") : "bint";
        var full = fa is null ? $"{g} {f}" : $"{g} {particle} {fa} {f}";
        var nativeParticle = male ? " بن " : " بنت ";
        var kunya = (male ? "Abu " : "Umm ") + Pick(random, culture.Male).Spell(random, any: true);
        return new PersonName(full, g, f, fa, [
            fa is null ? $"{given.Respell(random, g) ?? g} {family.Respell(random, f) ?? f}" : $"{given.Respell(random, g) ?? g} {fa} {family.Respell(random, f) ?? f}",
            $"{given.Native}{(father is null ? " " : nativeParticle + father.Native + " ")}{family.Native}",
            $"{g} {WithoutArticle(f, random)}",
            f.StartsWith("al-", StringComparison.Ordinal) ? $"{kunya} {f}" : kunya,
        ]);
    }

    private static PersonName Persian(NameCulture culture, bool male, Random random)
    {
        // Compound given names start with Mohammad, Ali or Hossein (Mohammad Reza, Ali Asghar, Mohammad Mehdi).
        var compound = male && random.Next(100) < 20;
        var given = compound ? culture.Male[random.Next(3)] : Given(culture, male, random);
        var second = compound ? culture.Male[random.Next(3, CompoundSeconds)] : null;
        var family = Pick(random, culture.Family);
        var g = given.Spell(random, any: true);
        var s = second?.Spell(random, any: true);
        var f = family.Spell(random, any: true);
        var first = s is null ? g : $"{g} {s}";
        var father = random.Next(100) < 25 ? Pick(random, culture.Male).Spell(random, any: true) : null;
        return new PersonName($"{first} {f}", first, f, father, [
            $"{given.Respell(random, g) ?? g}{(s is null ? "" : " " + s)} {family.Respell(random, f) ?? f}",
            $"{given.Native}{(second is null ? "" : " " + second.Native)} {family.Native}",
            s is null ? $"{g} {family.Respell(random, f) ?? f}" : $"{g}{s.ToLowerInvariant()} {f}",
        ]);
    }

    private static PersonName Russian(NameCulture culture, bool male, Random random)
    {
        var given = Given(culture, male, random);
        var father = Pick(random, culture.Male);
        var family = Pick(random, culture.Family);
        var g = given.Spell(random, any: true);
        var suffix = male ? "ich" : "na";
        var patronymic = father.LatinStem + suffix;
        var lastForm = family.Spell(random, any: true);
        var last = male ? lastForm : FeminineLatin(lastForm);
        var otherLast = family.Respell(random, lastForm) is { } respelled ? (male ? respelled : FeminineLatin(respelled)) : last;
        var nativeLast = male ? family.Native : FeminineCyrillic(family.Native!);
        return new PersonName($"{g} {patronymic} {last}", g, last, patronymic, [
            $"{last} {g} {patronymic}",
            $"{given.Respell(random, g) ?? g} {AlternativeStem(father.LatinStem!)}{suffix} {otherLast}",
            $"{nativeLast} {given.Native} {father.NativeStem}{(male ? "ич" : "на")}",
            $"{g} {last}",
        ]);
    }

    private static PersonName Chinese(NameCulture culture, bool male, Random random)
    {
        var given = Given(culture, male, random);
        var family = Pick(random, culture.Family);
        var g = given.Usual;
        var f = family.Spell(random, any: random.Next(100) < 25);
        return new PersonName($"{f} {g}", g, f, null, [
            $"{g} {f}",
            $"{family.Respell(random, f) ?? f} {g}",
            family.Native + given.Native,
            $"{f.ToUpperInvariant()} {g}",
        ]);
    }

    private static PersonName Spanish(NameCulture culture, bool male, Random random)
    {
        var given = Given(culture, male, random).Usual;
        var second = random.Next(100) < 30 ? Given(culture, male, random).Usual : null;
        var first = second is null || string.Equals(second, given, StringComparison.Ordinal) ? given : $"{given} {second}";
        var paternal = Pick(random, culture.Family).Usual;
        var maternal = random.Next(100) < 90 ? Pick(random, culture.Family).Usual : null;
        var last = maternal is null ? paternal : $"{paternal} {maternal}";
        var full = $"{first} {last}";
        return new PersonName(full, first, last, null, [
            $"{given} {paternal}",
            AsciiFolding.Fold(full),
            $"{first} {paternal}",
            maternal is null ? AsciiFolding.Fold($"{given} {paternal}") : $"{first} {paternal} y {maternal}",
        ]);
    }

    private static PersonName English(NameCulture culture, bool male, Random random)
    {
        var given = Given(culture, male, random);
        var middle = random.Next(100) < 40 ? Given(culture, male, random).Usual : null;
        var family = Pick(random, culture.Family);
        var g = given.Usual;
        var f = family.Spell(random, any: random.Next(100) < 20);
        var full = middle is null ? $"{g} {f}" : $"{g} {middle} {f}";
        return new PersonName(full, g, f, null, [
            $"{given.Respell(random, g) ?? g} {f}",
            middle is null ? $"{g[0]}. {f}" : $"{g} {middle[0]}. {f}",
            $"{g} {family.Respell(random, f) ?? f}",
            $"{f.ToUpperInvariant()} {g}",
        ]);
    }

    private static PersonName Pakistani(NameCulture culture, bool male, Random random)
    {
        var given = Given(culture, male, random);
        var family = Pick(random, culture.Family);
        var g = given.Spell(random, any: true);
        var f = family.Spell(random, any: true);
        var muhammad = male && random.Next(100) < 35 ? PakistaniNames.Muhammad.Spell(random, any: true) : null;
        var first = muhammad is null ? g : $"{muhammad} {g}";
        var father = random.Next(100) < 30 ? Pick(random, culture.Male).Spell(random, any: true) : null;
        return new PersonName($"{first} {f}", first, f, father, [
            muhammad is null ? $"{g} {family.Respell(random, f) ?? f}" : $"{g} {f}",
            muhammad is null ? $"{given.Respell(random, g) ?? g} {f}" : $"M. {g} {f}",
            $"{given.Respell(random, g) ?? g} {family.Respell(random, f) ?? f}",
            father is null ? $"{f} {g}" : $"{first} {f} {(male ? "s/o" : "d/o")} {father}",
        ]);
    }

    private static PersonName Plain(NameCulture culture, bool male, Random random)
    {
        var given = Given(culture, male, random);
        var family = Pick(random, culture.Family);
        var g = given.Spell(random, any: random.Next(100) < 70);
        var f = family.Spell(random, any: random.Next(100) < 70);
        var full = $"{g} {f}";
        return new PersonName(full, g, f, null, [
            $"{given.Respell(random, g) ?? g} {f}",
            AsciiFolding.Fold(full),
            $"{f} {g}",
            $"{g} {family.Respell(random, f) ?? f}",
        ]);
    }

    /// <summary>The Persian given names that follow another in a compound (the first ones of the table).</summary>
    private const int CompoundSeconds = 20;

    private static NameForm Given(NameCulture culture, bool male, Random random) => Pick(random, male ? culture.Male : culture.Female);

    internal static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];

    /// <summary>The article written the other ways lists write it: <c>al-Masri</c> as <c>Al Masri</c>, <c>Almasri</c> or <c>El Masri</c>.</summary>
    private static string WithoutArticle(string family, Random random)
    {
        if (!family.StartsWith("al-", StringComparison.Ordinal) && !family.StartsWith("el-", StringComparison.Ordinal))
        {
            return family;
        }

        var rest = family[3..];
        return random.Next(3) switch
        {
            0 => "Al " + rest,
            1 => "Al" + char.ToLowerInvariant(rest[0]) + rest[1..],
            _ => "El " + rest,
        };
    }

    /// <summary>The other transliteration of a patronymic stem: <c>Sergeyev</c> as <c>Sergeev</c>, <c>Vasilyev</c> as <c>Vasiliev</c>.</summary>
    private static string AlternativeStem(string stem) =>
        stem.Contains("iyev", StringComparison.Ordinal) ? stem.Replace("iyev", "iev", StringComparison.Ordinal)
        : stem.Contains("eyev", StringComparison.Ordinal) ? stem.Replace("eyev", "eev", StringComparison.Ordinal)
        : stem.Replace("yev", "iev", StringComparison.Ordinal);

    private static string FeminineLatin(string surname) =>
        surname.EndsWith("sky", StringComparison.Ordinal) ? surname[..^1] + "aya"
        : surname.EndsWith("skiy", StringComparison.Ordinal) ? surname[..^2] + "aya"
        : surname.EndsWith("ov", StringComparison.Ordinal) || surname.EndsWith("ev", StringComparison.Ordinal)
            || surname.EndsWith("in", StringComparison.Ordinal) || surname.EndsWith("yn", StringComparison.Ordinal) ? surname + "a"
        : surname;

    private static string FeminineCyrillic(string surname) =>
        surname.EndsWith("ский", StringComparison.Ordinal) ? surname[..^2] + "ая"
        : surname.EndsWith("ов", StringComparison.Ordinal) || surname.EndsWith("ев", StringComparison.Ordinal)
            || surname.EndsWith("ёв", StringComparison.Ordinal) || surname.EndsWith("ин", StringComparison.Ordinal) ? surname + "а"
        : surname;
}
