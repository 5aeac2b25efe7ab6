using System.Globalization;
using System.Xml.Linq;
using Cordon.Model;

namespace Cordon.Lists.Un;

/// <summary>Maps one UN INDIVIDUAL or ENTITY element to FtM entities.</summary>
internal static class UnRecordMapper
{
    private const string Authority = "United Nations Security Council";

    public static IEnumerable<Entity> Map(XElement record, ImportContext context, string path, long line, HashSet<string> seen)
    {
        var reference = Text(record, "REFERENCE_NUMBER")
            ?? throw new ImportException(path, line, "REFERENCE_NUMBER", "missing: every UN record has a reference number");
        if (!seen.Add(reference))
        {
            throw new ImportException(path, line, "REFERENCE_NUMBER", $"'{reference}' appears twice");
        }

        var isPerson = record.Name.LocalName == "INDIVIDUAL";
        var id = EntityIds.Make(context.Dataset, reference);
        var main = new EntityBuilder(id, isPerson ? Schemata.Person : Schemata.Organization, reference);
        var dependents = new List<Entity>();
        try
        {
            MapNames(record, main, isPerson);
            if (!main.Has("name"))
            {
                throw new ImportException(path, line, "FIRST_NAME", $"record {reference} has no name");
            }

            main.AddRange("notes", Texts(record, "COMMENTS1"));
            main.AddRange("program", [Text(record, "UN_LIST_TYPE")]);
            main.Add("topics", "sanction");
            var updated = Values(record, "LAST_DAY_UPDATED").Where(v => Dates.TryNormalize(v, out _)).Order(StringComparer.Ordinal).LastOrDefault();
            main.Add("modifiedAt", updated);
            if (isPerson)
            {
                MapPersonFacts(record, main, context, id);
            }

            var addressNumber = 0;
            foreach (var address in record.Elements(isPerson ? "INDIVIDUAL_ADDRESS" : "ENTITY_ADDRESS"))
            {
                if (MapAddress(address, $"{id}-addr-{addressNumber + 1}", reference, main, context) is { } entity)
                {
                    addressNumber++;
                    dependents.Add(entity);
                }
            }

            var documentNumber = 0;
            foreach (var document in record.Elements("INDIVIDUAL_DOCUMENT"))
            {
                if (MapDocument(document, id, documentNumber + 1, reference, main, context) is { } entity)
                {
                    documentNumber++;
                    dependents.Add(entity);
                }
            }

            dependents.Add(MapSanction(record, id, reference));
        }
        catch (ModelException ex)
        {
            throw new ImportException(path, line, ex.Field, $"record {reference}: {ex.Reason}", ex);
        }

        yield return main.Build();
        foreach (var dependent in dependents)
        {
            yield return dependent;
        }
    }

    private static void MapNames(XElement record, EntityBuilder main, bool isPerson)
    {
        string?[] parts = [Text(record, "FIRST_NAME"), Text(record, "SECOND_NAME"), Text(record, "THIRD_NAME"), Text(record, "FOURTH_NAME")];
        main.Add("name", string.Join(' ', parts.Where(p => p is not null)));
        if (isPerson)
        {
            main.Add("firstName", parts[0]);
            main.Add("secondName", parts[1]);
            main.Add("middleName", parts[2]);
            main.Add("middleName", parts[3]);
        }

        // Names in the original script (mostly Arabic) are the strongest cross-script evidence a list gives.
        main.AddRange("alias", Texts(record, "NAME_ORIGINAL_SCRIPT"));
        foreach (var alias in record.Elements(isPerson ? "INDIVIDUAL_ALIAS" : "ENTITY_ALIAS"))
        {
            var name = Text(alias, "ALIAS_NAME");
            if (name is null)
            {
                continue;
            }

            // UN marks aliases "Good" or "Low" quality; low-quality aliases are FtM weak aliases: shown, matched with care.
            var quality = Text(alias, "QUALITY");
            main.Add(string.Equals(quality, "Low", StringComparison.OrdinalIgnoreCase) ? "weakAlias" : "alias", name);
        }
    }

    private static void MapPersonFacts(XElement record, EntityBuilder main, ImportContext context, string id)
    {
        main.AddRange("title", Values(record, "TITLE"));
        main.AddRange("position", Values(record, "DESIGNATION"));
        main.Add("gender", Text(record, "GENDER"));
        foreach (var nationality in Values(record, "NATIONALITY"))
        {
            AddCountry(main, "nationality", nationality, context, id);
        }

        foreach (var dob in record.Elements("INDIVIDUAL_DATE_OF_BIRTH"))
        {
            main.AddRange("birthDate", BirthDates(dob));
        }

        foreach (var alias in record.Elements("INDIVIDUAL_ALIAS"))
        {
            if (Text(alias, "DATE_OF_BIRTH") is { } aliasDob && Dates.TryNormalize(aliasDob, out var date))
            {
                main.Add("birthDate", date);
            }
        }

        foreach (var pob in record.Elements("INDIVIDUAL_PLACE_OF_BIRTH"))
        {
            var place = Join(Text(pob, "CITY"), Text(pob, "STATE_PROVINCE"), Text(pob, "COUNTRY"));
            main.Add("birthPlace", place);
            if (Text(pob, "COUNTRY") is { } country && Countries.TryNormalize(country, out var code))
            {
                main.Add("birthCountry", code);
            }
        }
    }

    /// <summary>EXACT and APPROXIMATELY give a date or a year; BETWEEN gives every year of the range (ranges are short).</summary>
    internal static IEnumerable<string> BirthDates(XElement dob)
    {
        if (Text(dob, "DATE") is { } date && Dates.TryNormalize(date, out var exact))
        {
            yield return exact;
        }

        if (Text(dob, "YEAR") is { } year && Dates.TryNormalize(year, out var y))
        {
            yield return y;
        }

        if (int.TryParse(Text(dob, "FROM_YEAR"), NumberStyles.None, CultureInfo.InvariantCulture, out var from)
            && int.TryParse(Text(dob, "TO_YEAR"), NumberStyles.None, CultureInfo.InvariantCulture, out var to)
            && from is >= 1000 and <= 2999 && to >= from)
        {
            if (to - from <= 10)
            {
                for (var i = from; i <= to; i++)
                {
                    yield return i.ToString(CultureInfo.InvariantCulture);
                }
            }
            else
            {
                yield return from.ToString(CultureInfo.InvariantCulture);
                yield return to.ToString(CultureInfo.InvariantCulture);
            }
        }
    }

    private static Entity? MapAddress(XElement address, string id, string reference, EntityBuilder main, ImportContext context)
    {
        string? street = Text(address, "STREET"), city = Text(address, "CITY"), region = Text(address, "STATE_PROVINCE"),
            postal = Text(address, "ZIP_CODE"), country = Text(address, "COUNTRY"), note = Text(address, "NOTE");
        if (street is null && city is null && region is null && postal is null && country is null)
        {
            return null;
        }

        var builder = new EntityBuilder(id, Schemata.Address, reference)
            .Add("full", Join(street, city, region, postal, country))
            .Add("street", street).Add("city", city).Add("region", region).Add("postalCode", postal).Add("remarks", note);
        if (country is not null && AddCountry(builder, "country", country, context, id))
        {
            main.Add("country", builder.Build().First("country"));
        }

        main.Add("addressEntity", id);
        return builder.Build();
    }

    private static Entity? MapDocument(XElement document, string holder, int number, string reference, EntityBuilder main, ImportContext context)
    {
        var value = Text(document, "NUMBER");
        if (value is null)
        {
            return null;
        }

        var type = Join(Text(document, "TYPE_OF_DOCUMENT"), Text(document, "TYPE_OF_DOCUMENT2"));
        var isPassport = type is not null && (type.Contains("passport", StringComparison.OrdinalIgnoreCase)
            || type.Contains("pasaporte", StringComparison.OrdinalIgnoreCase)
            || type.Contains("passeport", StringComparison.OrdinalIgnoreCase));
        var id = $"{holder}-{(isPassport ? "passport" : "id")}-{number}";
        var builder = new EntityBuilder(id, isPassport ? Schemata.Passport : Schemata.Identification, reference)
            .Add("holder", holder)
            .Add("number", value)
            .Add("type", type ?? "Identification")
            .Add("authority", Text(document, "CITY_OF_ISSUE"))
            .Add("summary", Text(document, "NOTE"));
        if (Text(document, "DATE_OF_ISSUE") is { } issued && Dates.TryNormalize(issued, out var date))
        {
            builder.Add("startDate", date);
        }

        var country = Text(document, "ISSUING_COUNTRY") ?? Text(document, "COUNTRY_OF_ISSUE");
        if (country is not null)
        {
            AddCountry(builder, "country", country, context, id);
        }

        main.Add(isPassport && main.Schema.GetProperty("passportNumber") is not null ? "passportNumber" : "idNumber", value);
        return builder.Build();
    }

    private static Entity MapSanction(XElement record, string holder, string reference)
    {
        var builder = new EntityBuilder($"{holder}-sanction", Schemata.Sanction, reference)
            .Add("entity", holder)
            .Add("authority", Authority)
            .Add("authorityId", reference)
            .Add("unscId", reference)
            .Add("program", Text(record, "UN_LIST_TYPE"))
            .AddRange("provisions", Values(record, "LIST_TYPE"));
        if (Text(record, "LISTED_ON") is { } listed && Dates.TryNormalize(listed, out var date))
        {
            builder.Add("listingDate", date).Add("startDate", date);
        }

        return builder.Build();
    }

    /// <summary>Adds a country code; a name the table does not know is kept as text in the notes, with a warning.</summary>
    private static bool AddCountry(EntityBuilder builder, string property, string text, ImportContext context, string id)
    {
        if (Countries.IsPlaceholder(text) || text.Trim().Equals("na", StringComparison.OrdinalIgnoreCase))
        {
            // The UN list also writes a bare "na" for "not available" in nationality fields; elsewhere NA is Namibia.
            return false;
        }

        if (Countries.TryNormalize(text, out var code))
        {
            builder.Add(property, code);
            return true;
        }

        var notes = builder.Schema.GetProperty("notes") is not null ? "notes" : builder.Schema.GetProperty("summary") is not null ? "summary" : null;
        if (notes is not null)
        {
            builder.Add(notes, $"{property}: {text}");
        }

        context.Warn($"{id}: {property} '{text}' is not a known country; kept as text");
        return false;
    }

    private static string? Text(XElement parent, string name)
    {
        var value = parent.Element(name)?.Value;
        return string.IsNullOrWhiteSpace(value) ? null : PropertyValues.CollapseWhitespace(value);
    }

    private static IEnumerable<string?> Texts(XElement parent, string name) =>
        parent.Elements(name).Select(e => string.IsNullOrWhiteSpace(e.Value) ? null : e.Value.Trim());

    private static IEnumerable<string> Values(XElement parent, string name) =>
        parent.Elements(name).SelectMany(e => e.Elements("VALUE"))
            .Select(v => PropertyValues.CollapseWhitespace(v.Value))
            .Where(v => v.Length > 0);

    private static string? Join(params string?[] parts)
    {
        var joined = string.Join(", ", parts.Where(p => !string.IsNullOrWhiteSpace(p)));
        return joined.Length == 0 ? null : joined;
    }
}
