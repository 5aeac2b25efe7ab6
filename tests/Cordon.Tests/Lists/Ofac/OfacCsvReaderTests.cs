using System.Text;
using System.Text.RegularExpressions;
using Cordon.Lists;
using Cordon.Model;
using Cordon.Tests.Support;
using static Cordon.Tests.Lists.Ofac.OfacFiles;

namespace Cordon.Tests.Lists.Ofac;

public sealed class OfacCsvReaderTests
{
    private static readonly string RealSet = TestData.Path("lists/ofac/sdn_csv_2021");

    [Fact]
    public void Sdn_csv_imports_one_primary_entity_per_row_with_the_schema_of_its_type()
    {
        // Given the real SDN set, counted independently of the reader
        var rows = DataLines("sdn.csv");
        var individuals = rows.Count(r => r.Contains(",\"individual\",", StringComparison.Ordinal));
        var vessels = rows.Count(r => r.Contains(",\"vessel\",", StringComparison.Ordinal));
        var aircraft = rows.Count(r => r.Contains(",\"aircraft\",", StringComparison.Ordinal));

        // When it is read
        var entities = ReadCsv(RealSet);

        // Then each row gives one primary entity, a sanction, and nothing collides
        var primaries = entities.Where(e => e.Id == "ofac-" + e.SourceRef).ToList();
        Assert.Equal(rows.Count, primaries.Count);
        Assert.Equal(individuals, primaries.Count(e => e.Schema.Name == "Person"));
        Assert.Equal(vessels, primaries.Count(e => e.Schema.Name == "Vessel"));
        Assert.Equal(aircraft, primaries.Count(e => e.Schema.Name == "Airplane"));
        Assert.Equal(rows.Count - individuals - vessels - aircraft, primaries.Count(e => e.Schema.Name == "Organization"));
        Assert.Equal(rows.Count, entities.Count(e => e.Schema.Name == "Sanction"));
        Assert.Equal(entities.Count, entities.Select(e => e.Id).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Every_alt_csv_row_lands_as_a_name_on_its_entity()
    {
        // Given the alt.csv rows, parsed with a pattern of their own
        var pattern = new Regex("^(\\d+),\\d+,\"(aka|fka|nka)\",\"((?:[^\"]|\"\")*)\",", RegexOptions.CultureInvariant);
        var alts = DataLines("alt.csv").Select(l => pattern.Match(l)).ToList();
        Assert.All(alts, m => Assert.True(m.Success));

        // When the set is read
        var byId = ReadCsv(RealSet).ToDictionary(e => e.Id, StringComparer.Ordinal);

        // Then each alternate name is on its entity, as an alias or a previous name
        Assert.All(alts, m =>
        {
            var entity = byId["ofac-" + m.Groups[1].Value];
            var name = PropertyValues.CollapseWhitespace(m.Groups[3].Value.Replace("\"\"", "\"", StringComparison.Ordinal));
            var property = m.Groups[2].Value == "fka" ? "previousName" : "alias";
            Assert.Contains(name, entity.Get(property));
        });
    }

    [Fact]
    public void Every_add_csv_row_with_content_becomes_an_address_linked_from_its_entity()
    {
        // Given the add.csv rows; OFAC writes rows of four empty fields for "no known address"
        var rows = DataLines("add.csv");
        var withContent = rows.Where(r => !Regex.IsMatch(r, "^\\d+,\\d+,(-0- ,){3}-0- $", RegexOptions.CultureInvariant)).ToList();
        Assert.True(withContent.Count > 10_000);

        // When the set is read
        var entities = ReadCsv(RealSet);
        var byId = entities.ToDictionary(e => e.Id, StringComparer.Ordinal);

        // Then each such row is an Address, named by ent_num and add_num, linked from its party
        var addresses = entities.Where(e => e.Schema.Name == "Address").ToList();
        Assert.Equal(withContent.Count, addresses.Count);
        Assert.All(withContent, row =>
        {
            var parts = row.Split(',');
            var id = $"ofac-{parts[0]}-addr-{parts[1]}";
            Assert.True(byId.ContainsKey(id), id);
            Assert.Contains(id, byId["ofac-" + parts[0]].Get("addressEntity"));
        });
    }

    [Fact]
    public void Al_zawahiri_gets_his_birth_date_birth_place_and_egyptian_passport()
    {
        // Given the real set, where ent_num 2676 is AL ZAWAHIRI
        // When it is read
        var entities = ReadCsv(RealSet).Where(e => e.SourceRef == "2676").ToList();

        // Then the remarks became properties and a Passport entity
        var person = Single(entities, "ofac-2676");
        Assert.Equal("Person", person.Schema.Name);
        Assert.Equal("AL ZAWAHIRI, Dr. Ayman", person.First("name"));
        Assert.Equal("AL ZAWAHIRI", person.First("lastName"));
        Assert.Equal(["1951-06-19"], person.Get("birthDate"));
        Assert.Contains("Giza", person.First("birthPlace"), StringComparison.Ordinal);
        Assert.Contains("AL-ZAWAHIRI, Ayman", person.Get("alias"));
        Assert.Contains("1084010", person.Get("passportNumber"));
        var passport = Assert.Single(entities, e => e.Schema.Name == "Passport" && e.First("number") == "1084010");
        Assert.Equal("eg", passport.First("country"));
        Assert.Equal("ofac-2676", passport.First("holder"));
        Assert.Equal("SDGT", Single(entities, "ofac-2676-sanction").First("program"));
    }

    [Fact]
    public void Quoted_akas_in_the_remarks_become_weak_aliases()
    {
        // Given the real set, where BANCO NACIONAL DE CUBA's remarks say a.k.a. 'BNC'
        // When it is read
        var bank = Single(ReadCsv(RealSet), "ofac-306");

        // Then the short name is a weak alias, and alt.csv's name a strong one
        Assert.Equal(["BNC"], bank.Get("weakAlias"));
        Assert.Contains("NATIONAL BANK OF CUBA", bank.Get("alias"));
    }

    [Fact]
    public void An_individual_row_maps_names_title_programs_and_a_sanction_sharing_its_source_ref()
    {
        // Given one individual under two programs
        var folder = CsvSet(
            [SdnRow(7, "ABBAS, Abu", program: "SDGT] [IRGC", title: "Leader of GROUP", remarks: "DOB 10 Dec 1948; Gender Male.")],
            alt: [], add: [AddRow(7, 25, "1 Main St", "Cairo", "Egypt")], comments: []);

        // When it is read
        var entities = ReadCsv(folder);

        // Then the party keeps the name as written and splits it, and every entity carries ent_num
        var person = Single(entities, "ofac-7");
        Assert.Equal("ABBAS, Abu", person.First("name"));
        Assert.Equal("ABBAS", person.First("lastName"));
        Assert.Equal("Abu", person.First("firstName"));
        Assert.Equal("Leader of GROUP", person.First("position"));
        Assert.Equal(["SDGT", "IRGC"], person.Get("program"));
        Assert.Equal(["1948-12-10"], person.Get("birthDate"));
        Assert.Equal("male", person.First("gender"));
        var sanction = Single(entities, "ofac-7-sanction");
        Assert.Equal(["SDGT", "IRGC"], sanction.Get("program"));
        Assert.Equal("Office of Foreign Assets Control", sanction.First("authority"));
        Assert.Equal("7", sanction.First("authorityId"));
        Assert.Equal("ofac-7", sanction.First("entity"));
        var address = Single(entities, "ofac-7-addr-25");
        Assert.Equal("1 Main St, Cairo, Egypt", address.First("full"));
        Assert.Equal("eg", address.First("country"));
        Assert.Equal("eg", person.First("country"));
        Assert.All(entities, e => Assert.Equal("7", e.SourceRef));
    }

    [Fact]
    public void A_vessel_row_maps_call_sign_type_tonnage_flag_and_owner()
    {
        // Given one vessel row
        var folder = CsvSet([SdnRow(15036, "SHONA", type: "vessel", program: "IRAN", callSign: "T2EU4", vesselType: "Crude Oil Tanker",
            tonnage: "99,144", grt: "56,068", flag: "Tanzania", owner: "NITC", remarks: "Vessel Registration Identification IMO 9187629; MMSI 572469210.")]);

        // When it is read
        var vessel = Single(ReadCsv(folder), "ofac-15036");

        // Then the vessel columns and remarks land on Vessel properties
        Assert.Equal("Vessel", vessel.Schema.Name);
        Assert.Equal("T2EU4", vessel.First("callSign"));
        Assert.Equal("Crude Oil Tanker", vessel.First("type"));
        Assert.Equal("99144", vessel.First("tonnage"));
        Assert.Equal("56068", vessel.First("grossRegisteredTonnage"));
        Assert.Equal("tz", vessel.First("flag"));
        Assert.Contains("Owner: NITC", vessel.Get("notes"));
        Assert.Equal("IMO9187629", vessel.First("imoNumber"));
        Assert.Equal("572469210", vessel.First("mmsi"));
    }

    [Fact]
    public void Alternate_names_map_by_type_and_weak_marker()
    {
        // Given an organisation (type -0-) with each kind of alternate name
        var folder = CsvSet(
            [SdnRow(9, "ACME TRADING", type: "", program: "SDGT")],
            alt: [AltRow(9, 1, "aka", "ACME"), AltRow(9, 2, "fka", "OLD ACME"), AltRow(9, 3, "nka", "NEW ACME"), AltRow(9, 4, "aka", "AT", "weak")]);

        // When it is read
        var org = Single(ReadCsv(folder), "ofac-9");

        // Then each lands on the property of its kind
        Assert.Equal("Organization", org.Schema.Name);
        Assert.Equal(["ACME", "NEW ACME"], org.Get("alias"));
        Assert.Equal(["OLD ACME"], org.Get("previousName"));
        Assert.Equal(["AT"], org.Get("weakAlias"));
    }

    [Fact]
    public void Comments_continue_the_remarks_they_were_cut_from()
    {
        // Given remarks cut mid-number, with the rest in sdn_comments.csv
        var folder = CsvSet([SdnRow(11, "DOE, John", remarks: "DOB 1960; Passport 12")], comments: ["11,\"34 (Egypt); Website www.example.com.\""]);

        // When it is read
        var person = Single(ReadCsv(folder), "ofac-11");

        // Then the joined remarks are parsed as one text
        Assert.Equal(["1234"], person.Get("passportNumber"));
        Assert.Equal(["www.example.com"], person.Get("website"));
    }

    [Fact]
    public void The_path_may_name_sdn_csv_and_missing_side_files_are_warned_about()
    {
        // Given a folder holding only sdn.csv
        var folder = CsvSet([SdnRow(12, "DOE, Jane")]);
        var context = new ImportContext("ofac");

        // When the file itself is read
        var entities = ReadCsv(Path.Combine(folder, "sdn.csv"), context);

        // Then the row imports and each missing companion is named in a warning
        Single(entities, "ofac-12");
        Assert.Contains(context.Warnings, w => w.Contains("alt.csv", StringComparison.Ordinal));
        Assert.Contains(context.Warnings, w => w.Contains("add.csv", StringComparison.Ordinal));
        Assert.Contains(context.Warnings, w => w.Contains("sdn_comments.csv", StringComparison.Ordinal));
    }

    [Fact]
    public void A_folder_resolves_to_its_sdn_csv_for_the_import_pipeline()
    {
        // Given the real set's folder
        var reader = new Cordon.Lists.Ofac.OfacCsvReader();

        // When the pipeline asks which file to check
        var input = reader.ResolveInput(RealSet);

        // Then it is the sdn.csv inside, which passes the shared text-file checks
        Assert.Equal(Path.Combine(RealSet, "sdn.csv"), input);
        InputFiles.CheckTextFile(input);
    }

    [Fact]
    public void The_non_sdn_consolidated_set_reads_through_its_cons_files()
    {
        // Given OFAC's non-SDN consolidated CSV set, whose files are named cons_*.csv
        var folder = TestData.Path("lists/ofac/consolidated_nonsdn_csv");
        var rows = File.ReadAllLines(Path.Combine(folder, "cons_prim.csv"), Encoding.Latin1).Count(l => l.Length > 0 && char.IsAsciiDigit(l[0]));
        var context = new ImportContext("ofac");

        // When the folder is read
        var entities = ReadCsv(folder, context);

        // Then each cons_prim row is a party, and its companions were found rather than warned about
        Assert.Equal(rows, entities.Count(e => e.Id == "ofac-" + e.SourceRef));
        Assert.Contains(entities, e => e.Schema.Name == "Address");
        Assert.DoesNotContain(context.Warnings, w => w.Contains("not found", StringComparison.Ordinal));
    }

    [Fact]
    public void Rows_of_companion_files_naming_no_sdn_row_are_warned_about()
    {
        // Given an alt row for an ent_num that sdn.csv does not hold
        var folder = CsvSet([SdnRow(13, "DOE, Jim")], alt: [AltRow(99, 1, "aka", "NOBODY")], add: [], comments: []);
        var context = new ImportContext("ofac");

        // When it is read
        var entities = ReadCsv(folder, context);

        // Then nothing is made of it, and the warning says so
        Assert.DoesNotContain(entities, e => e.Get("alias").Contains("NOBODY"));
        Assert.Contains(context.Warnings, w => w.Contains("alt.csv", StringComparison.Ordinal) && w.Contains("99", StringComparison.Ordinal));
    }

    [Fact]
    public void Unknown_countries_are_kept_as_text_with_a_warning()
    {
        // Given a nationality, an address country and a document country that no table knows
        var folder = CsvSet(
            [SdnRow(14, "DOE, Joe", remarks: "nationality Atlantis; Passport A123 (Atlantis)")],
            add: [AddRow(14, 1, "1 Sea Rd", "Poseidonia", "Atlantis")]);
        var context = new ImportContext("ofac");

        // When it is read
        var entities = ReadCsv(folder, context);

        // Then nothing is lost: notes, the full address and the document's authority keep the text
        var person = Single(entities, "ofac-14");
        Assert.Contains("nationality Atlantis", person.Get("notes"));
        Assert.Empty(person.Get("nationality"));
        Assert.Equal("1 Sea Rd, Poseidonia, Atlantis", Single(entities, "ofac-14-addr-1").First("full"));
        Assert.Equal("Atlantis", Single(entities, "ofac-14-id-1").First("authority"));
        Assert.Equal(3, context.Warnings.Count(w => w.Contains("Atlantis", StringComparison.Ordinal)));
    }

    private static List<string> DataLines(string file) =>
        [.. File.ReadAllLines(Path.Combine(RealSet, file), Encoding.Latin1).Where(l => l.Length > 0 && char.IsAsciiDigit(l[0]))];
}
