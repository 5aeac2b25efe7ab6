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

/// <summary>The labels OFAC writes before a value, in the legacy CSV remarks and as the XML <c>idType</c>.</summary>
internal static class OfacLabels
{
    // Longest first, so that "Passport Booklet" wins over "Passport" and "Nationality of Registration" over "nationality".
    private static readonly (string Label, OfacFact Fact)[] Labels = BuildLabels();

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

    /// <summary>Matches a known label at the start of a clause; the value is what follows it.</summary>
    public static bool TryMatch(string body, out string label, out OfacFact fact, out string value)
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
