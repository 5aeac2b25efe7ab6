using System.Collections.Frozen;
using T = Cordon.Model.PropertyType;

namespace Cordon.Model;

/// <summary>The FollowTheMoney schemata Cordon knows, with their properties (a faithful subset of FtM's model).</summary>
public static class Schemata
{
    private static readonly FrozenDictionary<string, Schema> ByName = Build();

    /// <summary>Every known schema.</summary>
    public static IEnumerable<Schema> All => ByName.Values;

    /// <summary>The schema of that name (ordinal, case-sensitive as in FtM), or null.</summary>
    public static Schema? Find(string name) => ByName.GetValueOrDefault(name);

    /// <summary>The schema of that name; throws for an unknown one (programming errors only).</summary>
    public static Schema Get(string name) =>
        ByName.TryGetValue(name, out var schema) ? schema : throw new KeyNotFoundException($"Unknown schema '{name}'.");

    public static Schema Thing => Get("Thing");
    public static Schema LegalEntity => Get("LegalEntity");
    public static Schema Person => Get("Person");
    public static Schema Organization => Get("Organization");
    public static Schema Company => Get("Company");
    public static Schema Vessel => Get("Vessel");
    public static Schema Airplane => Get("Airplane");
    public static Schema Address => Get("Address");
    public static Schema Identification => Get("Identification");
    public static Schema Passport => Get("Passport");
    public static Schema Sanction => Get("Sanction");

    private static PropertyDef P(string name, T type, string? range = null) => new(name, type, range);

    private static FrozenDictionary<string, Schema> Build()
    {
        var all = new Dictionary<string, Schema>(StringComparer.Ordinal);

        Schema Add(
            string name,
            string[] parents,
            PropertyDef[] properties,
            bool matchable = false,
            bool isAbstract = false,
            string[]? caption = null,
            (string, string)? edge = null)
        {
            var schema = new Schema(name, [.. parents.Select(p => all[p])], properties, matchable, isAbstract, caption ?? [], edge);
            all.Add(name, schema);
            return schema;
        }

        Add("Thing", [], [
            P("name", T.Name), P("alias", T.Name), P("previousName", T.Name), P("weakAlias", T.Name),
            P("summary", T.Text), P("description", T.Text), P("notes", T.Text),
            P("country", T.Country), P("address", T.Address), P("addressEntity", T.Entity, "Address"),
            P("sourceUrl", T.Url), P("wikipediaUrl", T.Url), P("publisher", T.String), P("program", T.String),
            P("topics", T.Topic), P("keywords", T.String), P("wikidataId", T.Identifier),
            P("createdAt", T.Date), P("modifiedAt", T.Date), P("retrievedAt", T.Date),
        ], isAbstract: true, caption: ["name"]);

        Add("Interval", [], [
            P("startDate", T.Date), P("endDate", T.Date), P("date", T.Date),
            P("summary", T.Text), P("description", T.Text), P("recordId", T.Identifier),
            P("sourceUrl", T.Url), P("publisher", T.String), P("modifiedAt", T.Date),
        ], isAbstract: true);

        Add("LegalEntity", ["Thing"], [
            P("email", T.Email), P("phone", T.Phone), P("website", T.Url), P("legalForm", T.String),
            P("incorporationDate", T.Date), P("dissolutionDate", T.Date), P("status", T.String),
            P("sector", T.String), P("classification", T.String),
            P("registrationNumber", T.Identifier), P("idNumber", T.Identifier), P("taxNumber", T.Identifier),
            P("leiCode", T.Identifier), P("innCode", T.Identifier), P("ogrnCode", T.Identifier),
            P("swiftBic", T.Identifier), P("vatCode", T.Identifier),
            P("jurisdiction", T.Country), P("mainCountry", T.Country),
        ], matchable: true);

        Add("Person", ["LegalEntity"], [
            P("title", T.String), P("firstName", T.Name), P("secondName", T.Name), P("middleName", T.Name),
            P("fatherName", T.Name), P("motherName", T.Name), P("lastName", T.Name), P("nameSuffix", T.Name),
            P("birthDate", T.Date), P("birthPlace", T.String), P("birthCountry", T.Country), P("deathDate", T.Date),
            P("position", T.String), P("nationality", T.Country), P("citizenship", T.Country),
            P("passportNumber", T.Identifier), P("gender", T.Gender), P("ethnicity", T.String),
            P("religion", T.String), P("political", T.String), P("education", T.String),
        ], matchable: true);

        Add("Organization", ["LegalEntity"], [P("numEmployees", T.Number)], matchable: true);
        Add("Company", ["Organization"], [
            P("capital", T.String), P("ticker", T.Identifier), P("isinCode", T.Identifier),
            P("bikCode", T.Identifier), P("ogrnCode", T.Identifier), P("kppCode", T.Identifier),
        ], matchable: true);

        Add("Asset", ["Thing"], [P("amount", T.Number), P("currency", T.String)], isAbstract: true);
        Add("Vehicle", ["Asset"], [
            P("registrationNumber", T.Identifier), P("type", T.String), P("model", T.String),
            P("owner", T.Entity, "LegalEntity"), P("operator", T.Entity, "LegalEntity"),
            P("buildDate", T.Date), P("registrationDate", T.Date),
        ], isAbstract: true);
        Add("Vessel", ["Vehicle"], [
            P("imoNumber", T.Identifier), P("mmsi", T.Identifier), P("callSign", T.Identifier),
            P("flag", T.Country), P("pastFlags", T.Country), P("pastTypes", T.String),
            P("tonnage", T.Number), P("grossRegisteredTonnage", T.Number), P("navigationArea", T.String),
            P("nameChangeDate", T.Date),
        ], matchable: true);
        Add("Airplane", ["Vehicle"], [
            P("serialNumber", T.Identifier), P("icaoCode", T.Identifier), P("manufacturer", T.String),
        ], matchable: true);

        Add("Address", ["Thing"], [
            P("full", T.Address), P("street", T.String), P("street2", T.String), P("city", T.String),
            P("postalCode", T.String), P("region", T.String), P("state", T.String), P("postOfficeBox", T.String),
            P("remarks", T.Text), P("latitude", T.Number), P("longitude", T.Number),
        ], caption: ["full", "name", "city", "country"]);

        Add("Identification", ["Interval"], [
            P("holder", T.Entity, "LegalEntity"), P("type", T.String), P("number", T.Identifier),
            P("country", T.Country), P("authority", T.String),
        ], caption: ["number"]);
        Add("Passport", ["Identification"], [
            P("surname", T.Name), P("givenName", T.Name), P("birthDate", T.Date), P("birthPlace", T.String),
            P("gender", T.Gender), P("personalNumber", T.Identifier),
        ], caption: ["number"]);

        Add("Sanction", ["Interval"], [
            P("entity", T.Entity, "Thing"), P("authority", T.String), P("authorityId", T.Identifier),
            P("unscId", T.Identifier), P("program", T.String), P("programId", T.String), P("provisions", T.String),
            P("status", T.String), P("duration", T.String), P("reason", T.Text), P("country", T.Country),
            P("listingDate", T.Date),
        ], caption: ["program", "authority"]);

        Add("Ownership", ["Interval"], [
            P("owner", T.Entity, "LegalEntity"), P("asset", T.Entity, "Thing"), P("percentage", T.String),
            P("sharesCount", T.String), P("role", T.String), P("ownershipType", T.String),
        ], caption: ["role"], edge: ("owner", "asset"));
        Add("Directorship", ["Interval"], [
            P("director", T.Entity, "LegalEntity"), P("organization", T.Entity, "Organization"), P("role", T.String),
        ], caption: ["role"], edge: ("director", "organization"));
        Add("Family", ["Interval"], [
            P("person", T.Entity, "Person"), P("relative", T.Entity, "Person"), P("relationship", T.String),
        ], caption: ["relationship"], edge: ("person", "relative"));
        Add("Associate", ["Interval"], [
            P("person", T.Entity, "Person"), P("associate", T.Entity, "Person"), P("relationship", T.String),
        ], caption: ["relationship"], edge: ("person", "associate"));
        Add("Membership", ["Interval"], [
            P("member", T.Entity, "LegalEntity"), P("organization", T.Entity, "Organization"), P("role", T.String),
        ], caption: ["role"], edge: ("member", "organization"));
        Add("UnknownLink", ["Interval"], [
            P("subject", T.Entity, "Thing"), P("object", T.Entity, "Thing"), P("role", T.String),
        ], caption: ["role"], edge: ("subject", "object"));

        return all.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
