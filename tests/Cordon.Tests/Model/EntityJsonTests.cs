using System.Text;
using System.Text.Json;
using Cordon.Model;

namespace Cordon.Tests.Model;

public sealed class EntityJsonTests
{
    [Fact]
    public void Properties_are_written_in_ordinal_order_whatever_the_insertion_order()
    {
        // Given a person whose properties were added out of order
        var entity = new EntityBuilder("test-json-order", Schemata.Person)
            .Add("weakAlias", "Weak")
            .Add("name", "Name One")
            .Add("birthDate", "1970")
            .Add("alias", "Alias One")
            .Add("birthPlace", "Town")
            .Build();

        // When the properties are serialised
        var json = Encoding.UTF8.GetString(EntityJson.PropertiesUtf8(entity));

        // Then the keys appear in ordinal order and values keep their own order
        Assert.Equal(
            "{\"alias\":[\"Alias One\"],\"birthDate\":[\"1970\"],\"birthPlace\":[\"Town\"],\"name\":[\"Name One\"],\"weakAlias\":[\"Weak\"]}",
            json);
        Assert.Equal(["alias", "birthDate", "birthPlace", "name", "weakAlias"], entity.PropertyNames);
    }

    [Fact]
    public void Non_ascii_names_are_written_unescaped()
    {
        // Given an Arabic alias
        var entity = new EntityBuilder("test-json-arabic", Schemata.Person).Add("alias", "صدام حسين").Build();

        // When serialised
        var json = Encoding.UTF8.GetString(EntityJson.PropertiesUtf8(entity));

        // Then the script stays readable
        Assert.Equal("{\"alias\":[\"صدام حسين\"]}", json);
    }

    [Fact]
    public void Equal_content_gives_an_equal_hash()
    {
        // Given two entities with the same values added in a different order
        var a = new EntityBuilder("test-hash-a", Schemata.Person, "REF1").Add("name", "Jane Roe").Add("nationality", "fr").Build();
        var b = new EntityBuilder("test-hash-b", Schemata.Person, "REF1").Add("nationality", "fr").Add("name", "Jane Roe").Build();

        // When their content is hashed
        var ha = EntityJson.ContentHash(a.Schema.Name, a.SourceRef, EntityJson.PropertiesUtf8(a));
        var hb = EntityJson.ContentHash(b.Schema.Name, b.SourceRef, EntityJson.PropertiesUtf8(b));

        // Then the hashes match
        Assert.Equal(16, ha.Length);
        Assert.Equal(ha, hb);
    }

    [Fact]
    public void Changing_one_value_changes_the_hash()
    {
        // Given an entity and a copy with one value changed
        var a = new EntityBuilder("test-hash-c", Schemata.Person, "REF1").Add("name", "Jane Roe").Add("birthDate", "1970").Build();
        var b = new EntityBuilder("test-hash-c", Schemata.Person, "REF1").Add("name", "Jane Roe").Add("birthDate", "1971").Build();

        // When both are hashed
        var ha = EntityJson.ContentHash(a.Schema.Name, a.SourceRef, EntityJson.PropertiesUtf8(a));
        var hb = EntityJson.ContentHash(b.Schema.Name, b.SourceRef, EntityJson.PropertiesUtf8(b));

        // Then the hashes differ
        Assert.NotEqual(ha, hb);
    }

    [Fact]
    public void Schema_and_source_ref_are_part_of_the_hash()
    {
        // Given the same properties
        var props = EntityJson.PropertiesUtf8(new EntityBuilder("test-hash-d", Schemata.Person).Add("name", "Acme").Build());

        // When hashed under different schema or source reference
        var basis = EntityJson.ContentHash("Person", "REF1", props);
        var otherSchema = EntityJson.ContentHash("Organization", "REF1", props);
        var otherRef = EntityJson.ContentHash("Person", "REF2", props);

        // Then each hash differs
        Assert.NotEqual(basis, otherSchema);
        Assert.NotEqual(basis, otherRef);
    }

    [Fact]
    public void Stored_parts_rebuild_an_equal_entity()
    {
        // Given an entity with several properties
        var original = new EntityBuilder("test-stored", Schemata.Person, "SRC-9")
            .Add("name", "John Doe").Add("alias", "Johnny").Add("alias", "J. Doe").Add("birthDate", "1980-05").Build();

        // When it is rebuilt from its stored parts
        var rebuilt = EntityJson.FromStored(original.Id, "Person", "ds", original.SourceRef, EntityJson.PropertiesUtf8(original));

        // Then everything survives, in place in the dataset
        Assert.Equal(original.Id, rebuilt.Id);
        Assert.Equal("Person", rebuilt.Schema.Name);
        Assert.Equal("ds", rebuilt.Dataset);
        Assert.Equal("SRC-9", rebuilt.SourceRef);
        Assert.Equal(original.PropertyNames, rebuilt.PropertyNames);
        Assert.Equal(["Johnny", "J. Doe"], rebuilt.Get("alias"));
        Assert.Equal(EntityJson.PropertiesUtf8(original), EntityJson.PropertiesUtf8(rebuilt));
    }

    [Fact]
    public void Stored_properties_out_of_order_or_given_twice_read_as_one_ordered_entity()
    {
        // Given stored properties out of ordinal order, one given twice, a value repeated and one to be cleaned
        var json = """{"name":["Jane  Roe"],"alias":["J. Roe","J. Roe"],"birthDate":["1980-05-02"],"alias":["Janie","J. Roe"],"\u006eationality":["Germany"]}""";

        // When read back
        var entity = EntityJson.FromStored("test-stored-order", "Person", "ds", null, Encoding.UTF8.GetBytes(json));

        // Then the names are in ordinal order, each once, with their values merged, deduplicated and cleaned
        Assert.Equal(["alias", "birthDate", "name", "nationality"], entity.PropertyNames);
        Assert.Equal(["J. Roe", "Janie"], entity.Get("alias"));
        Assert.Equal("Jane Roe", entity.First("name"));
        Assert.Equal(["de"], entity.Get("nationality"));
        Assert.Empty(entity.Get("weakAlias"));
        Assert.Null(entity.First("weakAlias"));
    }

    [Theory]
    [InlineData("""{"colour":["red"]}""", "colour")]
    [InlineData("""{"aPropertyNameLongerThanSixtyFourCharactersWhichNoSchemaWillEverHaveInIt":["x"]}""", "aPropertyNameLongerThanSixtyFourCharactersWhichNoSchemaWillEverHaveInIt")]
    public void A_stored_property_the_schema_lacks_is_refused_by_name(string json, string property)
    {
        // When a stored entity names a property its schema does not have
        var error = Assert.Throws<ModelException>(() => EntityJson.FromStored("test-stored-bad", "Person", null, null, Encoding.UTF8.GetBytes(json)));

        // Then the error names it and the schema
        Assert.Equal(property, error.Field);
        Assert.Contains($"schema Person has no property '{property}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stored_value_that_is_no_longer_valid_is_refused_and_the_next_entity_reads_clean()
    {
        // Given a stored entity whose date is not a date
        var bad = Encoding.UTF8.GetBytes("""{"name":["A B"],"birthDate":["not a date"]}""");

        // When it is read, then the error names the property
        Assert.Equal("birthDate", Assert.Throws<ModelException>(() => EntityJson.FromStored("test-bad-date", "Person", null, null, bad)).Field);

        // And the next entity read on the thread carries nothing of it
        var next = EntityJson.FromStored("test-next", "Person", null, null, Encoding.UTF8.GetBytes("""{"name":["C D"]}"""));
        Assert.Equal(["name"], next.PropertyNames);
        Assert.Equal(["C D"], next.Get("name"));
    }

    [Fact]
    public void Entities_of_the_same_shape_share_their_property_names()
    {
        // Given two entities with the same properties, built and read back, and one with others
        var first = new EntityBuilder("test-shape-1", Schemata.Person).Add("name", "A B").Add("birthDate", "1970").Build();
        var second = EntityJson.FromStored("test-shape-2", "Person", null, null, Encoding.UTF8.GetBytes("""{"birthDate":["1971"],"name":["C D"]}"""));
        var other = new EntityBuilder("test-shape-3", Schemata.Person).Add("name", "E F").Build();

        // Then the first two hold one array of names between them, and the third another
        var names = typeof(Entity).GetField("_names", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!;
        Assert.Same(names.GetValue(first), names.GetValue(second));
        Assert.NotSame(names.GetValue(first), names.GetValue(other));
        Assert.Equal(["1970"], first.Get("birthDate"));
        Assert.Equal(["1971"], second.Get("birthDate"));
    }

    [Fact]
    public void The_full_object_carries_id_schema_caption_properties_and_provenance()
    {
        // Given a stored entity
        var entity = new EntityBuilder("test-full", Schemata.Person, "R-1").Add("name", "Jane Roe").Build().WithDataset("lists");

        // When written whole
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, EntityJson.WriterOptions))
        {
            EntityJson.Write(writer, entity);
        }

        using var doc = JsonDocument.Parse(stream.ToArray());
        var root = doc.RootElement;

        // Then each field is present with its value
        Assert.Equal("test-full", root.GetProperty("id").GetString());
        Assert.Equal("Person", root.GetProperty("schema").GetString());
        Assert.Equal("Jane Roe", root.GetProperty("caption").GetString());
        Assert.Equal("Jane Roe", root.GetProperty("properties").GetProperty("name")[0].GetString());
        Assert.Equal("lists", root.GetProperty("datasets")[0].GetString());
        Assert.Equal("R-1", root.GetProperty("source_ref").GetString());
    }
}
