using System.Buffers;
using System.Security.Cryptography;

namespace Cordon.Audit;

/// <summary>The outcome of checking a chain: how far it holds, and where and why it first breaks.</summary>
public sealed record AuditVerification(long Entries, long HeadSeq, string HeadHash, long? BrokenAt, string? Reason)
{
    public bool Intact => BrokenAt is null;
}

/// <summary>
/// The audit chain: each entry's hash is SHA-256 of the previous entry's hash followed by the entry's canonical form (a
/// JSON array of its sequence number and fields). Altering an entry changes its hash; deleting or inserting one breaks the
/// sequence or the link to the next. Removing entries from the end leaves a shorter valid chain, which is why
/// <see cref="Verify"/> can be given a head recorded earlier (an auditor's copy) that must still be in the chain.
/// </summary>
public static class AuditChain
{
    /// <summary>The hash before the first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    public static string Hash(string previousHash, long seq, AuditEntry entry)
    {
        using var scratch = Text.JsonScratch.Take(relaxed: false);
        var buffer = scratch.Buffer;
        if (Convert.FromHexString(previousHash, buffer.GetSpan(32), out _, out var written) != OperationStatus.Done || written != 32)
        {
            throw new FormatException($"the previous hash '{previousHash}' is not 64 hex digits");
        }

        buffer.Advance(32);
        var writer = scratch.Writer;
        writer.WriteStartArray();
        writer.WriteNumberValue(seq);
        writer.WriteStringValue(entry.AtText);
        writer.WriteStringValue(entry.Agency);
        writer.WriteStringValue(entry.Key);
        writer.WriteStringValue(entry.Action);
        writer.WriteStringValue(entry.Subject);
        writer.WriteStringValue(entry.Details);
        writer.WriteEndArray();
        writer.Flush();
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(buffer.WrittenSpan, hash);
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>
    /// Recomputes the chain from the first entry and names the first that does not hold. With <paramref name="expectedHead"/>
    /// (<c>seq:hash</c> from an earlier check) the chain must still contain that entry with that hash: entries removed
    /// from the end, or the whole chain rewritten, are caught that way.
    /// </summary>
    public static AuditVerification Verify(IEnumerable<AuditRecord> records, string? expectedHead = null)
    {
        (long Seq, string Hash)? anchor = null;
        if (expectedHead is not null)
        {
            var parts = expectedHead.Split(':');
            if (parts.Length != 2 || !long.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seq)
                || parts[1].Length != 64 || !parts[1].All(char.IsAsciiHexDigit))
            {
                throw new Model.ModelException("--expect", $"'{expectedHead}' is not SEQ:HASH (a sequence number and 64 hex digits)");
            }

            anchor = (seq, parts[1].ToLowerInvariant());
        }

        var previous = Genesis;
        long expected = 1, count = 0;
        var anchorSeen = false;
        foreach (var record in records)
        {
            if (record.Seq != expected)
            {
                return new AuditVerification(count, expected - 1, previous, expected,
                    record.Seq > expected
                        ? $"entries {expected}..{record.Seq - 1} are missing: deleted"
                        : $"entry {record.Seq} is out of order: inserted");
            }

            var hash = Hash(previous, record.Seq, record.Entry);
            if (!string.Equals(hash, record.Hash, StringComparison.Ordinal))
            {
                return new AuditVerification(count, expected - 1, previous, record.Seq,
                    $"entry {record.Seq} does not match its hash: it, or the hash it links to, was altered");
            }

            if (anchor is { } a && a.Seq == record.Seq)
            {
                if (!string.Equals(a.Hash, hash, StringComparison.Ordinal))
                {
                    return new AuditVerification(count, expected - 1, previous, record.Seq,
                        $"entry {record.Seq} is not the one recorded earlier: the chain up to it was rewritten");
                }

                anchorSeen = true;
            }

            previous = hash;
            count++;
            expected++;
        }

        if (anchor is { } head && !anchorSeen)
        {
            return new AuditVerification(count, expected - 1, previous, expected,
                $"entry {head.Seq}, recorded earlier, is gone: entries {expected}..{head.Seq} were deleted from the end");
        }

        return new AuditVerification(count, expected - 1, previous, null, null);
    }
}
