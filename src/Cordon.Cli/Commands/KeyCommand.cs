using System.CommandLine;
using Cordon.Audit;
using Cordon.Sharing;
using Spectre.Console;

namespace Cordon.Cli.Commands;

/// <summary><c>cordon key create|revoke|list</c>: API keys, shown once when made and stored only as hashes.</summary>
internal static class KeyCommand
{
    public static Command Create()
    {
        var agency = new Option<string>("--agency") { Description = "The agency the key speaks for.", Required = true };
        var role = new Option<string>("--role")
        {
            Description = "screener (screen, read), analyst (also contribute records, review hits, notifications) or admin (also datasets, handling, audit).",
            Required = true,
        };
        role.AcceptOnlyFromAmong("screener", "analyst", "admin");
        var label = new Option<string?>("--label") { Description = "What the key is for (shown in lists)." };
        var purpose = new Option<string?>("--purpose")
        {
            Description = "A standing purpose, recorded for requests made with this key that state none (clients of the yente-compatible API cannot send one).",
        };
        var create = new Command("create", "Create an API key. The key is shown once: store it now; Cordon keeps only its hash.") { agency, role, label, purpose };
        create.SetAction(parse => CommonOptions.Run(() =>
        {
            using var store = CommonOptions.OpenStore(parse);
            var standing = parse.GetValue(purpose);
            if (standing is { Length: > 500 })
            {
                throw new UsageException("--purpose is longer than 500 characters");
            }

            var made = ApiKeys.Create(parse.GetValue(agency)!, Roles.Parse(parse.GetValue(role)), parse.GetValue(label), DateTimeOffset.UtcNow, standing);
            var key = made.Key;
            store.AddKey(key, made.Hash, new AuditEntry(key.CreatedAt, AuditEntry.Operator, "", AuditActions.KeyCreate, key.Id,
                Cordon.Text.JsonText.Object(w =>
                {
                    w.WriteString("agency", key.Agency);
                    w.WriteString("role", Roles.Name(key.Role));
                    w.WriteString("label", key.Label);
                    if (key.Purpose is not null)
                    {
                        w.WriteString("purpose", key.Purpose);
                    }
                })));
            if (parse.GetValue(CommonOptions.Json))
            {
                JsonOutput.Write(w =>
                {
                    w.WriteStartObject();
                    w.WriteString("key", made.Secret);
                    w.WriteString("id", key.Id);
                    w.WriteString("agency", key.Agency);
                    w.WriteString("role", Roles.Name(key.Role));
                    w.WriteEndObject();
                });
            }
            else
            {
                Console.Error.WriteLine($"Created {Roles.Name(key.Role)} key {key.Id} for {key.Agency}. It is shown once; Cordon keeps only its hash:");
                Console.WriteLine(made.Secret);
            }

            return ExitCodes.Ok;
        }));

        var id = new Argument<string>("id") { Description = "The key's id (key_…), as 'cordon key list' shows it." };
        var revoke = new Command("revoke", "Revoke a key: it is refused (401) from then on.") { id };
        revoke.SetAction(parse => CommonOptions.Run(() =>
        {
            using var store = CommonOptions.OpenStore(parse);
            var keyId = parse.GetValue(id)!;
            var now = DateTimeOffset.UtcNow;
            var known = store.GetKeys().FirstOrDefault(k => string.Equals(k.Id, keyId, StringComparison.Ordinal))
                ?? throw new UsageException($"no key '{keyId}' (cordon key list shows them)");
            if (!store.RevokeKey(keyId, now, new AuditEntry(now, AuditEntry.Operator, "", AuditActions.KeyRevoke, keyId,
                Cordon.Text.JsonText.Object(w => w.WriteString("agency", known.Agency)))))
            {
                throw new UsageException($"key '{keyId}' was already revoked");
            }

            if (parse.GetValue(CommonOptions.Json))
            {
                JsonOutput.Write(w =>
                {
                    w.WriteStartObject();
                    w.WriteString("id", keyId);
                    w.WriteBoolean("revoked", true);
                    w.WriteEndObject();
                });
            }
            else
            {
                AnsiConsole.MarkupLineInterpolated(System.Globalization.CultureInfo.InvariantCulture, $"Revoked key [bold]{keyId}[/] of {known.Agency}.");
            }

            return ExitCodes.Ok;
        }));

        var of = new Option<string?>("--agency") { Description = "Only this agency's keys." };
        var list = new Command("list", "List keys (never their secrets).") { of };
        list.SetAction(parse => CommonOptions.Run(() =>
        {
            using var store = CommonOptions.OpenStore(parse);
            var keys = store.GetKeys(parse.GetValue(of));
            if (parse.GetValue(CommonOptions.Json))
            {
                JsonOutput.Write(w =>
                {
                    w.WriteStartArray();
                    foreach (var k in keys)
                    {
                        w.WriteStartObject();
                        w.WriteString("id", k.Id);
                        w.WriteString("agency", k.Agency);
                        w.WriteString("role", Roles.Name(k.Role));
                        w.WriteString("label", k.Label);
                        w.WriteString("purpose", k.Purpose);
                        w.WriteString("created_at", AuditEntry.FormatTime(k.CreatedAt));
                        if (k.RevokedAt is { } revoked)
                        {
                            w.WriteString("revoked_at", AuditEntry.FormatTime(revoked));
                        }
                        else
                        {
                            w.WriteNull("revoked_at");
                        }

                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                });
                return ExitCodes.Ok;
            }

            var table = new Table().AddColumns("Id", "Agency", "Role", "Label", "Created", "Revoked");
            foreach (var k in keys)
            {
                table.AddRow(k.Id, Markup.Escape(k.Agency), Roles.Name(k.Role), Markup.Escape(k.Label), AuditEntry.FormatTime(k.CreatedAt),
                    k.RevokedAt is { } r ? AuditEntry.FormatTime(r) : "");
            }

            AnsiConsole.Write(table);
            return ExitCodes.Ok;
        }));

        return new Command("key", "API keys: create, revoke, list.") { create, revoke, list };
    }
}
