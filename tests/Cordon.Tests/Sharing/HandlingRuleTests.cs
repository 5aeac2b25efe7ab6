using Cordon.Model;
using Cordon.Sharing;

namespace Cordon.Tests.Sharing;

public sealed class HandlingRuleTests
{
    [Theory]
    [InlineData("shared", "FBI", Disclosure.Full)]
    [InlineData("restricted", "FBI", Disclosure.Nothing)]
    [InlineData("restricted", "DGSI", Disclosure.Full)]
    [InlineData("restricted", "BKA", Disclosure.Full)]
    [InlineData("hit-no-hit", "FBI", Disclosure.Existence)]
    [InlineData("hit-no-hit", "DGSI", Disclosure.Full)]
    [InlineData("hit-no-hit", "BKA", Disclosure.Full)]
    [InlineData("restricted", "bka", Disclosure.Nothing)]
    public void The_owner_and_named_agencies_see_a_record_whole_and_others_what_its_rule_allows(string rule, string asker, Disclosure expected)
    {
        var handling = HandlingRule.Parse(rule, rule == "shared" ? [] : ["DGSI"]);

        Assert.Equal(expected, handling.Decide(asker, "BKA"));
    }

    [Theory]
    [InlineData("secret", null, "handling")]
    [InlineData(null, null, "handling")]
    [InlineData("shared", "DGSI", "share_with")]
    [InlineData("restricted", "not an agency!", "share_with")]
    public void A_bad_rule_is_refused_naming_the_field(string? rule, string? shareWith, string field)
    {
        var ex = Assert.Throws<ModelException>(() => HandlingRule.Parse(rule, shareWith is null ? null : [shareWith]));

        Assert.Equal(field, ex.Field);
    }

    [Fact]
    public void A_rule_reads_back_from_its_stored_form_equal()
    {
        var rule = HandlingRule.Parse("hit-no-hit", ["FBI", "DGSI", "FBI"]);

        var back = HandlingRule.FromStored(rule.Name, rule.ShareWithText);

        Assert.Equal(rule, back);
        Assert.Equal(["DGSI", "FBI"], back.ShareWith);
    }

    [Fact]
    public void A_record_of_no_known_dataset_discloses_nothing()
    {
        var map = new HandlingMap([new DatasetHandling("un", "UNSC", HandlingRule.Shared)], []);
        var stray = new EntityBuilder("x-1", Schemata.Person, "1").Add("name", "A B").Build().WithDataset("gone");

        Assert.Equal(Disclosure.Nothing, map.Decide("FBI", stray));
        Assert.False(map.SeesAllOf("FBI", "gone"));
        Assert.True(map.SeesAllOf("FBI", "un"));
    }

    [Theory]
    [InlineData("BKA", "bka_cases", true)]
    [InlineData("BKA", "bka_", false)]
    [InlineData("BKA", "bkax_cases", false)]
    [InlineData("fiu-nl", "fiu-nl_accounts", true)]
    [InlineData("fiu", "fiu-nl_accounts", false)]
    public void An_agency_owns_only_dataset_names_under_its_code(string agency, string dataset, bool owns) =>
        Assert.Equal(owns, Agency.OwnsDatasetName(agency, dataset));

    [Fact]
    public void Ids_an_agency_sends_are_scoped_by_dataset_once()
    {
        Assert.Equal("bka_cases:P-1", AgencyRecords.ScopeId("bka_cases", "P-1"));
        Assert.Equal("bka_cases:P-1", AgencyRecords.ScopeId("bka_cases", "bka_cases:P-1"));
        Assert.Equal("id", Assert.Throws<ModelException>(() => AgencyRecords.ScopeId("bka_cases", "P 1/2")).Field);
    }
}
