using System.Diagnostics;
using System.Globalization;
using Cordon.Cli.Tests.Support;
using Cordon.Tests.Support;

namespace Cordon.Cli.Tests;

public sealed class KilledImportTests
{
    [Fact]
    public void Killing_an_import_midway_leaves_the_previous_version_intact()
    {
        // Given a dataset at version 1, and a much bigger version 2 of it on disk
        var dir = TestData.TempDirectory();
        var db = Path.Combine(dir, "c.db");
        var v1 = Path.Combine(dir, "v1.json");
        var v2 = Path.Combine(dir, "v2.json");
        WriteEntities(v1, 1_000);
        WriteEntities(v2, 600_000);
        Assert.Equal(0, CordonProcess.Run("import", "ftm", v1, "--dataset", "big", "--db", db).ExitCode);
        var before = CordonProcess.Snapshot(db);

        // When the import of version 2 is killed (SIGKILL) while it is writing
        using var process = Process.Start(CordonProcess.StartInfo(dir, "import", "ftm", v2, "--dataset", "big", "--db", db))!;
        var wal = db + "-wal";
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && !process.HasExited && (!File.Exists(wal) || new FileInfo(wal).Length < (8 << 20)))
        {
            Thread.Sleep(20);
        }

        Assert.False(process.HasExited, "the import finished before it could be killed; make the file bigger");
        process.Kill(entireProcessTree: true);
        process.WaitForExit();

        // Then the database still shows version 1, entity for entity
        Assert.Equal(before, CordonProcess.Snapshot(db));
        var datasets = CordonProcess.Run("datasets", "--json", "--db", db).Json.GetProperty("datasets");
        Assert.Equal(1, datasets[0].GetProperty("version").GetInt32());
        Assert.Equal(1_000, datasets[0].GetProperty("entities").GetInt32());
    }

    private static void WriteEntities(string path, int count)
    {
        using var writer = new StreamWriter(path);
        for (var i = 0; i < count; i++)
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            writer.Write("{\"id\":\"big-");
            writer.Write(n);
            writer.Write("\",\"schema\":\"Person\",\"properties\":{\"name\":[\"Person Number ");
            writer.Write(n);
            writer.Write("\"],\"birthDate\":[\"1970-01-01\"],\"nationality\":[\"fr\"]}}\n");
        }
    }
}
