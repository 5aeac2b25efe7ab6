using System.Diagnostics;
using System.Text.Json;

namespace Cordon.Cli.Tests.Support;

/// <summary>Runs the real cordon executable (cordon.dll beside the tests) as a child process.</summary>
public static class CordonProcess
{
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "cordon.dll");

    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public JsonElement Json => JsonDocument.Parse(Stdout).RootElement;
    }

    public static Result Run(params string[] args) => RunIn(null, args);

    public static Result RunIn(string? workingDirectory, params string[] args)
    {
        using var process = Process.Start(StartInfo(workingDirectory, args))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"cordon {string.Join(' ', args)} did not finish");
        }

        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    public static ProcessStartInfo StartInfo(string? workingDirectory, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? AppContext.BaseDirectory,
        };
        info.ArgumentList.Add(Dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment.Remove("CORDON_DB");
        return info;
    }

    /// <summary>Everything observable about a database: its datasets, versions and every entity, as text.</summary>
    public static string Snapshot(string db)
    {
        var datasets = Run("datasets", "--json", "--db", db);
        var export = Run("export", "ftm", "--db", db);
        Assert.Equal(0, datasets.ExitCode);
        Assert.Equal(0, export.ExitCode);
        return datasets.Stdout + "\n" + export.Stdout;
    }
}
