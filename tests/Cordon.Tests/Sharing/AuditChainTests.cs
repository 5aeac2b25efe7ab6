using Cordon.Audit;
using Cordon.Model;

namespace Cordon.Tests.Sharing;

public sealed class AuditChainTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    private static List<AuditRecord> Chain(int length)
    {
        var records = new List<AuditRecord>();
        var previous = AuditChain.Genesis;
        for (var seq = 1; seq <= length; seq++)
        {
            var entry = new AuditEntry(Now.AddSeconds(seq), "BKA", "key_1", AuditActions.Screen, $"name {seq}", $$"""{"purpose":"p{{seq}}"}""");
            previous = AuditChain.Hash(previous, seq, entry);
            records.Add(new AuditRecord(seq, entry, previous));
        }

        return records;
    }

    [Fact]
    public void An_untouched_chain_verifies_and_reports_its_head()
    {
        var chain = Chain(5);

        var result = AuditChain.Verify(chain, $"3:{chain[2].Hash}");

        Assert.True(result.Intact);
        Assert.Equal((5L, 5L, chain[4].Hash), (result.Entries, result.HeadSeq, result.HeadHash));
    }

    [Fact]
    public void An_altered_entry_is_named()
    {
        var chain = Chain(5);
        chain[2] = chain[2] with { Entry = chain[2].Entry with { Details = """{"purpose":"other"}""" } };

        var result = AuditChain.Verify(chain);

        Assert.Equal(3, result.BrokenAt);
        Assert.Equal(2, result.Entries);
    }

    [Fact]
    public void An_altered_entry_whose_hash_was_recomputed_breaks_the_link_to_the_next()
    {
        var chain = Chain(5);
        var forged = chain[2].Entry with { Agency = "FBI" };
        chain[2] = chain[2] with { Entry = forged, Hash = AuditChain.Hash(chain[1].Hash, 3, forged) };

        Assert.Equal(4, AuditChain.Verify(chain).BrokenAt);
    }

    [Fact]
    public void A_deleted_entry_is_named_as_missing()
    {
        var chain = Chain(5);
        chain.RemoveAt(1);

        var result = AuditChain.Verify(chain);

        Assert.Equal(2, result.BrokenAt);
        Assert.Contains("missing", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Entries_cut_from_the_end_are_found_only_against_a_head_recorded_earlier()
    {
        var chain = Chain(5);
        var head = $"5:{chain[4].Hash}";
        chain.RemoveRange(3, 2);

        Assert.True(AuditChain.Verify(chain).Intact);
        var anchored = AuditChain.Verify(chain, head);
        Assert.Equal(4, anchored.BrokenAt);
        Assert.Contains("deleted from the end", anchored.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rewritten_chain_does_not_match_the_head_recorded_earlier()
    {
        var original = Chain(3);
        var rewritten = Chain(3);
        var entry = rewritten[1].Entry with { Subject = "rewritten" };
        var h2 = AuditChain.Hash(rewritten[0].Hash, 2, entry);
        rewritten[1] = new AuditRecord(2, entry, h2);
        rewritten[2] = rewritten[2] with { Hash = AuditChain.Hash(h2, 3, rewritten[2].Entry) };

        Assert.True(AuditChain.Verify(rewritten).Intact);
        Assert.Equal(3, AuditChain.Verify(rewritten, $"3:{original[2].Hash}").BrokenAt);
    }

    [Theory]
    [InlineData("5")]
    [InlineData("x:abc")]
    [InlineData("5:zz")]
    public void A_malformed_expected_head_is_refused(string head) =>
        Assert.Equal("--expect", Assert.Throws<ModelException>(() => AuditChain.Verify(Chain(1), head)).Field);
}
