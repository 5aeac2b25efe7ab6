using Cordon.Names;

namespace Cordon.Tests.Names;

public sealed class NameRarityTests
{
    private const double Precision = 1e-12;

    /// <summary>The embedded table as the library reads it, so that expected factors follow the data rather than copy it.</summary>
    private static NameRarity.Table Embedded()
    {
        using var stream = typeof(NameRarity).Assembly.GetManifestResourceStream("Cordon.Names.Data.name-frequencies.txt");
        Assert.NotNull(stream);
        using var reader = new StreamReader(stream);
        return NameRarity.Parse(reader);
    }

    // ---- FactorOf ----

    [Theory]
    [InlineData(0, 1000)]
    [InlineData(1, 1000)]
    [InlineData(2, 1000)]
    [InlineData(20, 10_000)]
    [InlineData(0, 0)]
    [InlineData(5, 0)]
    [InlineData(5, -3)]
    [InlineData(-1, 1000)]
    public void A_part_at_or_below_the_common_share_keeps_its_full_weight(int count, int entities)
    {
        Assert.Equal(1.0, NameRarity.FactorOf(count, entities));
    }

    [Fact]
    public void A_part_just_above_the_common_share_loses_a_little()
    {
        // Given a share just over 0.2 %
        var factor = NameRarity.FactorOf(21, 10_000);

        // Then it loses a little, by the log of how far it is above
        Assert.InRange(factor, 0.99, 0.9999);
        Assert.Equal(1.0 - (NameRarity.LossPerDecade * Math.Log10(0.0021 / NameRarity.CommonShare)), factor, Precision);
    }

    [Theory]
    [InlineData(20, 1000, 1)]
    [InlineData(200, 10_000, 1)]
    [InlineData(63, 1000, 1.5)]
    [InlineData(200, 1000, 2)]
    public void A_part_loses_a_quarter_for_each_tenfold_share(int count, int entities, double decades)
    {
        // Given a share that is 10^decades times the common share
        var factor = NameRarity.FactorOf(count, entities);

        // Then the factor has fallen by LossPerDecade per decade (63 / 1000 is about 10^1.5 times 0.002)
        Assert.Equal(1.0 - (NameRarity.LossPerDecade * decades), factor, 0.002);
        Assert.Equal(0.25, NameRarity.LossPerDecade);
    }

    [Theory]
    [InlineData(201, 1000)]
    [InlineData(500, 1000)]
    [InlineData(1000, 1000)]
    [InlineData(5000, 1000)]
    [InlineData(int.MaxValue, 1)]
    public void No_part_falls_below_the_minimum_factor(int count, int entities)
    {
        Assert.Equal(NameRarity.MinimumFactor, NameRarity.FactorOf(count, entities));
        Assert.Equal(0.5, NameRarity.MinimumFactor);
    }

    [Fact]
    public void The_factor_never_rises_as_the_share_grows()
    {
        var previous = 1.0;
        for (var count = 0; count <= 1000; count++)
        {
            var factor = NameRarity.FactorOf(count, 1000);
            Assert.InRange(factor, NameRarity.MinimumFactor, previous);
            previous = factor;
        }

        Assert.Equal(NameRarity.MinimumFactor, previous);
    }

    // ---- Factor over the embedded table ----

    [Fact]
    public void Variants_of_a_common_name_share_their_groups_factor()
    {
        // Given Muhammad, listed in the table, and Mohammed, a variant spelling that is not
        var table = Embedded();
        Assert.True(table.Parts.ContainsKey("muhammad"));
        Assert.False(table.Parts.ContainsKey("mohammed"));
        var group = NameVariants.GroupOf("muhammad");
        Assert.NotNull(group);
        Assert.Equal(group, NameVariants.GroupOf("mohammed"));

        // When their factors are read
        var muhammad = NameRarity.Factor("muhammad");
        var mohammed = NameRarity.Factor("mohammed");

        // Then both carry the group's count: equal, and well below 1
        Assert.Equal(muhammad, mohammed);
        Assert.Equal(NameRarity.FactorOf(table.Groups[group.Value], table.Entities), mohammed, Precision);
        Assert.InRange(mohammed, NameRarity.MinimumFactor, 0.8);
        Assert.Equal(mohammed, NameRarity.Factor("mohamed"));
        Assert.Equal(mohammed, NameRarity.Factor("mehmet"));
    }

    [Fact]
    public void A_common_part_outside_any_variant_group_uses_its_own_count()
    {
        // Given a common organisation word listed in the table and in no variant group
        var table = Embedded();
        Assert.Null(NameVariants.GroupOf("shipping"));
        Assert.True(table.Parts.TryGetValue("shipping", out var count));

        // Then its factor follows its own count
        Assert.Equal(NameRarity.FactorOf(count, table.Entities), NameRarity.Factor("shipping"), Precision);
        Assert.True(NameRarity.Factor("shipping") < 1.0);
    }

    [Theory]
    [InlineData("zqxwv")]
    [InlineData("")]
    [InlineData("MUHAMMAD")]
    [InlineData("muhammad ali")]
    public void A_rare_or_unlisted_part_keeps_its_full_weight(string part)
    {
        // Parts arrive normalised: an upper-case or two-word string is not a listed part.
        Assert.Equal(1.0, NameRarity.Factor(part));
    }

    [Fact]
    public void The_embedded_table_counts_entities_and_every_listed_part_is_above_the_common_share()
    {
        var table = Embedded();

        Assert.True(table.Entities > 1000, $"{table.Entities} entities");
        Assert.True(table.Parts.Count > 50, $"{table.Parts.Count} parts");
        Assert.All(table.Parts, p => Assert.True(NameRarity.FactorOf(p.Value, table.Entities) < 1.0, p.Key));
    }

    // ---- Parse ----

    [Fact]
    public void Parse_reads_the_entity_count_and_the_part_counts()
    {
        // Given a small table with comments and a blank line
        var text = "# a comment\n# entities 100\n\nali 10\nzahed 3\n";

        // When it is parsed
        var table = NameRarity.Parse(new StringReader(text));

        // Then the counts are read as written
        Assert.Equal(100, table.Entities);
        Assert.Equal(2, table.Parts.Count);
        Assert.Equal(10, table.Parts["ali"]);
        Assert.Equal(3, table.Parts["zahed"]);
        Assert.Equal(NameRarity.FactorOf(10, 100), NameRarity.FactorOf(table.Parts["ali"], table.Entities));
    }

    [Fact]
    public void Parse_keeps_the_largest_count_of_a_variant_group()
    {
        // Given two spellings of one name with different counts
        var table = NameRarity.Parse(new StringReader("# entities 1000\nmuhammad 30\nmohammed 50\nmohamed 40\n"));

        // Then the group holds the largest, each spelling its own
        var group = NameVariants.GroupOf("muhammad")!.Value;
        Assert.Equal(50, table.Groups[group]);
        Assert.Single(table.Groups);
        Assert.Equal(30, table.Parts["muhammad"]);
        Assert.Equal(50, table.Parts["mohammed"]);
    }

    [Fact]
    public void Parse_of_a_table_without_an_entity_line_counts_no_entities()
    {
        var table = NameRarity.Parse(new StringReader("ali 10\n"));

        Assert.Equal(0, table.Entities);
        Assert.Equal(10, table.Parts["ali"]);
        Assert.Equal(1.0, NameRarity.FactorOf(table.Parts["ali"], table.Entities));
    }

    [Fact]
    public void Parse_of_an_empty_table_is_empty()
    {
        var table = NameRarity.Parse(new StringReader(""));

        Assert.Equal(0, table.Entities);
        Assert.Empty(table.Parts);
        Assert.Empty(table.Groups);
    }

    [Theory]
    [InlineData("ali ten")]
    [InlineData("ali")]
    [InlineData(" ali 10")]
    [InlineData("ali -10")]
    [InlineData("ali 10 x")]
    [InlineData("ali 1.5")]
    [InlineData("ali 99999999999")]
    public void Parse_of_a_malformed_line_names_the_line(string line)
    {
        // Given a table whose third line is malformed
        var text = $"# entities 100\nomar 5\n{line}\nzahed 3\n";

        // When it is parsed
        var error = Assert.Throws<InvalidDataException>(() => NameRarity.Parse(new StringReader(text)));

        // Then the error names the line and shows it
        Assert.Contains("line 3", error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{line}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_of_a_malformed_entity_line_names_the_line()
    {
        var error = Assert.Throws<InvalidDataException>(() => NameRarity.Parse(new StringReader("ali 10\n# entities many\n")));

        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
    }
}
