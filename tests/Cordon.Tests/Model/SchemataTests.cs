using Cordon.Model;

namespace Cordon.Tests.Model;

public sealed class SchemataTests
{
    [Theory]
    [InlineData("Person", "LegalEntity")]
    [InlineData("Person", "Thing")]
    [InlineData("Person", "Person")]
    [InlineData("Company", "Organization")]
    [InlineData("Company", "LegalEntity")]
    [InlineData("Passport", "Identification")]
    [InlineData("Passport", "Interval")]
    [InlineData("Vessel", "Vehicle")]
    [InlineData("Vessel", "Asset")]
    [InlineData("Vessel", "Thing")]
    [InlineData("Sanction", "Interval")]
    public void A_schema_is_each_of_its_ancestors(string schema, string ancestor)
    {
        // Given a schema and one of its ancestors

        // Then IsA says so
        Assert.True(Schemata.Get(schema).IsA(ancestor));
    }

    [Theory]
    [InlineData("LegalEntity", "Person")]
    [InlineData("Person", "Organization")]
    [InlineData("Organization", "Person")]
    [InlineData("Identification", "Passport")]
    [InlineData("Passport", "Thing")]
    [InlineData("Sanction", "Thing")]
    [InlineData("Person", "person")]
    public void A_schema_is_not_its_descendants_or_its_siblings(string schema, string other)
    {
        // Given unrelated or descending schemata (and a wrongly cased name)

        // Then IsA is false
        Assert.False(Schemata.Get(schema).IsA(other));
    }

    [Theory]
    [InlineData("Person", true)]
    [InlineData("Organization", true)]
    [InlineData("Company", true)]
    [InlineData("LegalEntity", true)]
    [InlineData("Vessel", true)]
    [InlineData("Airplane", true)]
    [InlineData("Sanction", false)]
    [InlineData("Passport", false)]
    [InlineData("Identification", false)]
    [InlineData("Address", false)]
    [InlineData("Ownership", false)]
    [InlineData("Thing", false)]
    public void Only_named_parties_and_craft_are_matchable(string schema, bool matchable)
    {
        // Then the matchable flag is as screening needs it
        Assert.Equal(matchable, Schemata.Get(schema).Matchable);
    }

    [Theory]
    [InlineData("Ownership", "owner", "asset")]
    [InlineData("Directorship", "director", "organization")]
    [InlineData("Family", "person", "relative")]
    [InlineData("Associate", "person", "associate")]
    [InlineData("Membership", "member", "organization")]
    [InlineData("UnknownLink", "subject", "object")]
    public void Link_schemata_name_their_two_ends(string schema, string source, string target)
    {
        // Given a link schema
        var s = Schemata.Get(schema);

        // Then its edge names two entity properties of its own
        Assert.Equal((source, target), s.Edge);
        Assert.Equal(PropertyType.Entity, s.GetProperty(source)!.Type);
        Assert.Equal(PropertyType.Entity, s.GetProperty(target)!.Type);
    }

    [Theory]
    [InlineData("Person")]
    [InlineData("Sanction")]
    [InlineData("Passport")]
    public void Non_link_schemata_have_no_edge(string schema)
    {
        Assert.Null(Schemata.Get(schema).Edge);
    }

    [Fact]
    public void Inherited_properties_are_available_with_their_types()
    {
        // Given Person, which inherits from LegalEntity and Thing
        var person = Schemata.Person;

        // Then own and inherited properties resolve with their types
        Assert.Equal(PropertyType.Date, person.GetProperty("birthDate")!.Type);
        Assert.Equal(PropertyType.Identifier, person.GetProperty("registrationNumber")!.Type);
        Assert.Equal(PropertyType.Name, person.GetProperty("weakAlias")!.Type);
        Assert.Equal(PropertyType.Country, person.GetProperty("nationality")!.Type);
        Assert.Null(person.GetProperty("imoNumber"));
    }

    [Fact]
    public void Passport_holder_points_at_a_legal_entity()
    {
        // Given the passport schema
        var holder = Schemata.Passport.GetProperty("holder");

        // Then holder is an entity reference ranged on LegalEntity
        Assert.NotNull(holder);
        Assert.Equal(PropertyType.Entity, holder.Type);
        Assert.Equal("LegalEntity", holder.Range);
    }

    [Fact]
    public void Find_is_case_sensitive_and_returns_null_for_unknown_names()
    {
        Assert.Same(Schemata.Person, Schemata.Find("Person"));
        Assert.Null(Schemata.Find("person"));
        Assert.Null(Schemata.Find("Robot"));
        Assert.Throws<KeyNotFoundException>(() => Schemata.Get("Robot"));
    }

    [Theory]
    [InlineData("Thing", true)]
    [InlineData("Interval", true)]
    [InlineData("Person", false)]
    public void Abstract_schemata_are_flagged(string schema, bool isAbstract)
    {
        Assert.Equal(isAbstract, Schemata.Get(schema).IsAbstract);
    }

    [Theory]
    [InlineData("Sanction", "program")]
    [InlineData("Passport", "number")]
    [InlineData("Person", "name")]
    [InlineData("Company", "name")]
    public void Caption_properties_come_first_from_the_schema_or_its_parent(string schema, string first)
    {
        Assert.Equal(first, Schemata.Get(schema).CaptionProperties[0]);
    }
}
