using Cordon.Audit;
using Cordon.Model;
using Cordon.Sharing;
using Cordon.Storage;

namespace Cordon.StoreContract;

/// <summary>The sharing half of the store contract: every store that serves agencies passes these unchanged.</summary>
public abstract class SharingStoreContractTests
{
    /// <summary>A new, empty store owned by the calling test.</summary>
    protected abstract ICordonStore CreateStore();

    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    private static AuditEntry Entry(string action, string subject = "s") => new(Now, "BKA", "key_x", action, subject, "{}");

    private static Entity Person(string id, string name) => new EntityBuilder(id, Schemata.Person, id.Split(':')[^1]).Add("name", name).Build();

    private (ICordonStore Store, ISharingStore Sharing) Open()
    {
        var store = CreateStore();
        var sharing = (ISharingStore)store;
        sharing.AddAgency(Agency.Create("BKA", "Bundeskriminalamt", "de", Now), Entry(AuditActions.AgencyAdd, "BKA"));
        sharing.CreateDataset("bka_cases", "Cases", "BKA", new HandlingRule(HandlingKind.Restricted, ["DGSI"]), Entry(AuditActions.DatasetCreate));
        return (store, sharing);
    }

    [Fact]
    public void Single_record_changes_make_versions_with_deltas_by_source_record()
    {
        var (store, sharing) = Open();
        using var _ = store;

        var created = sharing.ChangeEntities("bka_cases", [new(Person("bka_cases:P1", "Jane Roe"), null)], [], Entry(AuditActions.EntityCreate));
        var same = sharing.ChangeEntities("bka_cases", [new(Person("bka_cases:P1", "Jane Roe"), null)], [], Entry(AuditActions.EntityUpdate));
        var handling = sharing.ChangeEntities("bka_cases", [new(Person("bka_cases:P1", "Jane Roe"), HandlingRule.Shared)], [], Entry(AuditActions.EntityUpdate));
        var withdrawn = sharing.ChangeEntities("bka_cases", [], ["bka_cases:P1"], Entry(AuditActions.EntityWithdraw));

        Assert.Equal((1, true, 1), (created.Version, created.NewVersion, created.Added));
        Assert.False(same.NewVersion);
        Assert.Equal((2, 1), (handling.Version, handling.Changed));
        Assert.Equal((3, 1, 0), (withdrawn.Version, withdrawn.Removed, withdrawn.Entities));
        Assert.Equal([DeltaKind.Changed], store.GetDelta("bka_cases", 2).Select(d => d.Kind));
        Assert.Null(store.GetEntity("bka_cases:P1"));
        Assert.Null(sharing.GetHandling().OverrideOf("bka_cases:P1"));
    }

    [Fact]
    public void A_refused_change_writes_nothing_not_even_its_audit_entry()
    {
        var (store, sharing) = Open();
        using var _ = store;
        store.Import(new ImportRequest("other", "OFAC", "ftm", "t"), [Person("other-1", "John Doe")]);
        sharing.ChangeEntities("bka_cases", [new(Person("bka_cases:P1", "Jane Roe"), null)], [], Entry(AuditActions.EntityCreate));
        var head = sharing.GetAuditHead();

        Assert.Throws<StoreException>(() => sharing.ChangeEntities("bka_cases",
            [new(Person("bka_cases:P2", "New One"), null), new(Person("other-1", "Taken Id"), null)], [], Entry(AuditActions.EntityCreate)));
        Assert.Throws<StoreException>(() => sharing.ChangeEntities("bka_cases", [], ["bka_cases:P404"], Entry(AuditActions.EntityWithdraw)));
        Assert.Throws<StoreException>(() => sharing.ChangeEntities("nope", [new(Person("nope:P1", "X Y"), null)], [], Entry(AuditActions.EntityCreate)));

        Assert.Null(store.GetEntity("bka_cases:P2"));
        Assert.Equal(1, store.GetDataset("bka_cases")!.Version);
        Assert.Equal(head, sharing.GetAuditHead());
    }

    [Fact]
    public void Handling_reads_back_dataset_rules_and_entity_overrides()
    {
        var (store, sharing) = Open();
        using var _ = store;
        sharing.ChangeEntities("bka_cases", [new(Person("bka_cases:P1", "Jane Roe"), new HandlingRule(HandlingKind.HitNoHit, []))], [], Entry(AuditActions.EntityCreate));
        sharing.ChangeEntities("bka_cases", [new(Person("bka_cases:P2", "John Roe"), null)], [], Entry(AuditActions.EntityCreate));

        var map = sharing.GetHandling();

        Assert.Equal(Disclosure.Existence, map.Decide("FBI", store.GetEntity("bka_cases:P1")!));
        Assert.Equal(Disclosure.Nothing, map.Decide("FBI", store.GetEntity("bka_cases:P2")!));
        Assert.Equal(Disclosure.Full, map.Decide("DGSI", store.GetEntity("bka_cases:P2")!));
        Assert.Equal(Disclosure.Full, map.Decide("BKA", store.GetEntity("bka_cases:P1")!));

        sharing.SetDatasetHandling("bka_cases", HandlingRule.Shared, Entry(AuditActions.DatasetHandling));
        Assert.Equal(Disclosure.Full, sharing.GetHandling().Decide("FBI", store.GetEntity("bka_cases:P2")!));
        Assert.Throws<StoreException>(() => sharing.SetDatasetHandling("nope", HandlingRule.Shared, Entry(AuditActions.DatasetHandling)));
    }

    [Fact]
    public void Keys_are_found_by_hash_revoked_once_and_need_an_agency()
    {
        var (store, sharing) = Open();
        using var _ = store;
        var key = ApiKeys.Create("BKA", Role.Analyst, "ops", Now);
        sharing.AddKey(key.Key, key.Hash, Entry(AuditActions.KeyCreate));

        Assert.Equal(key.Key with { CreatedAt = Now }, sharing.FindKey(ApiKeys.Hash(key.Secret)));
        Assert.Null(sharing.FindKey(ApiKeys.Hash(key.Secret + "x")));
        Assert.True(sharing.RevokeKey(key.Key.Id, Now, Entry(AuditActions.KeyRevoke)));
        Assert.False(sharing.RevokeKey(key.Key.Id, Now, Entry(AuditActions.KeyRevoke)));
        Assert.True(sharing.FindKey(key.Hash)!.IsRevoked);
        var orphan = ApiKeys.Create("NOPE", Role.Admin, null, Now);
        Assert.Throws<StoreException>(() => sharing.AddKey(orphan.Key, orphan.Hash, Entry(AuditActions.KeyCreate)));
        Assert.Throws<StoreException>(() => sharing.AddAgency(Agency.Create("bka", "Again", "de", Now), Entry(AuditActions.AgencyAdd)));
    }

    [Fact]
    public void Appended_entries_form_one_chain_with_consecutive_numbers_and_notifications_reach_their_agency()
    {
        var (store, sharing) = Open();
        using var _ = store;
        var before = sharing.GetAuditHead().Seq;
        var notification = new Notification("ref_1", "BKA", Now, NotificationKinds.HitNoHit, "FBI", "key_y", "visa", """{"name":"x"}""", "bka_cases:P1", 0.93);

        var first = sharing.Append([Entry(AuditActions.Screen), Entry(AuditActions.Disclosure)], [notification]);

        Assert.Equal(before + 1, first);
        Assert.Equal(before + 2, sharing.GetAuditHead().Seq);
        Assert.True(AuditChain.Verify(sharing.ReadAudit()).Intact);
        Assert.Equal(notification, Assert.Single(sharing.GetNotifications("BKA")).Notification);
        Assert.Empty(sharing.GetNotifications("FBI"));
        Assert.Equal(2, sharing.ReadAudit("BKA", afterSeq: before).Count());
    }
}
