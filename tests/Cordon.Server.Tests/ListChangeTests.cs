using Cordon.Sharing;

namespace Cordon.Server.Tests;

/// <summary>What continuous screening is told changed between two store states.</summary>
public sealed class ListChangeTests
{
    private static HandlingMap Map(params (string Dataset, HandlingRule Rule)[] datasets) =>
        new(datasets.Select(d => new DatasetHandling(d.Dataset, "BKA", d.Rule)), []);

    [Fact]
    public void A_newer_version_names_the_version_it_changed_after_and_an_unchanged_dataset_is_left_out()
    {
        var rules = Map(("bka_a", HandlingRule.Shared), ("bka_b", HandlingRule.Shared));

        var changed = ServerState.Changed(rules, new Dictionary<string, int> { ["bka_a"] = 3, ["bka_b"] = 5 },
            rules, new Dictionary<string, int> { ["bka_a"] = 4, ["bka_b"] = 5, ["bka_c"] = 1 });

        Assert.Equal([new DatasetChange("bka_a", 3), new DatasetChange("bka_c", 0)], changed);
    }

    [Fact]
    public void A_changed_default_rule_names_every_record_of_the_dataset()
    {
        var before = Map(("bka_a", new HandlingRule(HandlingKind.Restricted, [])));
        var after = Map(("bka_a", HandlingRule.Shared));
        var versions = new Dictionary<string, int> { ["bka_a"] = 7 };

        Assert.Equal([new DatasetChange("bka_a", 0)], ServerState.Changed(before, versions, after, versions));
        Assert.Empty(ServerState.Changed(after, versions, after, versions));
    }
}
