using System.CommandLine;
using Cordon.Server;

namespace Cordon.Cli.Commands;

/// <summary><c>cordon serve</c>: the sharing server over the same store and engine as every other verb.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen.", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var command = new Command("serve", "Run the HTTP server (OpenAPI at /openapi/v1.json; keys from 'cordon key create'). "
            + "Settings from CORDON_* variables: CORDON_RATELIMIT, CORDON_RATEBURST, CORDON_MAXBODYBYTES, CORDON_KEYCACHESECONDS, CORDON_REFRESHSECONDS.") { urls };
        command.SetAction(parse => CommonOptions.Run(() =>
        {
            var db = CommonOptions.DbPath(parse);
            using (CommonOptions.OpenStore(parse))
            {
                // Opening first refuses a missing folder or a newer schema with the usual one-line error.
            }

            var app = CordonServer.Build(["--urls", parse.GetValue(urls)!], o => o.Db = db);
            app.Run();
            return ExitCodes.Ok;
        }));
        return command;
    }
}
