using System.Runtime;
using System.Runtime.InteropServices;

namespace Cordon.Benchmarks;

/// <summary>Prints what the figures depend on: processors, runtime, OS and garbage collector mode.</summary>
internal static class BenchEnvironment
{
    public static void Print() =>
        Console.WriteLine(Invariant.Format(
            $"machine: {Environment.ProcessorCount} processors, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC, {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC"));
}
