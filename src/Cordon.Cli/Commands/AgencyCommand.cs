using System.CommandLine;
using Cordon.Audit;
using Cordon.Sharing;
using Spectre.Console;

namespace Cordon.Cli.Commands;

/// <summary><c>cordon agency add|list</c>: the member agencies that own datasets and hold keys.</summary>
internal static class AgencyCommand
{
    public static Command Create()
    {
        var code = new Argument<string>("code") { Description = "Short code: letters, digits and '-' (BKA, fiu-nl); the agency's datasets are named <code>_<name>." };
        var name = new Option<string>("--name") { Description = "The agency's full name.", Required = true };
        var country = new Option<string>("--country") { Description = "Its country: ISO code or English name.", Required = true };
        var add = new Command("add", "Add a member agency.") { code, name, country };
        add.SetAction(parse => CommonOptions.Run(() =>
        {
            using var store = CommonOptions.OpenStore(parse);
            var agency = Agency.Create(parse.GetValue(code)!, parse.GetValue(name)!, parse.GetValue(country)!, DateTimeOffset.UtcNow);
            store.AddAgency(agency, new AuditEntry(agency.CreatedAt, AuditEntry.Operator, "", AuditActions.AgencyAdd, agency.Code,
                Cordon.Text.JsonText.Object(w =>
                {
                    w.WriteString("name", agency.Name);
                    w.WriteString("country", agency.Country);
                })));
            if (parse.GetValue(CommonOptions.Json))
            {
                JsonOutput.Write(w => Write(w, agency));
            }
            else
            {
                AnsiConsole.MarkupLineInterpolated(System.Globalization.CultureInfo.InvariantCulture, $"Added agency [bold]{agency.Code}[/] ({agency.Name}, {agency.Country}).");
            }

            return ExitCodes.Ok;
        }));

        var list = new Command("list", "List the member agencies.");
        list.SetAction(parse => CommonOptions.Run(() =>
        {
            using var store = CommonOptions.OpenStore(parse);
            var agencies = store.GetAgencies();
            if (parse.GetValue(CommonOptions.Json))
            {
                JsonOutput.Write(w =>
                {
                    w.WriteStartArray();
                    foreach (var agency in agencies)
                    {
                        Write(w, agency);
                    }

                    w.WriteEndArray();
                });
                return ExitCodes.Ok;
            }

            var table = new Table().AddColumns("Code", "Name", "Country", "Added");
            foreach (var agency in agencies)
            {
                table.AddRow(Markup.Escape(agency.Code), Markup.Escape(agency.Name), agency.Country, AuditEntry.FormatTime(agency.CreatedAt));
            }

            AnsiConsole.Write(table);
            return ExitCodes.Ok;
        }));

        return new Command("agency", "Member agencies: add, list.") { add, list };
    }

    private static void Write(System.Text.Json.Utf8JsonWriter w, Agency agency)
    {
        w.WriteStartObject();
        w.WriteString("code", agency.Code);
        w.WriteString("name", agency.Name);
        w.WriteString("country", agency.Country);
        w.WriteString("created_at", AuditEntry.FormatTime(agency.CreatedAt));
        w.WriteEndObject();
    }
}
