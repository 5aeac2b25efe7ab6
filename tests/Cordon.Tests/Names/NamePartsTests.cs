using Cordon.Names;

namespace Cordon.Tests.Names;

public sealed class NamePartsTests
{
    [Theory]
    [InlineData("al", false, NamePartKind.Particle)]
    [InlineData("bin", false, NamePartKind.Particle)]
    [InlineData("abou", false, NamePartKind.Particle)]
    [InlineData("van", false, NamePartKind.Particle)]
    [InlineData("sheikh", false, NamePartKind.Honorific)]
    [InlineData("dr", false, NamePartKind.Honorific)]
    [InlineData("mohamed", false, NamePartKind.Word)]
    [InlineData("llc", false, NamePartKind.Word)]
    [InlineData("trading", false, NamePartKind.Word)]
    [InlineData("llc", true, NamePartKind.LegalForm)]
    [InlineData("trading", true, NamePartKind.LegalForm)]
    [InlineData("gmbh", true, NamePartKind.LegalForm)]
    [InlineData("al", true, NamePartKind.Particle)]
    [InlineData("noor", true, NamePartKind.Word)]
    public void Parts_are_classified_by_kind_and_legal_forms_only_for_organisations(string part, bool organisation, NamePartKind kind)
    {
        Assert.Equal(kind, NameParts.Classify(part, organisation));
    }

    [Theory]
    [InlineData("de")]
    [InlineData("ag")]
    public void A_part_that_is_both_particle_and_legal_form_is_a_legal_form_in_organisations(string part)
    {
        Assert.Equal(NamePartKind.LegalForm, NameParts.Classify(part, organisation: true));
        Assert.Equal(NamePartKind.Particle, NameParts.Classify(part, organisation: false));
    }

    [Fact]
    public void Classification_is_case_sensitive_on_normalised_parts()
    {
        // Parts arrive normalised (lower case); an upper-case part is an ordinary word.
        Assert.Equal(NamePartKind.Word, NameParts.Classify("AL", organisation: false));
    }

    [Fact]
    public void Words_weigh_most_then_particles_honorifics_and_legal_forms()
    {
        var word = NameParts.Weight(NamePartKind.Word);
        var particle = NameParts.Weight(NamePartKind.Particle);
        var honorific = NameParts.Weight(NamePartKind.Honorific);
        var legal = NameParts.Weight(NamePartKind.LegalForm);

        Assert.Equal(1.0, word);
        Assert.Equal(0.35, particle);
        Assert.Equal(0.2, honorific);
        Assert.Equal(0.15, legal);
    }
}
