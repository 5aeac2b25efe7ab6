using System.CommandLine;
using Cordon.Audit;
using Spectre.Console;

namespace Cordon.Cli.Commands;

/// <summary><c>cordon audit verify</c>: recomputes the hash chain and names the first entry altered, inserted or deleted.</summary>
internal static class AuditCommand
{
    public static Command Create()
    {
        var expect = new Option<string?>("--expect")
        {
            Description = "A head recorded earlier, SEQ:HASH (from an earlier verify): it must still be in the chain, which catches entries removed from the end.",
        };
        var verify = new Command("verify", "Recompute the audit chain; exit 1 and name the first broken entry if it was tampered with.") { expect };
        verify.SetAction(parse => CommonOptions.Run(() =>
        {
            using var store = CommonOptions.OpenStore(parse);
            var result = AuditChain.Verify(store.ReadAudit(), parse.GetValue(expect));
            if (parse.GetValue(CommonOptions.Json))
            {
                JsonOutput.Write(w =>
                {
                    w.WriteStartObject();
                    w.WriteBoolean("intact", result.Intact);
                    w.WriteNumber("entries", result.Entries);
                    w.WriteString("head", $"{result.HeadSeq}:{result.HeadHash}");
                    if (result.BrokenAt is { } at)
                    {
                        w.WriteNumber("broken_at", at);
                        w.WriteString("reason", result.Reason);
                    }

                    w.WriteEndObject();
                });
            }
            else if (result.Intact)
            {
                AnsiConsole.MarkupLineInterpolated(System.Globalization.CultureInfo.InvariantCulture, $"Audit chain intact: {result.Entries} entries. Head {result.HeadSeq}:{result.HeadHash} (record it; pass it as --expect later).");
            }
            else
            {
                Console.Error.WriteLine($"cordon: audit chain broken at entry {result.BrokenAt}: {result.Reason}");
                Console.Error.WriteLine($"cordon: the {result.Entries} entries before it hold (last good {result.HeadSeq}:{result.HeadHash})");
            }

            return result.Intact ? ExitCodes.Ok : ExitCodes.Findings;
        }));
        return new Command("audit", "The tamper-evident audit trail.") { verify };
    }
}
