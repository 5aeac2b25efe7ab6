using System.Globalization;
using System.CommandLine;
using Cordon.Model;
using Spectre.Console;

namespace Cordon.Cli.Commands;

/// <summary><c>cordon entity ID</c>: the whole entity with its provenance and the entities that refer to it.</summary>
internal static class EntityCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "The entity id, e.g. un-QDi.325." };
        var command = new Command("entity", "Show one entity with its provenance.") { id };
        command.SetAction(parse => CommonOptions.Run(() =>
        {
            using var store = CommonOptions.OpenStore(parse);
            var entity = store.GetEntity(parse.GetValue(id)!)
                ?? throw new UsageException($"no entity with id '{parse.GetValue(id)}'");
            var dataset = store.GetDataset(entity.Dataset!);
            if (parse.GetValue(CommonOptions.Json))
            {
                JsonOutput.Write(w =>
                {
                    w.WriteStartObject();
                    w.WriteString("id", entity.Id);
                    w.WriteString("schema", entity.Schema.Name);
                    w.WriteString("caption", entity.Caption);
                    w.WritePropertyName("properties");
                    EntityJson.WriteProperties(w, entity);
                    w.WriteStartObject("provenance");
                    w.WriteString("dataset", entity.Dataset);
                    w.WriteString("source_ref", entity.SourceRef);
                    w.WriteString("owner", dataset?.Owner);
                    w.WriteNumber("dataset_version", dataset?.Version ?? 0);
                    w.WriteEndObject();
                    w.WriteEndObject();
                });
                return ExitCodes.Ok;
            }

            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[bold]{entity.Caption}[/]  {entity.Schema.Name}  {entity.Id}");
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[grey]dataset {entity.Dataset} (owner {dataset?.Owner}, version {dataset?.Version}), source reference {entity.SourceRef}[/]");
            var table = new Table().AddColumns("Property", "Values");
            foreach (var name in entity.PropertyNames)
            {
                table.AddRow(Markup.Escape(name), Markup.Escape(string.Join("\n", entity.Get(name))));
            }

            AnsiConsole.Write(table);
            return ExitCodes.Ok;
        }));
        return command;
    }
}
