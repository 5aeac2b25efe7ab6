using Spectre.Console;

namespace Cordon.Cli;

/// <summary>A live count on the terminal for long work; silent when output is redirected or JSON.</summary>
internal static class Progress
{
    public static T Run<T>(bool show, string label, Func<IProgress<long>?, T> work, string unit = "entities")
    {
        if (!show || Console.IsErrorRedirected || Console.IsOutputRedirected)
        {
            return work(null);
        }

        var result = default(T)!;
        AnsiConsole.Status().Start($"{label}…", context =>
        {
            var progress = new Progress<long>(count => context.Status($"{label}… {count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} {unit}"));
            result = work(progress);
        });
        return result;
    }
}
