using Cordon.Lists;
using Cordon.Lists.Ftm;
using Cordon.Model;
using Cordon.Storage;
using Cordon.Tests.Support;

namespace Cordon.StoreContract;

/// <summary>
/// The store contract: every store (SQLite now, PostgreSQL later) runs these tests unchanged by deriving from this
/// class and saying how to make a new, empty store.
/// </summary>
public abstract class StoreContractTests
{
    /// <summary>A new, empty store owned by the calling test.</summary>
    protected abstract ICordonStore CreateStore();

    private static ImportRequest Request(string dataset) => new(dataset, "agency-x", "ftm", "test");

    private static Entity Person(string id, string name, string? sourceRef = null, string? birthDate = null)
    {
        var builder = new EntityBuilder(id, Schemata.Person, sourceRef ?? id).Add("name", name);
        builder.Add("birthDate", birthDate);
        return builder.Build();
    }

    private static string Export(ICordonStore store, string? dataset = null)
    {
        using var buffer = new MemoryStream();
        FtmJsonWriter.Write(buffer, store.ReadEntities(dataset));
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    [Fact]
    public void Imported_entities_read_back_with_dataset_and_source_reference()
    {
        using var store = CreateStore();

        var result = store.Import(Request("alpha"), [Person("alpha-1", "Jane Example", "R1", "1980-02-03"), Person("alpha-2", "John Example", "R2")]);
        var entity = store.GetEntity("alpha-1");

        Assert.Equal((1, true, 2, 2), (result.Version, result.NewVersion, result.Added, result.Records));
        Assert.NotNull(entity);
        Assert.Equal("alpha", entity.Dataset);
        Assert.Equal("R1", entity.SourceRef);
        Assert.Equal(["1980-02-03"], entity.Get("birthDate"));
        Assert.Null(store.GetEntity("alpha-3"));
    }

    [Fact]
    public void A_new_version_records_added_changed_and_removed_records_by_source_reference()
    {
        using var store = CreateStore();
        store.Import(Request("beta"), [Person("beta-1", "A One", "R1"), Person("beta-2", "B Two", "R2"), Person("beta-3", "C Three", "R3")]);

        var result = store.Import(Request("beta"), [Person("beta-1", "A One", "R1"), Person("beta-2", "B Two Changed", "R2"), Person("beta-4", "D Four", "R4")]);

        Assert.Equal((2, 1, 1, 1, 1), (result.Version, result.Added, result.Changed, result.Removed, result.Unchanged));
        var delta = store.GetDelta("beta", 2).ToDictionary(d => d.SourceRef, d => d.Kind, StringComparer.Ordinal);
        Assert.Equal(DeltaKind.Changed, delta["R2"]);
        Assert.Equal(DeltaKind.Removed, delta["R3"]);
        Assert.Equal(DeltaKind.Added, delta["R4"]);
        Assert.False(delta.ContainsKey("R1"));
        Assert.Null(store.GetEntity("beta-3"));
        Assert.Equal(2, store.GetVersions("beta").Count);
    }

    [Fact]
    public void An_import_logs_the_ids_it_withdrew_with_its_version()
    {
        using var store = CreateStore();
        store.Import(Request("beta"), [Person("beta-1", "A One", "R1"), Person("beta-2", "B Two", "R2"), Person("beta-3", "C Three", "R3")]);
        store.Import(Request("beta"), [Person("beta-1", "A One", "R1"), Person("beta-2", "B Two Changed", "R2")]);
        store.Import(Request("beta"), [Person("beta-2", "B Two Changed", "R2")]);

        Assert.Empty(store.ReadRemovedIds("beta", 3));
        Assert.Equal(["beta-1"], store.ReadRemovedIds("beta", 2));
        Assert.Equal(["beta-1", "beta-3"], store.ReadRemovedIds("beta", 1));
        Assert.Equal(["beta-1", "beta-3"], store.ReadRemovedIds("beta", 0));
        Assert.Empty(store.ReadRemovedIds("other", 0));
    }

    [Fact]
    public void A_record_changes_when_only_one_of_its_dependent_entities_changes()
    {
        using var store = CreateStore();
        var passport = new EntityBuilder("gamma-1-passport", Schemata.Passport, "R1").Add("holder", "gamma-1").Add("number", "X1").Build();
        store.Import(Request("gamma"), [Person("gamma-1", "A One", "R1"), passport]);

        var newPassport = new EntityBuilder("gamma-1-passport", Schemata.Passport, "R1").Add("holder", "gamma-1").Add("number", "X2").Build();
        var result = store.Import(Request("gamma"), [Person("gamma-1", "A One", "R1"), newPassport]);

        Assert.Equal((0, 1, 0, 1, 2), (result.Added, result.Changed, result.Removed, result.Records, result.Entities));
    }

    [Fact]
    public void Importing_identical_content_records_no_new_version()
    {
        using var store = CreateStore();
        store.Import(Request("delta"), [Person("delta-1", "A One")]);

        var result = store.Import(Request("delta"), [Person("delta-1", "A One")]);

        Assert.False(result.NewVersion);
        Assert.Equal((1, 1), (result.Version, result.Unchanged));
        Assert.Single(store.GetVersions("delta"));
    }

    [Fact]
    public void A_failure_midway_leaves_the_previous_version_exactly_as_it_was()
    {
        using var store = CreateStore();
        store.Import(Request("eps"), [Person("eps-1", "A One"), Person("eps-2", "B Two")]);
        var before = Export(store);

        static IEnumerable<Entity> Broken()
        {
            yield return Person("eps-1", "A One Changed");
            yield return Person("eps-3", "C Three");
            throw new ImportException("broken.json", 3, null, "malformed JSON");
        }

        Assert.Throws<ImportException>(() => store.Import(Request("eps"), Broken()));

        Assert.Equal(before, Export(store));
        Assert.Equal(1, store.GetDataset("eps")!.Version);
        Assert.Single(store.GetVersions("eps"));
    }

    [Fact]
    public void A_duplicate_id_in_one_import_is_refused_and_writes_nothing()
    {
        using var store = CreateStore();

        Assert.Throws<StoreException>(() => store.Import(Request("zeta"), [Person("zeta-1", "A"), Person("zeta-1", "B")]));

        Assert.Null(store.GetDataset("zeta"));
        Assert.Null(store.GetEntity("zeta-1"));
    }

    [Fact]
    public void An_id_owned_by_another_dataset_is_refused()
    {
        using var store = CreateStore();
        store.Import(Request("eta"), [Person("shared-1", "A")]);

        var error = Assert.Throws<StoreException>(() => store.Import(Request("theta"), [Person("shared-1", "B")]));

        Assert.Contains("already belongs to dataset 'eta'", error.Message, StringComparison.Ordinal);
        Assert.Equal("A", store.GetEntity("shared-1")!.Caption);
        Assert.Null(store.GetDataset("theta"));
    }

    [Fact]
    public void An_invalid_dataset_name_is_refused()
    {
        using var store = CreateStore();

        Assert.Throws<StoreException>(() => store.Import(Request("Bad Name!"), [Person("x-1", "A")]));
    }

    [Fact]
    public void Datasets_list_owner_version_and_counts()
    {
        using var store = CreateStore();
        store.Import(Request("iota"), [Person("iota-1", "A"), Person("iota-2", "B")]);

        var info = Assert.Single(store.GetDatasets());

        Assert.Equal(("iota", "agency-x", 1, 2, 2), (info.Name, info.Owner, info.Version, info.Records, info.Entities));
    }

    [Fact]
    public void The_2018_and_2026_un_lists_give_111_added_201_removed_and_892_kept()
    {
        using var store = CreateStore();
        Importer.Import(store, "un", TestData.Path("lists/un/UN_consolidated_2018-10-29.xml"), new ImportOptions());

        var result = Importer.Import(store, "un", TestData.Path("lists/un/UN_consolidated.xml"), new ImportOptions()).Result;

        Assert.Equal((2, 111, 201, 1003), (result.Version, result.Added, result.Removed, result.Records));
        Assert.Equal(892, result.Changed + result.Unchanged);
        var delta = store.GetDelta("un", 2);
        Assert.Equal(111, delta.Count(d => d.Kind == DeltaKind.Added));
        Assert.Equal(201, delta.Count(d => d.Kind == DeltaKind.Removed));
        Assert.Equal(result.Changed, delta.Count(d => d.Kind == DeltaKind.Changed));
    }
}
