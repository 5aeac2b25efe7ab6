using Cordon.Synthetic;
using Cordon.Lists.Ftm;

namespace Cordon.Benchmarks;

/// <summary><c>generate --entities N --seed S --out FILE</c>: writes a synthetic population as FtM JSON lines.</summary>
internal static class GenerateCommand
{
    public const int DefaultSeed = 42;

    public static int Run(BenchArgs args)
    {
        var count = args.Int("entities");
        var seed = args.Int("seed", DefaultSeed, min: 0);
        var output = args.RequireString("out");
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var written = Write(output, count, seed);
        Console.WriteLine(Invariant.Format($"wrote {written} entities (seed {seed}) to {output}: {new FileInfo(output).Length} bytes in {watch.Elapsed.TotalSeconds:F1} s"));
        return 0;
    }

    /// <summary>Writes the population to <paramref name="path"/>, replacing it.</summary>
    public static long Write(string path, int count, int seed)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        return FtmJsonWriter.Write(stream, new SyntheticPeople(seed).Generate(count));
    }
}
