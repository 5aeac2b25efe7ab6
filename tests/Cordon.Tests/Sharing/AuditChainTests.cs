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
    public void A_hash_is_the_one_every_earlier_build_wrote()
    {
        // Written by the first implementation (a fresh buffer and writer per entry); the reused per-thread scratch must
        // give the same bytes, or every stored chain would stop verifying. Quotes and non-ASCII are escaped by the writer.
        var entry = new AuditEntry(Now, "BKA", "key_1", AuditActions.Screen, "Ахмед \"Al\" <Qaida>",
            """{"purpose":"screening","query":{"name":"Ахмед & co"}}""");

        Assert.Equal("5b684d69677dffd51c930af7b5d7da0c341b9e857227b7f13bfac34a8b2fa754", AuditChain.Hash(AuditChain.Genesis, 7, entry));
    }

    [Fact]
    public void Hashes_stay_right_after_a_large_entry_and_inside_a_json_document_on_the_same_thread()
    {
        var small = new AuditEntry(Now, "BKA", "key_1", AuditActions.Screen, "a", """{"purpose":"p"}""");
        var expected = AuditChain.Hash(AuditChain.Genesis, 1, small);
        var large = small with { Details = "{\"x\":\"" + new string('"', 100_000) + "\"}" };
        var largeHash = AuditChain.Hash(AuditChain.Genesis, 1, large);

        string? nested = null;
        var text = Cordon.Text.JsonText.Object(w =>
        {
            w.WriteString("a", "é");
            nested = AuditChain.Hash(AuditChain.Genesis, 1, small);
            w.WriteString("b", "<>");
        });

        Assert.NotEqual(expected, largeHash);
        Assert.Equal(expected, AuditChain.Hash(AuditChain.Genesis, 1, small));
        Assert.Equal(expected, nested);
        Assert.Equal("""{"a":"é","b":"<>"}""", text);
        Assert.Equal("""{"c":1}""", Cordon.Text.JsonText.Object(w => w.WriteNumber("c", 1)));
    }

    [Fact]
    public void A_previous_hash_that_is_not_64_hex_digits_is_refused()
    {
        var entry = new AuditEntry(Now, "BKA", "key_1", AuditActions.Screen, "a", "{}");

        Assert.Throws<FormatException>(() => AuditChain.Hash("zz" + AuditChain.Genesis[2..], 1, entry));
        Assert.Throws<FormatException>(() => AuditChain.Hash("00", 1, entry));
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
