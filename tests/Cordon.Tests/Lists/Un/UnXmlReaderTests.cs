using Cordon.Lists;
using Cordon.Lists.Un;
using Cordon.Model;
using Cordon.Tests.Support;

namespace Cordon.Tests.Lists.Un;

/// <summary>The UN reader against the real consolidated lists of 2026 and 2018.</summary>
public sealed class UnXmlReaderTests
{
    private static readonly Lazy<List<Entity>> Current = new(() => Read(TestData.Path("lists/un/UN_consolidated.xml")));

    internal static List<Entity> Read(string path, ImportContext? context = null) =>
        new UnXmlReader().Read(path, context ?? new ImportContext("un"), CancellationToken.None).ToList();

    private static bool IsPrimary(Entity e) => e.SourceRef is not null && e.Schema.Name is "Person" or "Organization";

    private static Entity Get(string id) => Assert.Single(Current.Value, e => e.Id == id);

    [Fact]
    public void The_2026_list_gives_730_people_and_273_organisations()
    {
        // Given the 2026-02-27 consolidated list (730 INDIVIDUAL and 273 ENTITY elements)

        // When it is read
        var primaries = Current.Value.Where(IsPrimary).ToList();

        // Then each record is one primary entity of the right schema
        Assert.Equal(730, primaries.Count(e => e.Schema.Name == "Person"));
        Assert.Equal(273, primaries.Count(e => e.Schema.Name == "Organization"));
        Assert.Equal(primaries.Count, primaries.Select(e => e.Id).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void The_2018_list_gives_1093_primaries()
    {
        // Given the 2018-10-29 consolidated list

        // When it is read
        var entities = Read(TestData.Path("lists/un/UN_consolidated_2018-10-29.xml"));

        // Then it holds 1093 records (703 individuals, 390 entities)
        Assert.Equal(1093, entities.Count(IsPrimary));
        Assert.Equal(703, entities.Count(e => IsPrimary(e) && e.Schema.Name == "Person"));
    }

    [Fact]
    public void Ids_are_the_dataset_and_the_reference_number()
    {
        // Given the 2026 list

        // Then the record QDi.325 has the id un-QDi.325 and the reference as its source
        var adnani = Get("un-QDi.325");
        Assert.Equal("QDi.325", adnani.SourceRef);
        Assert.Equal("Person", adnani.Schema.Name);
        Assert.All(Current.Value.Where(IsPrimary), e => Assert.Equal("un-" + e.SourceRef, e.Id));
    }

    [Fact]
    public void The_dataset_name_prefixes_the_ids()
    {
        // Given a small list read into another dataset
        var path = WriteXml(Individual("QDi.900", "JOHN", "DOE"));

        // When it is read as dataset "unsc"
        var entities = Read(path, new ImportContext("unsc"));

        // Then every id carries that prefix
        Assert.All(entities, e => Assert.StartsWith("unsc-QDi.900", e.Id, StringComparison.Ordinal));
    }

    [Fact]
    public void QDi_325_has_its_names_nationality_birth_and_place()
    {
        // Given Abou Mohamed al Adnani's record
        var adnani = Get("un-QDi.325");

        // Then the names, nationality, birth year and place are mapped
        Assert.Equal("ABOU MOHAMED AL ADNANI", adnani.First("name"));
        Assert.Contains("Abu Mohammed al-Adnani", adnani.Get("alias"));
        Assert.Contains("Abu Mohamed al-Adnani", adnani.Get("alias"));
        Assert.Equal(["iq"], adnani.Get("nationality"));
        Assert.Equal(["1977"], adnani.Get("birthDate"));
        var place = Assert.Single(adnani.Get("birthPlace"));
        Assert.Contains("Binnish", place, StringComparison.Ordinal);
        Assert.Equal(["sy"], adnani.Get("birthCountry"));
        Assert.Equal("2025-03-11", adnani.First("modifiedAt"));
        Assert.Equal(["Al-Qaida"], adnani.Get("program"));
    }

    [Fact]
    public void QDi_325_has_a_sanction_under_al_qaida_listed_on_2014_08_15()
    {
        // Given the 2026 list

        // When the sanctions pointing at QDi.325 are found
        var sanction = Assert.Single(Current.Value, e => e.Schema.Name == "Sanction" && e.First("entity") == "un-QDi.325");

        // Then the program, listing date and authority are set
        Assert.Equal("Al-Qaida", sanction.First("program"));
        Assert.Equal("2014-08-15", sanction.First("listingDate"));
        Assert.Equal("QDi.325", sanction.First("unscId"));
        Assert.Equal("United Nations Security Council", sanction.First("authority"));
        Assert.Equal("QDi.325", sanction.SourceRef);
    }

    [Fact]
    public void Names_in_original_script_become_aliases()
    {
        // Given Saddam Hussein's record, whose NAME_ORIGINAL_SCRIPT is Arabic
        var saddam = Get("un-IQi.001");

        // Then the Arabic name is an alias beside the Latin name
        Assert.Equal("SADDAM HUSSEIN AL-TIKRITI", saddam.First("name"));
        Assert.Contains("صدام حسين التكريتي", saddam.Get("alias"));
    }

    [Fact]
    public void A_low_quality_alias_becomes_a_weak_alias()
    {
        // Given CDi.003, whose alias "Rumuli" is marked Low quality
        var entity = Get("un-CDi.003");

        // Then it is a weak alias and not a plain alias
        Assert.Contains("Rumuli", entity.Get("weakAlias"));
        Assert.DoesNotContain("Rumuli", entity.Get("alias"));
    }

    [Fact]
    public void Passports_become_passport_entities_with_holder_number_and_country()
    {
        // Given CDi.021, with a passport issued by the Democratic Republic of the Congo
        var passport = Assert.Single(Current.Value, e => e.Schema.Name == "Passport" && e.First("holder") == "un-CDi.021");

        // Then the passport carries the holder, the number and the country code, and the person the number
        Assert.Equal("OB 0243318", passport.First("number"));
        Assert.Equal("cd", passport.First("country"));
        Assert.Equal("CDi.021", passport.SourceRef);
        Assert.Contains("OB 0243318", Get("un-CDi.021").Get("passportNumber"));
    }

    [Fact]
    public void Every_dependent_shares_its_primary_source_ref_and_follows_it()
    {
        // Given the whole 2026 list in reading order
        Entity? primary = null;
        foreach (var entity in Current.Value)
        {
            if (IsPrimary(entity))
            {
                primary = entity;
                continue;
            }

            // Then each dependent comes after its primary and carries the same source reference
            Assert.NotNull(primary);
            Assert.Equal(primary.SourceRef, entity.SourceRef);
            Assert.StartsWith(primary.Id + "-", entity.Id, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_record_has_exactly_one_sanction()
    {
        // Given the 2026 list
        var sanctions = Current.Value.Where(e => e.Schema.Name == "Sanction").ToList();

        // Then there is one sanction per primary, each pointing at it
        Assert.Equal(Current.Value.Count(IsPrimary), sanctions.Count);
        var primaryIds = Current.Value.Where(IsPrimary).Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        Assert.All(sanctions, s => Assert.Contains(s.First("entity")!, primaryIds));
    }

    [Fact]
    public void Small_records_map_gender_dates_documents_and_addresses()
    {
        // Given one individual with every kind of detail
        var path = WriteXml(Individual("QDi.901", "JANE", "ROE", extra: """
              <GENDER>Female</GENDER>
              <INDIVIDUAL_ALIAS><QUALITY>Good</QUALITY><ALIAS_NAME>Jane R.</ALIAS_NAME></INDIVIDUAL_ALIAS>
              <INDIVIDUAL_ADDRESS><CITY>Mosul</CITY><COUNTRY>Iraq</COUNTRY></INDIVIDUAL_ADDRESS>
              <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>BETWEEN</TYPE_OF_DATE><FROM_YEAR>1970</FROM_YEAR><TO_YEAR>1972</TO_YEAR></INDIVIDUAL_DATE_OF_BIRTH>
              <INDIVIDUAL_DOCUMENT><TYPE_OF_DOCUMENT>National Identification Number</TYPE_OF_DOCUMENT><NUMBER>12345</NUMBER><ISSUING_COUNTRY>Iraq</ISSUING_COUNTRY></INDIVIDUAL_DOCUMENT>
            """));

        // When it is read
        var entities = Read(path);

        // Then the person, the address, the identification and the sanction come out
        var person = Assert.Single(entities, e => e.Schema.Name == "Person");
        Assert.Equal("female", person.First("gender"));
        Assert.Equal(["1970", "1971", "1972"], person.Get("birthDate"));
        Assert.Equal(["Jane R."], person.Get("alias"));
        Assert.Equal(["iq"], person.Get("country"));
        Assert.Equal(["12345"], person.Get("idNumber"));
        var address = Assert.Single(entities, e => e.Schema.Name == "Address");
        Assert.Equal("Mosul, Iraq", address.First("full"));
        Assert.Equal([address.Id], person.Get("addressEntity"));
        var id = Assert.Single(entities, e => e.Schema.Name == "Identification");
        Assert.Equal(person.Id, id.First("holder"));
        Assert.Single(entities, e => e.Schema.Name == "Sanction");
        Assert.Equal(4, entities.Count);
    }

    [Fact]
    public void An_entity_record_becomes_an_organization()
    {
        // Given one ENTITY element
        var path = WriteXml(entities: """
            <ENTITY>
              <FIRST_NAME>AL NOOR TRADING LLC</FIRST_NAME>
              <UN_LIST_TYPE>Al-Qaida</UN_LIST_TYPE>
              <REFERENCE_NUMBER>QDe.900</REFERENCE_NUMBER>
              <LISTED_ON>2010-01-02</LISTED_ON>
              <ENTITY_ALIAS><QUALITY>Low</QUALITY><ALIAS_NAME>Noor Co</ALIAS_NAME></ENTITY_ALIAS>
            </ENTITY>
            """);

        // When it is read
        var entities = Read(path);

        // Then it is an organisation with its weak alias and a sanction
        var org = Assert.Single(entities, e => e.Schema.Name == "Organization");
        Assert.Equal("un-QDe.900", org.Id);
        Assert.Equal(["Noor Co"], org.Get("weakAlias"));
        Assert.Equal("2010-01-02", Assert.Single(entities, e => e.Schema.Name == "Sanction").First("listingDate"));
    }

    [Fact]
    public void An_unknown_nationality_is_kept_as_a_note_with_a_warning()
    {
        // Given a nationality the country table does not know
        var path = WriteXml(Individual("QDi.902", "JOHN", "DOE", extra: "<NATIONALITY><VALUE>Atlantis</VALUE></NATIONALITY>"));
        var context = new ImportContext("un");

        // When it is read
        var person = Assert.Single(Read(path, context), e => e.Schema.Name == "Person");

        // Then the import goes on, the text is kept and a warning raised
        Assert.Empty(person.Get("nationality"));
        Assert.Contains("nationality: Atlantis", person.Get("notes"));
        Assert.Contains(context.Warnings, w => w.Contains("Atlantis", StringComparison.Ordinal));
    }

    [Fact]
    public void Truncated_xml_is_refused_as_malformed_with_its_line()
    {
        // Given a list cut off in the middle of a record
        var full = Document(Individual("QDi.903", "JOHN", "DOE"));
        var path = WriteText(full[..(full.IndexOf("<REFERENCE_NUMBER>", StringComparison.Ordinal) + 10)]);

        // When it is read
        var error = Assert.Throws<ImportException>(() => Read(path));

        // Then it is malformed XML with a line number
        Assert.NotNull(error.Line);
        Assert.True(error.Line > 1);
        Assert.Contains("malformed XML", error.Message, StringComparison.Ordinal);
        Assert.Equal(path, error.File);
    }

    [Fact]
    public void A_document_with_another_root_is_refused()
    {
        // Given an OFAC-like document
        var path = WriteText("<?xml version=\"1.0\"?>\n<sdnList><sdnEntry/></sdnList>\n");

        // When it is read
        var error = Assert.Throws<ImportException>(() => Read(path));

        // Then the error says what the root was and what was expected
        Assert.Contains("<sdnList>", error.Message, StringComparison.Ordinal);
        Assert.Contains("CONSOLIDATED_LIST", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void An_individual_without_a_reference_number_is_refused()
    {
        // Given an INDIVIDUAL with no REFERENCE_NUMBER
        var path = WriteXml("""
            <INDIVIDUAL>
              <FIRST_NAME>JOHN</FIRST_NAME>
              <UN_LIST_TYPE>Al-Qaida</UN_LIST_TYPE>
            </INDIVIDUAL>
            """);

        // When it is read
        var error = Assert.Throws<ImportException>(() => Read(path));

        // Then the missing field is named with the record's line
        Assert.Equal("REFERENCE_NUMBER", error.Field);
        Assert.Equal(4, error.Line);
    }

    [Fact]
    public void A_repeated_reference_number_is_refused_at_the_second_record()
    {
        // Given two records with the same reference
        var path = WriteXml(Individual("QDi.904", "JOHN", "DOE") + Individual("QDi.904", "JANE", "ROE"));

        // When it is read
        var error = Assert.Throws<ImportException>(() => Read(path));

        // Then the reference is named as appearing twice
        Assert.Equal("REFERENCE_NUMBER", error.Field);
        Assert.Contains("'QDi.904' appears twice", error.Message, StringComparison.Ordinal);
        Assert.True(error.Line > 4);
    }

    [Fact]
    public void An_invalid_gender_is_refused_naming_the_field_and_the_record()
    {
        // Given a gender that is not one
        var path = WriteXml(Individual("QDi.905", "JOHN", "DOE", extra: "<GENDER>Robot</GENDER>"));

        // When it is read
        var error = Assert.Throws<ImportException>(() => Read(path));

        // Then the field, the value and the record are named
        Assert.Equal("gender", error.Field);
        Assert.Contains("'Robot'", error.Message, StringComparison.Ordinal);
        Assert.Contains("QDi.905", error.Message, StringComparison.Ordinal);
        Assert.Equal(4, error.Line);
    }

    [Fact]
    public void A_record_without_a_name_is_refused()
    {
        // Given an INDIVIDUAL with a reference but no name parts
        var path = WriteXml("<INDIVIDUAL><REFERENCE_NUMBER>QDi.906</REFERENCE_NUMBER></INDIVIDUAL>");

        // When it is read
        var error = Assert.Throws<ImportException>(() => Read(path));

        // Then it is refused naming the record
        Assert.Contains("QDi.906", error.Message, StringComparison.Ordinal);
        Assert.Contains("no name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_sections_are_skipped()
    {
        // Given a list with a section Cordon does not know before the individuals
        var path = WriteText("<CONSOLIDATED_LIST>\n<NEWS><ITEM><INDIVIDUAL><REFERENCE_NUMBER>X</REFERENCE_NUMBER></INDIVIDUAL></ITEM></NEWS>\n<INDIVIDUALS>\n"
            + Individual("QDi.907", "JOHN", "DOE") + "</INDIVIDUALS>\n</CONSOLIDATED_LIST>\n");

        // When it is read
        var entities = Read(path);

        // Then only the real record is read
        Assert.Equal("un-QDi.907", Assert.Single(entities, e => e.Schema.Name == "Person").Id);
    }

    [Fact]
    public void An_empty_list_reads_as_no_entities()
    {
        // Given a list with no records
        var path = WriteText("<CONSOLIDATED_LIST><INDIVIDUALS/><ENTITIES/></CONSOLIDATED_LIST>");

        // Then the reader returns nothing (the importer refuses empty imports, not the reader)
        Assert.Empty(Read(path));
    }

    private static string Individual(string reference, string first, string second, string extra = "") => $"""
        <INDIVIDUAL>
          <FIRST_NAME>{first}</FIRST_NAME>
          <SECOND_NAME>{second}</SECOND_NAME>
          <UN_LIST_TYPE>Al-Qaida</UN_LIST_TYPE>
          <REFERENCE_NUMBER>{reference}</REFERENCE_NUMBER>
          <LISTED_ON>2014-08-15</LISTED_ON>
          {extra}
        </INDIVIDUAL>

        """;

    /// <summary>A consolidated list whose first record starts on line 4.</summary>
    private static string Document(string individuals, string entities = "") =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<CONSOLIDATED_LIST>\n<INDIVIDUALS>\n"
        + individuals
        + "\n</INDIVIDUALS>\n<ENTITIES>\n"
        + entities
        + "\n</ENTITIES>\n</CONSOLIDATED_LIST>\n";

    private static string WriteXml(string individuals = "", string entities = "") => WriteText(Document(individuals, entities));

    private static string WriteText(string text)
    {
        var path = Path.Combine(TestData.TempDirectory(), "un.xml");
        File.WriteAllText(path, text, new System.Text.UTF8Encoding(false));
        return path;
    }
}
