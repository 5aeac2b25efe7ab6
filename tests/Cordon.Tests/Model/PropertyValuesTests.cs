using Cordon.Model;

namespace Cordon.Tests.Model;

public sealed class PropertyValuesTests
{
    private static readonly PropertyDef Gender = new("gender", PropertyType.Gender);
    private static readonly PropertyDef Nationality = new("nationality", PropertyType.Country);
    private static readonly PropertyDef BirthDate = new("birthDate", PropertyType.Date);
    private static readonly PropertyDef Notes = new("notes", PropertyType.Text);
    private static readonly PropertyDef Name = new("name", PropertyType.Name);

    [Theory]
    [InlineData("1977", "1977")]
    [InlineData("1977-08", "1977-08")]
    [InlineData("1977-08-15", "1977-08-15")]
    [InlineData("1980-02-29", "1980-02-29")]
    [InlineData(" 2001-12-31 ", "2001-12-31")]
    public void Dates_of_year_month_and_day_precision_are_kept(string input, string expected)
    {
        // Given a date written as a prefix of ISO 8601

        // When it is normalised
        var ok = Dates.TryNormalize(input, out var normalized);

        // Then it is accepted as written
        Assert.True(ok);
        Assert.Equal(expected, normalized);
    }

    [Theory]
    [InlineData("2014-08-15T10:20:30Z", "2014-08-15T10:20:30")]
    [InlineData("2014-08-15T10:20", "2014-08-15T10:20:00")]
    [InlineData("2014-08-15 10:20:30", "2014-08-15T10:20:30")]
    [InlineData("2014-08-15T12:00:00+02:00", "2014-08-15T10:00:00")]
    public void Date_times_are_normalised_to_utc_seconds(string input, string expected)
    {
        // Given a date and time

        // When it is normalised
        var ok = Dates.TryNormalize(input, out var normalized);

        // Then it is written in UTC to the second
        Assert.True(ok);
        Assert.Equal(expected, normalized);
    }

    [Theory]
    [InlineData("1980-02-31")]
    [InlineData("1981-02-29")]
    [InlineData("1980-04-31")]
    [InlineData("1980-13")]
    [InlineData("1980-00")]
    [InlineData("1980-13-01")]
    [InlineData("1980-00-10")]
    [InlineData("1980-01-00")]
    [InlineData("0999")]
    [InlineData("0999-01-01")]
    [InlineData("3000")]
    [InlineData("198")]
    [InlineData("19800")]
    [InlineData("1980/01/01")]
    [InlineData("01-01-1980")]
    [InlineData("15 Aug. 2014")]
    [InlineData("2014-08-15T25:00")]
    [InlineData("2014-08-15X")]
    [InlineData("abcd")]
    [InlineData("+980")]
    public void Impossible_or_foreign_dates_are_refused(string input)
    {
        // Given a date that is not a valid ISO prefix

        // When it is normalised
        var ok = Dates.TryNormalize(input, out _);

        // Then it is refused
        Assert.False(ok);
    }

    [Fact]
    public void An_invalid_date_value_names_the_property_and_the_value()
    {
        // Given an impossible day

        // When it is cleaned as a birth date
        var error = Assert.Throws<ModelException>(() => PropertyValues.Clean(BirthDate, "1980-02-31"));

        // Then the property and the value are named
        Assert.Equal("birthDate", error.Field);
        Assert.Contains("'1980-02-31'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Male", "male")]
    [InlineData("MALE", "male")]
    [InlineData("m", "male")]
    [InlineData("Female", "female")]
    [InlineData("F", "female")]
    [InlineData("woman", "female")]
    [InlineData("Other", "other")]
    [InlineData("x", "other")]
    public void Gender_is_normalised_to_ftm_values(string input, string expected)
    {
        // Given a gender as lists write it

        // When it is cleaned
        var cleaned = PropertyValues.Clean(Gender, input);

        // Then the FtM value results
        Assert.Equal(expected, cleaned);
    }

    [Theory]
    [InlineData("Unknown")]
    [InlineData("UNKNOWN")]
    [InlineData("u")]
    [InlineData("n/a")]
    [InlineData("Not known")]
    public void Unknown_gender_means_no_value(string input)
    {
        // Given a gender that says "not known"

        // When it is cleaned
        var cleaned = PropertyValues.Clean(Gender, input);

        // Then there is no value
        Assert.Null(cleaned);
    }

    [Fact]
    public void An_invalid_gender_is_refused_naming_the_field()
    {
        // Given a gender that is no gender

        // When it is cleaned
        var error = Assert.Throws<ModelException>(() => PropertyValues.Clean(Gender, "Robot"));

        // Then the field and the value are named
        Assert.Equal("gender", error.Field);
        Assert.Contains("'Robot'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_country_is_refused_naming_the_field()
    {
        // Given a country that does not exist

        // When it is cleaned
        var error = Assert.Throws<ModelException>(() => PropertyValues.Clean(Nationality, "Atlantis"));

        // Then the field and the value are named
        Assert.Equal("nationality", error.Field);
        Assert.Contains("'Atlantis'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_have_inner_whitespace_collapsed_and_text_is_only_trimmed()
    {
        // Given a name and a note with runs of whitespace and control characters

        // When they are cleaned
        var name = PropertyValues.Clean(Name, "  Abu \t\r\n Bakr  ");
        var notes = PropertyValues.Clean(Notes, "  line one\n\nline two  ");

        // Then the name is one line with single spaces and the text keeps its line breaks
        Assert.Equal("Abu Bakr", name);
        Assert.Equal("line one\n\nline two", notes);
    }

    [Theory]
    [InlineData("a", "a")]
    [InlineData("a b", "a b")]
    [InlineData(" a", "a")]
    [InlineData("a ", "a")]
    [InlineData("a  b", "a b")]
    [InlineData("a\u00A0b", "a b")]
    [InlineData("a\u0000b", "a b")]
    [InlineData("\t\n", "")]
    public void CollapseWhitespace_makes_single_spaces(string input, string expected)
    {
        // When whitespace is collapsed
        var collapsed = PropertyValues.CollapseWhitespace(input);

        // Then only single inner spaces remain
        Assert.Equal(expected, collapsed);
    }
}
