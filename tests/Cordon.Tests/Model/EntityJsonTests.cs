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
