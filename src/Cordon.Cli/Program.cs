using System.CommandLine;
using Cordon.Cli.Commands;
using Spectre.Console;

namespace Cordon.Cli;

/// <summary>The <c>cordon</c> command: every verb over the same engine the server uses.</summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        Console.OutputEncoding = System.Text.Encoding.UTF8;
        if (Console.IsOutputRedirected)
        {
            // Piped output is for files and other programs: no colour codes, no wrapping at 80 columns.
            AnsiConsole.Profile.Capabilities.Ansi = false;
            AnsiConsole.Profile.Width = 200;
        }

        var root = new RootCommand("Cordon: counter-terrorism screening and information sharing.\n"
            + "Exit codes: 0 ok, 1 findings (screen found hits), 2 bad input or usage.");
        root.Options.Add(CommonOptions.Db);
        root.Options.Add(CommonOptions.Json);
        root.Subcommands.Add(ImportCommand.Create());
        root.Subcommands.Add(DatasetsCommand.Create());
        root.Subcommands.Add(ScreenCommand.Create());
        root.Subcommands.Add(ScreenFileCommand.Create());
        root.Subcommands.Add(EntityCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(EvalCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(AgencyCommand.Create());
        root.Subcommands.Add(KeyCommand.Create());
        root.Subcommands.Add(AuditCommand.Create());

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                Console.Error.WriteLine($"cordon: {error.Message}");
            }

            Console.Error.WriteLine("Run 'cordon --help' for usage.");
            return ExitCodes.BadInput;
        }

        return parsed.Invoke();
    }
}
