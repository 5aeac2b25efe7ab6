using System.Text.RegularExpressions;
using Cordon.Lists;
using Cordon.Tests.Support;
using static Cordon.Tests.Lists.Ofac.OfacFiles;

namespace Cordon.Tests.Lists.Ofac;

public sealed class OfacXmlReaderTests
{
    private static readonly string RealXml = TestData.Path("lists/ofac/consolidated_xml_2018/consolidated.xml");

    [Fact]
    public void Sdn_xml_imports_one_primary_entity_per_entry()
    {
        // Given the real consolidated XML, its entries counted independently
        var text = File.ReadAllText(RealXml);
        var entries = Regex.Count(text, "<sdnEntry>", RegexOptions.CultureInvariant);
        var addresses = Regex.Count(text, "<address>", RegexOptions.CultureInvariant);

        // When it is read
        var entities = ReadXml(RealXml);

        // Then each entry is one party with one sanction, and each address an Address
        Assert.Equal(639, entries);
        Assert.Equal(entries, entities.Count(e => e.Id == "ofac-" + e.SourceRef));
        Assert.Equal(entries, entities.Count(e => e.Schema.Name == "Sanction"));
        Assert.Equal(addresses, entities.Count(e => e.Schema.Name == "Address"));
        Assert.Equal(entities.Count, entities.Select(e => e.Id).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void A_known_individual_gets_names_birth_data_nationality_and_passports()
    {
        // Given the real XML, where uid 15961 is Seifollah JASHNSAZ
        // When it is read
        var entities = ReadXml(RealXml).Where(e => e.SourceRef == "15961").ToList();

        // Then every part of the entry is mapped
        var person = Single(entities, "ofac-15961");
        Assert.Equal("Person", person.Schema.Name);
        Assert.Equal("Seifollah JASHNSAZ", person.First("name"));
        Assert.Equal("Seifollah", person.First("firstName"));
        Assert.Equal("JASHNSAZ", person.First("lastName"));
        Assert.Equal(["Seyfollah JASHNSAZ", "Seifollah JASHN SAZ"], person.Get("alias"));
        Assert.Equal(["1958-03-22"], person.Get("birthDate"));
        Assert.Equal(["Behbahan, Iran"], person.Get("birthPlace"));
        Assert.Equal(["ir"], person.Get("birthCountry"));
        Assert.Equal(["ir"], person.Get("nationality"));
        Assert.Equal(["R17589399", "T23700825"], person.Get("passportNumber"));
        var passports = entities.Where(e => e.Schema.Name == "Passport").ToList();
        Assert.Equal(2, passports.Count);
        Assert.All(passports, p => Assert.Equal("ir", p.First("country")));
        Assert.Contains(person.Get("notes"), n => n.StartsWith("Additional Sanctions Information - Not on the SDN List", StringComparison.Ordinal));
    }

    [Fact]
    public void A_birth_date_range_and_a_weak_alias_are_read_from_the_xml()
    {
        // Given the real XML with a DOB range (15962) and a weak a.k.a. (15719)
        // When it is read
        var entities = ReadXml(RealXml);

        // Then the range gives its years and the weak name is a weak alias
        Assert.Equal(["1961", "1962"], Single(entities, "ofac-15962").Get("birthDate"));
        var cambis = Single(entities, "ofac-15719");
        Assert.Equal(["KLIMT, Gustav"], cambis.Get("weakAlias"));
        Assert.Equal(["Dimitrios Alexandros KAMPIS"], cambis.Get("alias"));
    }

    [Fact]
    public void A_known_entity_gets_aliases_and_addresses()
    {
        // Given the real XML, where uid 4632 is Iran's central bank
        // When it is read
        var entities = ReadXml(RealXml).Where(e => e.SourceRef == "4632").ToList();

        // Then the entity's names and its two addresses are mapped
        var bank = Single(entities, "ofac-4632");
        Assert.Equal("Organization", bank.Schema.Name);
        Assert.Equal("BANK MARKAZI JOMHOURI ISLAMI IRAN", bank.First("name"));
        Assert.Contains("CENTRAL BANK OF IRAN", bank.Get("alias"));
        Assert.Equal(["ofac-4632-addr-2898", "ofac-4632-addr-16811"], bank.Get("addressEntity"));
        var address = Single(entities, "ofac-4632-addr-16811");
        Assert.Equal("213 Ferdowsi Avenue, Tehran, 11365, Iran", address.First("full"));
        Assert.Equal("ir", address.First("country"));
        Assert.Equal(["IRAN"], Single(entities, "ofac-4632-sanction").Get("program"));
    }

    [Fact]
    public void A_known_vessel_gets_its_vessel_info_and_registration()
    {
        // Given the real XML, where uid 15036 is the tanker SHONA
        // When it is read
        var vessel = Single(ReadXml(RealXml), "ofac-15036");

        // Then vesselInfo and the vessel ids are mapped
        Assert.Equal("Vessel", vessel.Schema.Name);
        Assert.Equal("T2EU4", vessel.First("callSign"));
        Assert.Equal("Crude/Oil Products Tanker", vessel.First("type"));
        Assert.Equal("tz", vessel.First("flag"));
        Assert.Equal("99144", vessel.First("tonnage"));
        Assert.Equal("IMO9187629", vessel.First("imoNumber"));
        Assert.Equal("572469210", vessel.First("mmsi"));
        Assert.Equal(["mt", "tv"], vessel.Get("pastFlags"));
        Assert.Equal(["ABADAN", "ALPHA"], vessel.Get("previousName"));
    }

    [Fact]
    public void The_same_entry_gets_the_same_ids_from_xml_as_from_csv()
    {
        // Given one entry written in both formats
        var csv = CsvSet([SdnRow(306, "BANCO NACIONAL DE CUBA", type: "", program: "CUBA")], add: [AddRow(306, 199, "Zweierstrasse 35", "Zurich CH-8022", "Switzerland")]);
        var xml = TextFile("sdn.xml", XmlDocument(
            "<sdnEntry><uid>306</uid><lastName>BANCO NACIONAL DE CUBA</lastName><sdnType>Entity</sdnType>"
            + "<programList><program>CUBA</program></programList><addressList><address><uid>199</uid>"
            + "<address1>Zweierstrasse 35</address1><city>Zurich</city><postalCode>CH-8022</postalCode><country>Switzerland</country>"
            + "</address></addressList></sdnEntry>"));

        // When both are read
        var fromCsv = ReadCsv(csv).Select(e => e.Id).Order(StringComparer.Ordinal);
        var fromXml = ReadXml(xml).Select(e => e.Id).Order(StringComparer.Ordinal);

        // Then the ids agree
        Assert.Equal(["ofac-306", "ofac-306-addr-199", "ofac-306-sanction"], fromCsv);
        Assert.Equal(fromCsv, fromXml);
    }

    [Fact]
    public void Truncated_xml_is_refused_with_its_line()
    {
        // Given a document cut off inside its second entry
        var text = XmlDocument(Entry(1, "ONE"), Entry(2, "TWO"));
        var path = TextFile("sdn.xml", text[..text.IndexOf("<lastName>TWO", StringComparison.Ordinal)]);

        // When it is read
        var error = Assert.Throws<ImportException>(() => ReadXml(path));

        // Then the error names the file, a line and the XML parser's reason
        Assert.Equal(path, error.File);
        Assert.True(error.Line >= 4, $"line {error.Line}");
        Assert.Contains("malformed XML", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_with_another_root_is_refused_naming_what_was_found()
    {
        // Given a UN list handed to the OFAC reader
        var path = TextFile("un.xml", "<?xml version=\"1.0\"?>\n<CONSOLIDATED_LIST><INDIVIDUALS/></CONSOLIDATED_LIST>\n");

        // When it is read
        var error = Assert.Throws<ImportException>(() => ReadXml(path));

        // Then the root found is named
        Assert.Equal(2, error.Line);
        Assert.Contains("root element is <CONSOLIDATED_LIST>, expected <sdnList>", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_type_definition_is_refused()
    {
        // Given a document declaring an external entity
        var path = TextFile("sdn.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE sdnList [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<sdnList>&x;</sdnList>\n");

        // When it is read
        var error = Assert.Throws<ImportException>(() => ReadXml(path));

        // Then it is refused before any entity is resolved
        Assert.Equal(path, error.File);
        Assert.Contains("DTD", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_or_empty_xml_file_is_refused()
    {
        // Given no file, an empty file and a list with no entries
        var missing = Path.Combine(TestData.TempDirectory(), "sdn.xml");
        var empty = TextFile("sdn.xml", "");
        var noEntries = TextFile("sdn.xml", XmlDocument());

        // When each is read
        var first = Assert.Throws<ImportException>(() => ReadXml(missing));
        var second = Assert.Throws<ImportException>(() => ReadXml(empty));
        var third = Assert.Throws<ImportException>(() => ReadXml(noEntries));

        // Then each says why
        Assert.Contains("file not found", first.Message, StringComparison.Ordinal);
        Assert.Equal(empty, second.File);
        Assert.Contains("no sdnEntry elements", third.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_repeated_or_non_numeric_uid_is_refused_with_its_line()
    {
        // Given one document repeating a uid and one with a uid that is text
        var repeated = TextFile("sdn.xml", XmlDocument(Entry(1, "ONE"), Entry(1, "AGAIN")));
        var text = TextFile("sdn.xml", XmlDocument(Entry(1, "ONE").Replace("<uid>1</uid>", "<uid>X1</uid>", StringComparison.Ordinal)));

        // When each is read
        var first = Assert.Throws<ImportException>(() => ReadXml(repeated));
        var second = Assert.Throws<ImportException>(() => ReadXml(text));

        // Then the entry's line and the reason are given
        Assert.Equal(9, first.Line);
        Assert.Contains("uid 1 appears twice", first.Message, StringComparison.Ordinal);
        Assert.Equal(4, second.Line);
        Assert.Contains("'X1' is not a number", second.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ids_of_an_xml_entry_map_like_the_csv_remarks()
    {
        // Given an entry with a document, a website, a gender and an unknown id type
        var path = TextFile("sdn.xml", XmlDocument(
            "<sdnEntry><uid>8</uid><firstName>John</firstName><lastName>DOE</lastName><sdnType>Individual</sdnType>"
            + "<programList><program>SDGT</program></programList><idList>"
            + "<id><uid>1</uid><idType>National ID No.</idType><idNumber>A-77</idNumber><idCountry>Egypt</idCountry><issueDate>10 Jul 1991</issueDate></id>"
            + "<id><uid>2</uid><idType>Website</idType><idNumber>www.example.com</idNumber></id>"
            + "<id><uid>3</uid><idType>Gender</idType><idNumber>Male</idNumber></id>"
            + "<id><uid>4</uid><idType>Listing Date (EO 14024):</idType><idNumber>24 Feb 2022</idNumber></id>"
            + "</idList><remarks>Free text.</remarks><title>Leader</title></sdnEntry>"));

        // When it is read
        var entities = ReadXml(path);

        // Then each id lands where the CSV remarks would put it
        var person = Single(entities, "ofac-8");
        Assert.Equal(["A-77"], person.Get("idNumber"));
        Assert.Equal(["www.example.com"], person.Get("website"));
        Assert.Equal(["male"], person.Get("gender"));
        Assert.Equal(["Leader"], person.Get("position"));
        Assert.Equal(["Listing Date (EO 14024): 24 Feb 2022", "Free text."], person.Get("notes"));
        var document = Single(entities, "ofac-8-id-1");
        Assert.Equal("National ID No.", document.First("type"));
        Assert.Equal("eg", document.First("country"));
        Assert.Equal("1991-07-10", document.First("startDate"));
    }

    private static string Entry(int uid, string name) =>
        $"  <sdnEntry>\n    <uid>{uid}</uid>\n    <lastName>{name}</lastName>\n    <sdnType>Entity</sdnType>\n  </sdnEntry>";
}
