using Cordon.Lists;
using Cordon.Lists.Ofac;
using Cordon.Model;

namespace Cordon.Tests.Lists.Ofac;

public sealed class OfacRemarksTests
{
    [Theory]
    [InlineData("DOB 10 Dec 1948", new[] { "1948-12-10" })]
    [InlineData("DOB Dec 1948", new[] { "1948-12" })]
    [InlineData("DOB 1948", new[] { "1948" })]
    [InlineData("DOB circa 1960", new[] { "1960" })]
    [InlineData("DOB circa 07 Jul 1966", new[] { "1966" })]
    [InlineData("DOB 1955 to 1958", new[] { "1955", "1956", "1957", "1958" })]
    [InlineData("DOB 01 Jan 1961 to 31 Dec 1962", new[] { "1961", "1962" })]
    [InlineData("DOB circa 1979-1982", new[] { "1979", "1980", "1981", "1982" })]
    [InlineData("DOB 1940 to 1960", new[] { "1940", "1960" })]
    [InlineData("DOB 1969; alt. DOB 10 Oct 1969", new[] { "1969", "1969-10-10" })]
    public void Birth_dates_are_read_in_every_form_ofac_writes(string remarks, string[] expected)
    {
        // Given a person's remarks holding dates of birth
        // When they are applied
        var person = Primary(remarks);

        // Then each becomes FtM dates; short ranges give every year so that any year in them matches
        Assert.Equal(expected, person.Get("birthDate"));
    }

    [Fact]
    public void A_place_of_birth_keeps_the_text_and_names_the_country()
    {
        // Given a place of birth ending in a country, and an alternative one
        // When they are applied
        var person = Primary("POB Giza, Egypt; alt. POB Cairo, Egypt");

        // Then the places stay as written and the country is recognised
        Assert.Equal(["Giza, Egypt", "Cairo, Egypt"], person.Get("birthPlace"));
        Assert.Equal(["eg"], person.Get("birthCountry"));
    }

    [Fact]
    public void Nationality_citizenship_and_gender_map_to_their_properties()
    {
        // Given each kind of personal clause, with alt. prefixes
        // When they are applied
        var person = Primary("nationality Egypt; alt. nationality Iraq; citizen Egypt; Gender Female");

        // Then they land on the person's properties
        Assert.Equal(["eg", "iq"], person.Get("nationality"));
        Assert.Equal(["eg"], person.Get("citizenship"));
        Assert.Equal(["female"], person.Get("gender"));
    }

    [Fact]
    public void A_kas_are_weak_aliases_and_f_k_as_previous_names()
    {
        // Given the quoted names OFAC writes in remarks
        // When they are applied
        var person = Primary("a.k.a. 'ABU MU'AWIYA'; f.k.a. 'OLD NAME'; n.k.a. 'NEW NAME'");

        // Then a.k.a. and n.k.a. are weak aliases (OFAC's XML marks these "weak") and f.k.a. a previous name
        Assert.Equal(["ABU MU'AWIYA", "NEW NAME"], person.Get("weakAlias"));
        Assert.Equal(["OLD NAME"], person.Get("previousName"));
        Assert.Empty(person.Get("alias"));
    }

    [Fact]
    public void A_passport_becomes_a_passport_entity_with_its_dates()
    {
        // Given a passport with country, issue and expiry, and an alternative without a country
        // When they are applied
        var entities = Apply("Passport E590976 (Tunisia) issued 19 Jun 1987 expires 18 Jun 1992; alt. Passport RL 1794375");

        // Then each is a Passport held by the person, and the numbers are on the person too
        var person = entities[0];
        Assert.Equal(["E590976", "RL 1794375"], person.Get("passportNumber"));
        var first = Assert.Single(entities, e => e.Id == "ofac-1-id-1");
        Assert.Equal("Passport", first.Schema.Name);
        Assert.Equal("tn", first.First("country"));
        Assert.Equal("1987-06-19", first.First("startDate"));
        Assert.Equal("1992-06-18", first.First("endDate"));
        Assert.Equal("ofac-1", first.First("holder"));
        Assert.Null(Assert.Single(entities, e => e.Id == "ofac-1-id-2").First("country"));
    }

    [Theory]
    [InlineData("National ID No. 660000 73767 (Belgium)", "National ID No.", "660000 73767", "be", "idNumber")]
    [InlineData("Cedula No. 16247821 (Colombia)", "Cedula No.", "16247821", "co", "idNumber")]
    [InlineData("D.N.I. 78.865.882 (Spain)", "D.N.I.", "78.865.882", "es", "idNumber")]
    [InlineData("SSN 123-45-6789 (United States)", "SSN", "123-45-6789", "us", "idNumber")]
    [InlineData("C.U.R.P. AIMM67125HCHRRG06 (Mexico)", "C.U.R.P.", "AIMM67125HCHRRG06", "mx", "idNumber")]
    [InlineData("Kenyan ID No. 12773667", "Kenyan ID No.", "12773667", null, "idNumber")]
    [InlineData("Identification Number 2.194.575 (Paraguay)", "Identification Number", "2.194.575", "py", "idNumber")]
    [InlineData("R.F.C. AIMM671205 (Mexico)", "R.F.C.", "AIMM671205", "mx", "taxNumber")]
    [InlineData("Tax ID No. 100036386 (Serbia)", "Tax ID No.", "100036386", "rs", "taxNumber")]
    [InlineData("Registration ID 14063277", "Registration ID", "14063277", null, "registrationNumber")]
    [InlineData("Folio Mercantil No. 22839 (Jalisco) (Mexico)", "Folio Mercantil No.", "22839", "mx", "registrationNumber")]
    [InlineData("Harbour Permit No. 4471 (Egypt)", "Harbour Permit No.", "4471", "eg", "idNumber")]
    public void Identity_documents_become_identification_entities(string clause, string type, string number, string? country, string property)
    {
        // Given a document clause, including a label the table does not know
        // When it is applied to a person
        var entities = Apply(clause);

        // Then an Identification holds type, number and country, and the number is on the person
        var document = Assert.Single(entities, e => e.Schema.Name == "Identification");
        Assert.Equal(type, document.First("type"));
        Assert.Equal(number, document.First("number"));
        Assert.Equal(country, document.First("country"));
        Assert.Equal([number], entities[0].Get(property));
        Assert.Empty(entities[0].Get("notes"));
    }

    [Fact]
    public void Contact_details_and_codes_map_to_their_properties()
    {
        // Given an organisation's contact clauses
        // When they are applied
        var org = Primary(
            "Website www.havanaintbank.co.uk; Email Address info@example.com; Telephone (98)(21)(66153220); "
            + "Phone Number 982188526300; SWIFT/BIC HAVIGB2L; Organization Established Date 17 Dec 2016",
            Schemata.Organization);

        // Then each lands on its property
        Assert.Equal(["www.havanaintbank.co.uk"], org.Get("website"));
        Assert.Equal(["info@example.com"], org.Get("email"));
        Assert.Equal(["(98)(21)(66153220)", "982188526300"], org.Get("phone"));
        Assert.Equal(["HAVIGB2L"], org.Get("swiftBic"));
        Assert.Equal(["2016-12-17"], org.Get("incorporationDate"));
    }

    [Fact]
    public void Vessel_and_aircraft_clauses_map_to_their_properties()
    {
        // Given a vessel's and an aircraft's remarks
        // When they are applied
        var vessel = Primary("Vessel Registration Identification IMO 9187629; MMSI 572469210; Former Vessel Flag Malta", Schemata.Vessel);
        var plane = Primary(
            "Aircraft Manufacturer's Serial Number (MSN) 1023409321; Aircraft Manufacture Date 1992; Aircraft Model IL76-TD; Aircraft Tail Number EP-MMH",
            Schemata.Airplane);

        // Then each lands on its property
        Assert.Equal(["IMO9187629"], vessel.Get("imoNumber"));
        Assert.Equal(["572469210"], vessel.Get("mmsi"));
        Assert.Equal(["mt"], vessel.Get("pastFlags"));
        Assert.Equal(["1023409321"], plane.Get("serialNumber"));
        Assert.Equal(["1992"], plane.Get("buildDate"));
        Assert.Equal(["IL76-TD"], plane.Get("model"));
        Assert.Equal(["EP-MMH"], plane.Get("registrationNumber"));
    }

    [Fact]
    public void Clauses_not_understood_are_kept_verbatim_in_notes()
    {
        // Given links, sanction prose and free text, one with a semicolon inside parentheses
        var remarks = "Linked To: HIZBALLAH; Additional Sanctions Information - Subject to Secondary Sanctions; "
            + "(Data from a passport; issued under an alias); Digital Currency Address - XBT 12QtD5BF.";

        // When they are applied
        var person = Primary(remarks);

        // Then each clause is a note, whole
        Assert.Equal(
            ["Linked To: HIZBALLAH", "Additional Sanctions Information - Subject to Secondary Sanctions",
                "(Data from a passport; issued under an alias)", "Digital Currency Address - XBT 12QtD5BF"],
            person.Get("notes"));
    }

    [Fact]
    public void Person_clauses_on_an_organisation_go_to_country_or_notes()
    {
        // Given an organisation whose remarks use person clauses
        // When they are applied
        var org = Primary("nationality Iran; DOB 1970; Passport 123 (Iran)", Schemata.Organization);

        // Then the nationality is its country, and what an organisation cannot hold is kept in notes
        Assert.Equal(["ir"], org.Get("country"));
        Assert.Equal(["DOB 1970"], org.Get("notes"));
        Assert.Equal(["123"], org.Get("idNumber"));
    }

    [Fact]
    public void Documents_of_a_vessel_are_kept_in_notes_because_only_legal_entities_hold_them()
    {
        // Given a vessel with a registration number clause
        // When it is applied
        var entities = Apply("Registration Number 12345 (Panama)", Schemata.Vessel);

        // Then no Identification is made for it
        Assert.Single(entities);
        Assert.Equal(["Registration Number 12345 (Panama)"], entities[0].Get("notes"));
    }

    [Theory]
    [InlineData("10 Dec 1948", "1948-12-10")]
    [InlineData("Sept 1938", "1938-09")]
    [InlineData("1948-12-10", "1948-12-10")]
    public void Single_dates_parse_to_iso(string text, string expected)
    {
        // Given one OFAC date
        // When it is parsed
        var parsed = OfacDates.TryParseDate(text, out var date);

        // Then it is the ISO prefix
        Assert.True(parsed);
        Assert.Equal(expected, date);
    }

    [Theory]
    [InlineData("31 Feb 1970")]
    [InlineData("Smarch 1970")]
    [InlineData("in 1970")]
    public void Text_that_is_no_date_is_refused(string text)
    {
        // Given text that is not an OFAC date
        // When it is parsed
        // Then it is refused
        Assert.False(OfacDates.TryParseDates(text, []));
    }

    private static Entity Primary(string remarks, Schema? schema = null) => Apply(remarks, schema)[0];

    private static List<Entity> Apply(string remarks, Schema? schema = null)
    {
        var record = new OfacRecord(new ImportContext("ofac"), "1", schema ?? Schemata.Person, "test");
        record.Set("name", "TEST", "TEST");
        OfacFacts.ApplyRemarks(record, remarks);
        return [.. record.Build()];
    }
}
