using System.Diagnostics;

namespace Cordon.Benchmarks;

/// <summary>The work folder of a benchmark: the generated input and a database that each run starts afresh.</summary>
internal sealed class BenchFiles
{
    private BenchFiles(string folder, int count, int seed)
    {
        Folder = folder;
        Input = Path.Combine(folder, $"synth-{count}-seed{seed}.ftm.json");
        Database = Path.Combine(folder, "bench.db");
    }

    public string Folder { get; }

    public string Input { get; }

    public string Database { get; }

    public static BenchFiles In(string? folder, int count, int seed)
    {
        var full = Path.GetFullPath(folder ?? Path.Combine(Path.GetTempPath(), "cordon-bench"));
        Directory.CreateDirectory(full);
        return new BenchFiles(full, count, seed);
    }

    /// <summary>Generates the input (outside any timed import) and returns how long that took.</summary>
    public double GenerateInput(int count, int seed)
    {
        var watch = Stopwatch.StartNew();
        var written = GenerateCommand.Write(Input, count, seed);
        var seconds = watch.Elapsed.TotalSeconds;
        Console.WriteLine(Invariant.Format($"generated {written} entities (seed {seed}) in {seconds:F1} s: {Input}, {InputBytes} bytes ({InputBytes / 1048576.0:F1} MiB); not part of the import timings"));
        return seconds;
    }

    public long InputBytes => new FileInfo(Input).Length;

    /// <summary>The database with its WAL, in bytes.</summary>
    public long DatabaseBytes => SizeOf(Database) + SizeOf(Database + "-wal");

    public void DeleteDatabase()
    {
        foreach (var path in new[] { Database, Database + "-wal", Database + "-shm", Database + "-journal" })
        {
            File.Delete(path);
        }
    }

    /// <summary>
    /// A file or folder of the repository or of <c>shared</c> beside it (<c>data/un/UN_consolidated.xml</c>,
    /// <c>shared/data/lists/un/UN_consolidated.xml</c>), found by walking up from the current folder, then from the binaries.
    /// </summary>
    public static string FindAbove(string relative)
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, relative);
                if (File.Exists(candidate) || Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new ArgumentException($"{relative} was not found above {Directory.GetCurrentDirectory()} or {AppContext.BaseDirectory}; give its path");
    }

    private static long SizeOf(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;
}
