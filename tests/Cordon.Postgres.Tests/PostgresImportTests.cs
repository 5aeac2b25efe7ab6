using Cordon.Model;
using Cordon.Storage;

namespace Cordon.Postgres.Tests;

public sealed class PostgresImportTests
{
    private static Entity Person(string id, string name) => new EntityBuilder(id, Schemata.Person, id).Add("name", name).Build();

    [PostgresFact]
    public async Task Two_imports_of_one_dataset_at_once_from_two_nodes_become_two_versions_one_after_the_other()
    {
        // Given two nodes on one database, each importing different content into the same new dataset at the same moment
        var db = TestPostgres.NewDatabase();
        using var nodeA = PostgresStore.Open(db);
        using var nodeB = PostgresStore.Open(db);
        using var start = new Barrier(2);
        ImportResult Import(PostgresStore store, string name)
        {
            start.SignalAndWait();
            return store.Import(new ImportRequest("shared", "agency-x", "ftm", name),
                Enumerable.Range(0, 2000).Select(i => Person($"shared-{i}", $"{name} {i}")));
        }

        var results = await Task.WhenAll(Task.Run(() => Import(nodeA, "Alpha")), Task.Run(() => Import(nodeB, "Beta")));

        // Then neither fails: the second waits for the first and records the next version against it
        Assert.Equal([1, 2], results.Select(r => r.Version).Order());
        Assert.All(results, r => Assert.True(r.NewVersion));
        Assert.Equal([1, 2], nodeA.GetVersions("shared").Select(v => v.Version));
        Assert.Equal(2000, results.Single(r => r.Version == 2).Changed);
        Assert.Equal(2000, nodeB.GetDataset("shared")!.Entities);
    }
}
