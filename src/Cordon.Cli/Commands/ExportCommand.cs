using System.CommandLine;
using Cordon.Lists.Ftm;

namespace Cordon.Cli.Commands;

/// <summary><c>cordon export ftm</c>: FollowTheMoney JSON lines to stdout, the form every FtM tool reads.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var format = new Argument<string>("format") { Description = "ftm (FollowTheMoney JSON lines)." };
        format.AcceptOnlyFromAmong("ftm");
        var dataset = new Option<string?>("--dataset") { Description = "Only this dataset (default: all)." };
        var command = new Command("export", "Export entities as FtM JSON lines to stdout.") { format, dataset };
        command.SetAction(parse => CommonOptions.Run(() =>
        {
            using var store = CommonOptions.OpenStore(parse);
            var name = parse.GetValue(dataset);
            if (name is not null && store.GetDataset(name) is null)
            {
                throw new UsageException($"--dataset: no dataset named '{name}'");
            }

            using var stdout = Console.OpenStandardOutput();
            using var buffered = new BufferedStream(stdout, 1 << 16);
            FtmJsonWriter.Write(buffered, store.ReadEntities(name));
            return ExitCodes.Ok;
        }));
        return command;
    }
}
