using System.Globalization;
using Cordon.Model;

namespace Cordon.Lists.Ofac;

/// <summary>
/// The entities of one OFAC record while it is read: the listed party and its addresses, documents and sanction.
/// Every value that does not fit its property (unknown country, odd date, property the schema lacks) is kept in the
/// party's notes rather than dropped, because a screening analyst may still need it.
/// </summary>
internal sealed class OfacRecord
{
    private const string Authority = "Office of Foreign Assets Control";
    private readonly ImportContext _context;
    private readonly string _where;
    private readonly List<EntityBuilder> _addresses = [];
    private readonly List<EntityBuilder> _documents = [];
    private EntityBuilder? _sanction;

    public OfacRecord(ImportContext context, string sourceRef, Schema schema, string where)
    {
        _context = context;
        _where = where;
        SourceRef = sourceRef;
        Primary = new EntityBuilder(EntityIds.Make(context.Dataset, sourceRef), schema, sourceRef);
    }

    /// <summary>The listed party.</summary>
    public EntityBuilder Primary { get; }

    /// <summary>OFAC's own number for the record (ent_num in CSV, uid in XML).</summary>
    public string SourceRef { get; }

    public bool Is(string schema) => Primary.Schema.IsA(schema);

    public void Warn(string message) => _context.Warn($"{_where}: {message}");

    /// <summary>Keeps text verbatim in the party's notes.</summary>
    public void Note(string text)
    {
        if (!TryAdd(Primary, "notes", text, out var reason))
        {
            Warn($"dropped a note: {reason}");
        }
    }

    /// <summary>Adds a value; when the schema lacks the property or the value is refused, the clause goes to notes.</summary>
    public void Set(string property, string? value, string clause)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        if (Primary.Schema.GetProperty(property) is null)
        {
            Note(clause);
        }
        else if (!TryAdd(Primary, property, value, out var reason))
        {
            Warn($"{reason}; kept in notes");
            Note(clause);
        }
    }

    /// <summary>Adds a country; a party without that property (an organisation's nationality) gets <c>country</c>.</summary>
    public void SetCountry(string property, string? text, string clause)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        var target = Primary.Schema.GetProperty(property) is not null ? property : "country";
        if (Countries.TryNormalize(text, out var code))
        {
            Primary.Add(target, code);
        }
        else
        {
            // OFAC writes "None Identified" for a flag it does not know: nothing to warn about, but worth keeping.
            if (!string.Equals(text.Trim(), "None Identified", StringComparison.OrdinalIgnoreCase))
            {
                Warn($"{property} '{text}' is not a known country; kept in notes");
            }

            Note(clause);
        }
    }

    /// <summary>Adds the dates an OFAC date text stands for; text that is no date goes to notes.</summary>
    public void AddDates(string property, string text, string clause)
    {
        var dates = new List<string>(2);
        if (Primary.Schema.GetProperty(property) is null)
        {
            Note(clause);
        }
        else if (OfacDates.TryParseDates(text, dates))
        {
            Primary.AddRange(property, dates);
        }
        else
        {
            Warn($"{property} '{text}' is not a date; kept in notes");
            Note(clause);
        }
    }

    /// <summary>Keeps the place as written and, when its last comma part names a country, the birth country too.</summary>
    public void AddBirthPlace(string place, string clause)
    {
        if (Primary.Schema.GetProperty("birthPlace") is null)
        {
            Note(clause);
            return;
        }

        Primary.Add("birthPlace", place);
        var comma = place.LastIndexOf(',');
        var last = comma >= 0 ? place[(comma + 1)..] : place;
        if (Countries.TryNormalize(last.Trim(), out var code) || Countries.TryNormalize(place, out code))
        {
            Primary.Add("birthCountry", code);
        }
    }

    public void AddProgram(string program)
    {
        var code = program.Trim();
        if (code.Length == 0)
        {
            return;
        }

        Primary.Add("program", code);
        _sanction ??= new EntityBuilder(EntityIds.Make(_context.Dataset, SourceRef, "sanction"), Schemata.Sanction, SourceRef)
            .Add("entity", Primary.Id)
            .Add("authority", Authority)
            .Add("authorityId", SourceRef);
        _sanction.Add("program", code);
    }

    /// <summary>Adds an Address entity linked from the party; the country text stays in <c>full</c> when unknown.</summary>
    public void AddAddress(string? number, OfacAddress address)
    {
        string[] parts = [.. new[] { address.Street, address.Street2, address.City, address.State, address.PostalCode, address.Region, address.Country }
            .Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim())];
        if (parts.Length == 0 && string.IsNullOrWhiteSpace(address.Remarks))
        {
            return;
        }

        var key = number ?? (_addresses.Count + 1).ToString(CultureInfo.InvariantCulture);
        var builder = new EntityBuilder(EntityIds.Make(_context.Dataset, SourceRef, "addr", key), Schemata.Address, SourceRef);
        builder.Add("full", string.Join(", ", parts))
            .Add("street", address.Street)
            .Add("street2", address.Street2)
            .Add("city", address.City)
            .Add("state", address.State)
            .Add("postalCode", address.PostalCode)
            .Add("region", address.Region)
            .Add("remarks", address.Remarks);
        if (!string.IsNullOrWhiteSpace(address.Country))
        {
            if (Countries.TryNormalize(address.Country, out var code))
            {
                builder.Add("country", code);
                Primary.Add("country", code);
            }
            else
            {
                Warn($"address country '{address.Country}' is not a known country; kept in the full address");
            }
        }

        _addresses.Add(builder);
        Primary.Add("addressEntity", builder.Id);
    }

    /// <summary>
    /// Adds a Passport or Identification entity held by the party and the number on the party itself. Vessels and
    /// aircraft cannot hold documents in FtM, so theirs stay in notes.
    /// </summary>
    public void AddIdentification(
        OfacFact kind, string label, string number, string? country, string? authority, string? issued, string? expires, string clause)
    {
        if (!Is("LegalEntity"))
        {
            Note(clause);
            return;
        }

        var passport = kind == OfacFact.Passport;
        var index = (_documents.Count + 1).ToString(CultureInfo.InvariantCulture);
        var document = new EntityBuilder(
            EntityIds.Make(_context.Dataset, SourceRef, "id", index), passport ? Schemata.Passport : Schemata.Identification, SourceRef);
        document.Add("holder", Primary.Id).Add("type", label).Add("number", number);
        var keepClause = false;
        if (country is not null)
        {
            if (Countries.TryNormalize(country, out var code))
            {
                document.Add("country", code);
            }
            else
            {
                // The issuing country text is kept where a reader of the document looks for who issued it.
                Warn($"document country '{country}' is not a known country; kept as the issuing authority");
                document.Add("authority", country);
            }
        }

        document.Add("authority", authority);
        keepClause |= !AddDocumentDate(document, "startDate", issued);
        keepClause |= !AddDocumentDate(document, "endDate", expires);
        _documents.Add(document);

        var property = kind switch
        {
            OfacFact.Passport when Is("Person") => "passportNumber",
            OfacFact.TaxNumber => "taxNumber",
            OfacFact.RegistrationNumber => "registrationNumber",
            _ => "idNumber",
        };
        Primary.Add(property, number);
        if (keepClause)
        {
            Note(clause);
        }
    }

    private bool AddDocumentDate(EntityBuilder document, string property, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var dates = new List<string>(2);
        if (OfacDates.TryParseDates(text, dates))
        {
            document.Add(property, dates[0]);
            return true;
        }

        Warn($"document {property} '{text}' is not a date; the whole clause is kept in notes");
        return false;
    }

    /// <summary>The party first, then its addresses, documents and sanction, all carrying the record's source ref.</summary>
    public IEnumerable<Entity> Build()
    {
        yield return Primary.Build();
        foreach (var builder in _addresses.Concat(_documents))
        {
            yield return builder.Build();
        }

        if (_sanction is not null)
        {
            yield return _sanction.Build();
        }
    }

    private static bool TryAdd(EntityBuilder builder, string property, string value, out string reason)
    {
        try
        {
            builder.Add(property, value);
            reason = "";
            return true;
        }
        catch (ModelException ex)
        {
            reason = $"{ex.Field}: {ex.Reason}";
            return false;
        }
    }
}

/// <summary>An address as OFAC writes it, before it becomes an Address entity.</summary>
internal sealed record OfacAddress(
    string? Street,
    string? Street2 = null,
    string? City = null,
    string? State = null,
    string? PostalCode = null,
    string? Region = null,
    string? Country = null,
    string? Remarks = null);
