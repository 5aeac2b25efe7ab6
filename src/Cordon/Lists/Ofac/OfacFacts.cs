namespace Cordon.Lists.Ofac;

/// <summary>
/// How OFAC's labelled facts land on a record, shared by the CSV and XML readers: remarks clauses, XML <c>id</c>
/// elements and the way OFAC writes identity documents.
/// </summary>
internal static class OfacFacts
{
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
        if (OfacLabels.TryMatch(body, out var label, out var fact, out var value))
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
        var fact = OfacLabels.LabelFact(label) ?? GuessFact(label, number);
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

}
