using System.Globalization;
using Cordon.Model;

namespace Cordon.Lists.Ofac;

/// <summary>What a labelled OFAC fact (a remarks clause or an XML <c>id</c> element) says about the listed party.</summary>
internal enum OfacFact
{
    Note,
    BirthDate,
    BirthPlace,
    Nationality,
    Citizenship,
    Gender,
    WeakAlias,
    PreviousName,
    Website,
    Email,
    Phone,
    SwiftBic,
    Imo,
    Mmsi,
    FormerFlag,
    RegistrationCountry,
    Established,
    BuildDate,
    SerialNumber,
    Model,
    TailNumber,
    Passport,
    IdNumber,
    TaxNumber,
    RegistrationNumber,
}

/// <summary>
/// The OFAC vocabulary shared by the CSV and XML readers: the labels OFAC writes before a value (in the legacy CSV
/// remarks and as the XML <c>idType</c>), its date forms and the way it writes identity documents.
/// </summary>
internal static class OfacFacts
{
    private static readonly string[] Months =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    // Longest first, so that "Passport Booklet" wins over "Passport" and "Nationality of Registration" over "nationality".
    private static readonly (string Label, OfacFact Fact)[] Labels = BuildLabels();

    /// <summary>Splits remarks into clauses at the semicolons that are not inside parentheses.</summary>
    public static List<string> SplitClauses(string remarks)
    {
        var text = remarks.Trim();
        if (text.EndsWith('.'))
        {
            text = text[..^1];
        }

        var clauses = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '(':
                    depth++;
                    break;
                case ')' when depth > 0:
                    depth--;
                    break;
                case ';' when depth == 0:
                    clauses.Add(text[start..i]);
                    start = i + 1;
                    break;
            }
        }

        if (depth > 0)
        {
            // An unclosed parenthesis would swallow every later clause; plain splitting loses less.
            return [.. text.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
        }

        clauses.Add(text[start..]);
        return [.. clauses.Select(c => c.Trim()).Where(c => c.Length > 0)];
    }

    /// <summary>Applies every clause of a remarks text to the record; clauses not understood are kept in notes.</summary>
    public static void ApplyRemarks(OfacRecord record, string remarks)
    {
        foreach (var clause in SplitClauses(remarks))
        {
            ApplyClause(record, clause);
        }
    }

    /// <summary>Applies one remarks clause such as <c>alt. Passport 1084010 (Egypt)</c>.</summary>
    public static void ApplyClause(OfacRecord record, string clause)
    {
        var body = clause.StartsWith("alt. ", StringComparison.OrdinalIgnoreCase) ? clause[5..].TrimStart() : clause;
        if (TryMatchLabel(body, out var label, out var fact, out var value))
        {
            Apply(record, fact, label, value, clause);
        }
        else if (TryGenericIdentifier(body, out label, out value))
        {
            Apply(record, OfacFact.IdNumber, label, value, clause);
        }
        else
        {
            record.Note(clause);
        }
    }

    /// <summary>Applies an XML <c>id</c> element: its type is the same label the CSV remarks write.</summary>
    public static void ApplyId(OfacRecord record, string idType, string number, string? country, string? issued, string? expires)
    {
        var label = idType.Trim();
        var clause = country is null ? $"{label} {number}" : $"{label} {number} ({country})";
        var fact = LabelFact(label) ?? GuessFact(label, number);
        if (fact is OfacFact.Passport or OfacFact.IdNumber or OfacFact.TaxNumber or OfacFact.RegistrationNumber)
        {
            record.AddIdentification(fact, label.TrimEnd(':', ' '), number, country, null, issued, expires, clause);
        }
        else
        {
            Apply(record, fact, label, number, clause);
        }
    }

    // A new idType ending in ':' or '-' introduces prose ("Listing Date (EO 14024 Directive 3):"), not a document.
    private static OfacFact GuessFact(string label, string number) =>
        label.EndsWith(':') || label.EndsWith('-') || ParseDocument(number) is null ? OfacFact.Note : OfacFact.IdNumber;

    /// <summary>The fact a label stands for when it is exactly a known label, else null.</summary>
    public static OfacFact? LabelFact(string label)
    {
        foreach (var (known, fact) in Labels)
        {
            if (string.Equals(known, label, StringComparison.OrdinalIgnoreCase))
            {
                return fact;
            }
        }

        return null;
    }

    private static void Apply(OfacRecord record, OfacFact fact, string label, string value, string clause)
    {
        if (value.Length == 0 && fact != OfacFact.Note)
        {
            record.Note(clause);
            return;
        }

        switch (fact)
        {
            case OfacFact.BirthDate: record.AddDates("birthDate", value, clause); break;
            case OfacFact.BirthPlace: record.AddBirthPlace(value, clause); break;
            case OfacFact.Nationality: record.SetCountry("nationality", value, clause); break;
            case OfacFact.Citizenship: record.SetCountry("citizenship", value, clause); break;
            case OfacFact.Gender: record.Set("gender", value, clause); break;
            case OfacFact.WeakAlias: record.Set("weakAlias", Unquote(value), clause); break;
            case OfacFact.PreviousName: record.Set("previousName", Unquote(value), clause); break;
            case OfacFact.Website: record.Set("website", value, clause); break;
            case OfacFact.Email: record.Set("email", value, clause); break;
            case OfacFact.Phone: record.Set("phone", value, clause); break;
            case OfacFact.SwiftBic: record.Set("swiftBic", value, clause); break;
            case OfacFact.Imo: record.Set("imoNumber", NormalizeImo(value), clause); break;
            case OfacFact.Mmsi: record.Set("mmsi", value, clause); break;
            case OfacFact.FormerFlag: record.SetCountry("pastFlags", value, clause); break;
            case OfacFact.RegistrationCountry:
                record.SetCountry(record.Is("LegalEntity") ? "jurisdiction" : record.Is("Vessel") ? "flag" : "country", value, clause);
                break;
            case OfacFact.Established: record.AddDates("incorporationDate", value, clause); break;
            case OfacFact.BuildDate: record.AddDates("buildDate", value, clause); break;
            case OfacFact.SerialNumber: record.Set("serialNumber", value, clause); break;
            case OfacFact.Model: record.Set("model", value, clause); break;
            case OfacFact.TailNumber: record.Set("registrationNumber", value, clause); break;
            case OfacFact.Passport or OfacFact.IdNumber or OfacFact.TaxNumber or OfacFact.RegistrationNumber:
                ApplyDocument(record, fact, label, value, clause);
                break;
            default: record.Note(clause); break;
        }
    }

    private static void ApplyDocument(OfacRecord record, OfacFact fact, string label, string value, string clause)
    {
        var document = ParseDocument(value);
        if (document is null)
        {
            record.Note(clause);
            return;
        }

        var (number, country, authority, issued, expires) = document.Value;
        record.AddIdentification(fact, label.TrimEnd(':', ' '), number, country, authority, issued, expires, clause);
    }

    /// <summary>
    /// Splits <c>E590976 (Tunisia) issued 19 Jun 1987 expires 18 Jun 1992</c> into number, country, issue and expiry;
    /// null when what remains does not look like a document number (no digit, or a sentence).
    /// </summary>
    public static (string Number, string? Country, string? Authority, string? Issued, string? Expires)? ParseDocument(string value)
    {
        var rest = value.Trim();
        string? issued = null;
        string? expires = null;
        var at = rest.IndexOf(" expires ", StringComparison.OrdinalIgnoreCase);
        if (at >= 0)
        {
            expires = rest[(at + 9)..].Trim();
            rest = rest[..at];
        }

        at = rest.IndexOf(" issued ", StringComparison.OrdinalIgnoreCase);
        if (at >= 0)
        {
            issued = rest[(at + 8)..].Trim();
            rest = rest[..at];
        }

        var country = TakeTrailingParenthesis(ref rest);
        var authority = country is null ? null : TakeTrailingParenthesis(ref rest);
        var number = rest.Trim().TrimStart(':', '#').Trim();
        var spaces = number.Count(c => c == ' ');
        if (number.Length is 0 or > 60 || spaces > 3 || !number.Any(char.IsAsciiDigit))
        {
            return null;
        }

        return (number, country, authority, issued, expires);
    }

    // "22839 (Jalisco)" gives "Jalisco"; "D489833(9)" keeps its check digit because no space precedes it.
    private static string? TakeTrailingParenthesis(ref string text)
    {
        text = text.TrimEnd();
        if (!text.EndsWith(')'))
        {
            return null;
        }

        var open = text.LastIndexOf(" (", StringComparison.Ordinal);
        if (open < 0 || text.IndexOf(')', open) != text.Length - 1)
        {
            return null;
        }

        var inner = text[(open + 2)..^1].Trim();
        if (!inner.Any(char.IsLetter))
        {
            return null;
        }

        text = text[..open];
        return inner;
    }

    /// <summary>
    /// Parses OFAC's date forms into FtM dates: <c>10 Dec 1948</c>, <c>Dec 1948</c>, <c>1948</c>, <c>circa 1960</c>
    /// (the year only: the day is not meant precisely), <c>1955 to 1958</c>, <c>circa 1979-1982</c>.
    /// A range of up to ten years gives every year in it, because a matcher compares years and a person born in 1956
    /// must match "1955 to 1958"; a longer range gives its two ends only, since listing decades would match anyone.
    /// </summary>
    public static bool TryParseDates(string text, List<string> dates)
    {
        var value = text.Trim().TrimEnd('.').Trim();
        var circa = value.StartsWith("circa ", StringComparison.OrdinalIgnoreCase);
        if (circa)
        {
            value = value[6..].Trim();
        }

        var to = value.IndexOf(" to ", StringComparison.OrdinalIgnoreCase);
        if (to > 0)
        {
            return TryParseRange(value[..to], value[(to + 4)..], dates);
        }

        if (value.Length == 9 && value[4] == '-' && value.All(c => c == '-' || char.IsAsciiDigit(c)))
        {
            return TryParseRange(value[..4], value[5..], dates);
        }

        if (!TryParseDate(value, out var date))
        {
            return false;
        }

        dates.Add(circa ? date[..4] : date);
        return true;
    }

    private static bool TryParseRange(string from, string until, List<string> dates)
    {
        var start = StripCirca(from);
        var end = StripCirca(until);
        if (!TryParseDate(start, out var first) || !TryParseDate(end, out var last))
        {
            return false;
        }

        var firstYear = int.Parse(first.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture);
        var lastYear = int.Parse(last.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture);
        if (lastYear >= firstYear && lastYear - firstYear <= 10)
        {
            for (var year = firstYear; year <= lastYear; year++)
            {
                dates.Add(year.ToString(CultureInfo.InvariantCulture));
            }
        }
        else
        {
            dates.Add(first);
            dates.Add(last);
        }

        return true;
    }

    private static string StripCirca(string text)
    {
        var value = text.Trim();
        return value.StartsWith("circa ", StringComparison.OrdinalIgnoreCase) ? value[6..].Trim() : value;
    }

    /// <summary>One date: <c>10 Dec 1948</c>, <c>Dec 1948</c>, <c>1948</c> or already ISO.</summary>
    public static bool TryParseDate(string text, out string date)
    {
        date = "";
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        switch (parts.Length)
        {
            case 1:
                return Dates.TryNormalize(parts[0], out date);
            case 2 when TryMonth(parts[0], out var month) && TryYear(parts[1], out var year):
                date = $"{year:D4}-{month:D2}";
                return true;
            case 3 when TryMonth(parts[1], out var month) && TryYear(parts[2], out var year)
                && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var day)
                && day >= 1 && day <= DateTime.DaysInMonth(year, month):
                date = $"{year:D4}-{month:D2}-{day:D2}";
                return true;
            default:
                return false;
        }
    }

    private static bool TryYear(string text, out int year) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out year) && text.Length == 4 && year is >= 1000 and <= 2999;

    private static bool TryMonth(string text, out int month)
    {
        var token = text.TrimEnd('.', ',');
        month = 0;
        if (token.Length < 3)
        {
            return false;
        }

        for (var i = 0; i < Months.Length; i++)
        {
            if (Months[i].StartsWith(token, StringComparison.OrdinalIgnoreCase))
            {
                month = i + 1;
                return true;
            }
        }

        return false;
    }

    private static bool TryMatchLabel(string body, out string label, out OfacFact fact, out string value)
    {
        foreach (var (known, knownFact) in Labels)
        {
            if (body.StartsWith(known, StringComparison.OrdinalIgnoreCase)
                && (body.Length == known.Length || body[known.Length] is ' ' or ':' || !char.IsLetterOrDigit(known[^1])))
            {
                label = known;
                fact = knownFact;
                value = body[known.Length..].TrimStart(':', ' ').Trim();
                return true;
            }
        }

        (label, fact, value) = ("", OfacFact.Note, "");
        return false;
    }

    // Labels OFAC adds over time ("Foo Registry No. 123 (Country)") are still documents even before the table knows them.
    private static bool TryGenericIdentifier(string body, out string label, out string value)
    {
        label = "";
        value = "";
        foreach (var marker in (string[])[" No. ", " No ", " Number ", " # ", " ID "])
        {
            var at = body.IndexOf(marker, StringComparison.Ordinal);
            if (at > 0 && at < 60)
            {
                var candidate = body[(at + marker.Length)..];
                if (ParseDocument(candidate) is not null)
                {
                    label = body[..(at + marker.Length)].Trim();
                    value = candidate;
                    return true;
                }
            }
        }

        return false;
    }

    private static string Unquote(string value)
    {
        var text = value.Trim();
        return text.Length >= 2 && text[0] == '\'' && text[^1] == '\'' ? text[1..^1].Trim() : text;
    }

    // FtM writes IMO numbers as "IMO" and the seven digits, whatever spacing the source used.
    private static string NormalizeImo(string value)
    {
        var digits = new string([.. value.Where(char.IsAsciiDigit)]);
        return digits.Length == 7 ? "IMO" + digits : value;
    }

    private static (string, OfacFact)[] BuildLabels()
    {
        (string, OfacFact)[] labels =
        [
            ("DOB", OfacFact.BirthDate), ("POB", OfacFact.BirthPlace), ("nationality", OfacFact.Nationality),
            ("citizen", OfacFact.Citizenship), ("Gender", OfacFact.Gender),

            // Quoted names in the remarks are the ones OFAC's XML marks category "weak" (e.g. BNC, NPC, PCC).
            ("a.k.a.", OfacFact.WeakAlias), ("n.k.a.", OfacFact.WeakAlias), ("f.k.a.", OfacFact.PreviousName),
            ("Website", OfacFact.Website), ("Email Address", OfacFact.Email), ("Email", OfacFact.Email),
            ("E-mail", OfacFact.Email), ("Telephone No.", OfacFact.Phone), ("Telephone Number", OfacFact.Phone),
            ("Telephone", OfacFact.Phone), ("Phone Number", OfacFact.Phone), ("Phone No.", OfacFact.Phone),
            ("Phone", OfacFact.Phone), ("SWIFT/BIC", OfacFact.SwiftBic),
            ("Vessel Registration Identification", OfacFact.Imo), ("MMSI", OfacFact.Mmsi),
            ("Former Vessel Flag", OfacFact.FormerFlag), ("Nationality of Registration", OfacFact.RegistrationCountry),
            ("Organization Established Date", OfacFact.Established), ("Aircraft Manufacture Date", OfacFact.BuildDate),
            ("Aircraft Manufacturer's Serial Number (MSN)", OfacFact.SerialNumber), ("Aircraft Model", OfacFact.Model),
            ("Aircraft Tail Number", OfacFact.TailNumber),
            ("Passport", OfacFact.Passport), ("Diplomatic Passport", OfacFact.Passport),
            ("Passport Booklet", OfacFact.Passport),

            // Prose kept verbatim in notes; listed so that their numbers are not taken for documents.
            ("Additional Sanctions Information -", OfacFact.Note), ("For more information, please see:", OfacFact.Note),
            ("Executive Order 13662 Directive Determination -", OfacFact.Note), ("Linked To:", OfacFact.Note),
            ("Executive Order 13846 information:", OfacFact.Note), ("Secondary sanctions risk:", OfacFact.Note),
            ("Transactions Prohibited For Persons Owned or Controlled By U.S. Financial Institutions:", OfacFact.Note),
            ("Organization Type:", OfacFact.Note), ("IFCA Determination -", OfacFact.Note),
            ("CAATSA Section 235 Information:", OfacFact.Note), ("Digital Currency Address -", OfacFact.Note),
            ("Aircraft Operator", OfacFact.Note), ("Aircraft Construction Number", OfacFact.Note), ("Fax", OfacFact.Note),
        ];

        string[] identity =
        [
            "National ID No.", "Cedula No.", "D.N.I.", "Identification Number", "SSN", "C.U.R.P.", "C.U.R.P. #",
            "Kenyan ID No.", "Electoral Registry No.", "Credencial electoral", "Cartilla de Servicio Militar Nacional",
            "National Foreign ID Number", "Driver's License No.", "Residency Number", "I.F.E.", "LE Number",
            "Personal ID Card", "C.U.I.P.", "Turkish Identification Number", "Numero de Identidad", "Citizen's Card Number",
            "Travel Document Number", "VisaNumberID", "Tazkira National ID Card", "Birth Certificate Number",
            "Immigration No.", "SRE Permit No.", "CNP (Personal Numerical Code)", "Stateless Person ID Card",
            "Refugee ID Card", "Serial No.", "Moroccan Personal ID No.", "Italian Fiscal Code", "C.U.I.",
        ];
        string[] tax =
        [
            "Tax ID No.", "NIT #", "R.F.C.", "R.F.C. #", "RFC", "RUC #", "RIF #", "V.A.T. Number", "C.U.I.T.", "US FEIN",
            "C.I.F.", "Numero Unico de Identificacao Tributaria (NUIT)", "RTN", "Tax Number", "N.I.F.", "CUIT",
        ];
        string[] registration =
        [
            "Registration Number", "Registration ID", "Company Number", "UK Company Number", "Commercial Registry Number",
            "Folio Mercantil No.", "Matricula Mercantil No", "Government Gazette Number", "Business Registration Number",
            "Business Registration Document #", "C.R. No.", "Trade License No.", "Chamber of Commerce Number",
            "Public Registration Number", "Certificate of Incorporation Number", "Enterprise Number", "Legal Entity Number",
            "United Social Credit Code Certificate (USCCC)", "Unified Social Credit Code (USCC)", "Registered Charity No.",
            "D-U-N-S Number", "Branch Unit Number", "Business Number", "Dubai Chamber of Commerce Membership No.",
            "License", "Afghan Money Service Provider License Number", "Commercial Registration Number", "BIK (RU)",
        ];

        return
        [
            .. labels
                .Concat(identity.Select(l => (l, OfacFact.IdNumber)))
                .Concat(tax.Select(l => (l, OfacFact.TaxNumber)))
                .Concat(registration.Select(l => (l, OfacFact.RegistrationNumber)))
                .OrderByDescending(entry => entry.Item1.Length),
        ];
    }
}
