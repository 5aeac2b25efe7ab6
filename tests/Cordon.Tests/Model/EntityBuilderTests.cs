using Cordon.Model;

namespace Cordon.Tests.Model;

public sealed class EntityBuilderTests
{
    [Fact]
    public void An_unknown_property_is_refused_naming_it()
    {
        // Given a person builder
        var builder = new EntityBuilder("test-person-1", Schemata.Person);

        // When a property Person does not have is added
        var error = Assert.Throws<ModelException>(() => builder.Add("hullNumber", "X1"));

        // Then the error names the property and the schema
        Assert.Equal("hullNumber", error.Field);
        Assert.Contains("'hullNumber'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Person", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_property_of_another_schema_is_refused()
    {
        // Given an organisation builder
        var builder = new EntityBuilder("test-org-1", Schemata.Organization);

        // When a person-only property is added
        var error = Assert.Throws<ModelException>(() => builder.Add("birthDate", "1970"));

        // Then it is refused by name
        Assert.Equal("birthDate", error.Field);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("slash/in/id")]
    [InlineData("ümlaut")]
    [InlineData("semi;colon")]
    public void An_invalid_id_is_refused(string id)
    {
        // Given an id outside A-Z a-z 0-9 . - _ :

        // When a builder is made with it
        var error = Assert.Throws<ModelException>(() => new EntityBuilder(id, Schemata.Person));

        // Then the error is about the id
        Assert.Equal("id", error.Field);
        Assert.Contains("invalid entity id", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_id_longer_than_the_limit_is_refused_and_one_at_the_limit_accepted()
    {
        // Given ids of exactly the limit and one more
        var atLimit = new string('a', EntityIds.MaxLength);
        var overLimit = new string('a', EntityIds.MaxLength + 1);

        // When builders are made
        var built = new EntityBuilder(atLimit, Schemata.Person).Build();
        var error = Assert.Throws<ModelException>(() => new EntityBuilder(overLimit, Schemata.Person));

        // Then only the longer one is refused
        Assert.Equal(atLimit, built.Id);
        Assert.Equal("id", error.Field);
    }

    [Theory]
    [InlineData("un-QDi.325")]
    [InlineData("ofac-1234")]
    [InlineData("Q42:abc_def")]
    public void A_valid_id_is_kept_as_given(string id)
    {
        // Given a valid id

        // When an entity is built with it
        var entity = new EntityBuilder(id, Schemata.Person).Add("name", "Someone").Build();

        // Then the id is unchanged
        Assert.Equal(id, entity.Id);
    }

    [Fact]
    public void Repeated_values_are_kept_once_in_first_seen_order()
    {
        // Given three aliases of which one repeats
        var builder = new EntityBuilder("test-dedup", Schemata.Person);

        // When they are added
        builder.Add("alias", "Abu Bakr").Add("alias", "Ibrahim Awwad").Add("alias", "Abu Bakr");
        var entity = builder.Build();

        // Then each value appears once, in the order first seen
        Assert.Equal(["Abu Bakr", "Ibrahim Awwad"], entity.Get("alias"));
    }

    [Fact]
    public void Values_equal_after_whitespace_collapse_are_kept_once()
    {
        // Given the same name written with different spacing
        var builder = new EntityBuilder("test-space-dedup", Schemata.Person);

        // When both are added
        var entity = builder.Add("name", "Abu  Bakr").Add("name", " Abu Bakr\t").Build();

        // Then they collapse to one value
        Assert.Equal(["Abu Bakr"], entity.Get("name"));
    }

    [Fact]
    public void Values_differing_only_in_case_are_both_kept()
    {
        // Given the same name in two cases
        var entity = new EntityBuilder("test-case", Schemata.Person)
            .Add("alias", "ABU BAKR")
            .Add("alias", "Abu Bakr")
            .Build();

        // Then the comparison is ordinal, not case-insensitive
        Assert.Equal(2, entity.Get("alias").Count);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\r\n")]
    public void Blank_values_are_ignored(string? blank)
    {
        // Given a builder with one real name
        var builder = new EntityBuilder("test-blank", Schemata.Person).Add("name", "Real Name");

        // When blank values are added, even to typed properties
        builder.Add("alias", blank).Add("birthDate", blank).Add("nationality", blank);
        var entity = builder.Build();

        // Then nothing was recorded for them
        Assert.False(builder.Has("alias"));
        Assert.Empty(entity.Get("alias"));
        Assert.Empty(entity.Get("birthDate"));
        Assert.Empty(entity.Get("nationality"));
        Assert.Equal(["name"], entity.PropertyNames);
    }

    [Fact]
    public void AddRange_adds_each_value_and_skips_blanks()
    {
        // Given a mixed list of values
        var entity = new EntityBuilder("test-range", Schemata.Person)
            .AddRange("alias", ["One", null, " ", "Two", "One"])
            .Build();

        // Then the real values are kept once each
        Assert.Equal(["One", "Two"], entity.Get("alias"));
    }

    [Fact]
    public void A_value_over_the_length_limit_is_refused()
    {
        // Given a value one character over the limit
        var value = new string('x', PropertyValues.MaxValueLength + 1);

        // When it is added
        var error = Assert.Throws<ModelException>(() => new EntityBuilder("test-long", Schemata.Person).Add("notes", value));

        // Then the property is named with the limit
        Assert.Equal("notes", error.Field);
        Assert.Contains(PropertyValues.MaxValueLength.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Typed_values_are_normalised_on_the_way_in()
    {
        // Given raw list values
        var entity = new EntityBuilder("test-typed", Schemata.Person)
            .Add("nationality", "Syrian Arab Republic")
            .Add("gender", "Male")
            .Add("birthDate", " 1977 ")
            .Build();

        // Then they are stored in FtM form
        Assert.Equal("sy", entity.First("nationality"));
        Assert.Equal("male", entity.First("gender"));
        Assert.Equal("1977", entity.First("birthDate"));
    }

    [Fact]
    public void An_entity_reference_must_be_a_valid_id()
    {
        // Given a passport builder
        var builder = new EntityBuilder("test-passport", Schemata.Passport);

        // When the holder is not a valid id
        var error = Assert.Throws<ModelException>(() => builder.Add("holder", "not an id"));

        // Then the holder field is named
        Assert.Equal("holder", error.Field);
    }

    [Fact]
    public void Caption_is_the_first_name_else_the_id()
    {
        // Given a named person and an unnamed one
        var named = new EntityBuilder("test-cap-1", Schemata.Person).Add("name", "Jane Roe").Add("name", "J. Roe").Build();
        var unnamed = new EntityBuilder("test-cap-2", Schemata.Person).Build();

        // Then the caption is the first name or the id
        Assert.Equal("Jane Roe", named.Caption);
        Assert.Equal("test-cap-2", unnamed.Caption);
    }

    [Fact]
    public void Source_ref_and_schema_are_carried_onto_the_entity()
    {
        // Given a builder with a source reference
        var entity = new EntityBuilder("test-src", Schemata.Organization, "QDe.001").Add("name", "Acme").Build();

        // Then both are kept and the dataset is unset until stored
        Assert.Equal("QDe.001", entity.SourceRef);
        Assert.Same(Schemata.Organization, entity.Schema);
        Assert.Null(entity.Dataset);
        Assert.Equal("ds1", entity.WithDataset("ds1").Dataset);
    }

    [Fact]
    public void Nationality_written_as_N_A_is_not_read_as_Namibia()
    {
        // Given a list that writes "N/A" for an unknown nationality (as Gender already treats "n/a" as no value)
        var builder = new EntityBuilder("test-na", Schemata.Person).Add("name", "Someone");

        // When it is added
        Entity? entity = null;
        var error = Record.Exception(() => entity = builder.Add("nationality", "N/A").Build());

        // Then it is either refused or dropped, never recorded as Namibia ("na")
        if (error is null)
        {
            Assert.DoesNotContain("na", entity!.Get("nationality"));
        }
        else
        {
            Assert.IsType<ModelException>(error);
        }
    }
}
