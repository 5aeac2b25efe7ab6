using System.Diagnostics;
using Cordon.Lists;
using Cordon.Lists.Ftm;
using Cordon.Model;
using Cordon.Sqlite;
using Cordon.Storage;

namespace Cordon.Benchmarks;

/// <summary>
/// <c>profile --entities N [--seed S] [--work DIR]</c>: splits one import into its stages, each timed alone — reading
/// lines, parsing and validating entities, the per-entity work the store does before SQL (canonical JSON and hash),
/// the store fed entities already in memory, and the whole import for reference.
/// </summary>
internal static class ProfileCommand
{
    public static int Run(BenchArgs args)
    {
        var count = args.Int("entities");
        var seed = args.Int("seed", GenerateCommand.DefaultSeed, min: 0);
        var files = BenchFiles.In(args.String("work"), count, seed);
        BenchEnvironment.Print();
        var generate = files.GenerateInput(count, seed);

        var lines = Time("read lines (I/O + line split)", count, () => CountLines(files.Input));
        var parse = Time("parse + validate + build entities", count, () => Parse(files.Input).Count());
        var prepare = Time("parse + canonical JSON + hash (store's per-entity CPU)", count, () => Prepare(files.Input));

        var entities = Parse(files.Input).ToList();
        files.DeleteDatabase();
        var store = TimeStore(files, entities);
        entities = null;

        files.DeleteDatabase();
        var full = Time("full import (Importer.Import)", count, () =>
        {
            using var sqlite = SqliteStore.Open(files.Database);
            return Importer.Import(sqlite, "ftm", files.Input, new ImportOptions(Dataset: ImportBenchmark.Dataset)).Result.Entities;
        });

        Console.WriteLine(BenchJson.Line(writer =>
        {
            writer.WriteString("benchmark", "import-ftm-sqlite-profile");
            writer.WriteNumber("entities", count);
            writer.WriteNumber("generate_s", Math.Round(generate, 3));
            writer.WriteNumber("read_lines_s", Math.Round(lines, 3));
            writer.WriteNumber("parse_s", Math.Round(parse, 3));
            writer.WriteNumber("parse_hash_s", Math.Round(prepare, 3));
            writer.WriteNumber("store_from_memory_s", Math.Round(store, 3));
            writer.WriteNumber("full_import_s", Math.Round(full, 3));
        }));
        return 0;
    }

    private static double TimeStore(BenchFiles files, List<Entity> entities)
    {
        using var sqlite = SqliteStore.Open(files.Database);
        var request = new ImportRequest(ImportBenchmark.Dataset, "local", "ftm", files.Input);
        return Time("store only (entities already in memory)", entities.Count, () => sqlite.Import(request, entities).Entities);
    }

    private static double Time(string stage, int count, Func<long> action)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var watch = Stopwatch.StartNew();
        var seen = action();
        var seconds = watch.Elapsed.TotalSeconds;
        Console.WriteLine(Invariant.Format($"{stage,-56} {seconds,8:F2} s  {count / seconds,10:F0} entities/s  ({seen})"));
        return seconds;
    }

    private static IEnumerable<Entity> Parse(string path) =>
        new FtmJsonReader().Read(path, new ImportContext(ImportBenchmark.Dataset), CancellationToken.None);

    private static long Prepare(string path)
    {
        long bytes = 0;
        foreach (var entity in Parse(path))
        {
            var properties = EntityJson.PropertiesUtf8(entity);
            var hash = EntityJson.ContentHash(entity.Schema.Name, entity.SourceRef ?? entity.Id, properties);
            bytes += properties.Length + hash.Length + entity.Caption.Length;
        }

        return bytes;
    }

    private static long CountLines(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var buffer = new byte[1 << 16];
        long lines = 0;
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            lines += buffer.AsSpan(0, read).Count((byte)'\n');
        }

        return lines;
    }
}
