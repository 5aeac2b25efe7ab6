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

    private static ReviewItem Review(string id, string subject, string entityId, string? reference = null) =>
        new(id, "BKA", subject, entityId, "fp1", "UNSC", reference, reference is null ? "un" : null, reference is null ? "Jane Roe" : null, "high", 0.93,
            ReviewOrigins.Screen, "border check", """{"name":"Jane Roe"}""", Now, "key_x");

    [Fact]
    public void An_append_that_fails_writes_nothing_of_its_own_and_the_next_follows_the_last_good_one()
    {
        // Given a store with a review item, appended twice so that a store able to guess the head now does
        var (store, sharing) = Open();
        using var _ = store;
        sharing.Append([Entry(AuditActions.Screen)], [], [Review("hit_1", "s1", "un-1")]);
        var head = sharing.Append([Entry(AuditActions.Screen)], []);

        // When an append raises that review item again, with an entry and a notification of its own
        var notice = new Notification("ref_9", "UNSC", Now, NotificationKinds.HitNoHit, "BKA", "key_x", "border check", "{}", "un-1", 0.93);
        Assert.ThrowsAny<Exception>(() => sharing.Append([Entry(AuditActions.Screen), Entry(AuditActions.Disclosure)], [notice], [Review("hit_1", "s2", "un-2")]));

        // Then none of it was written, and the next append takes the place after the last good one, in an intact chain
        Assert.Equal(head, sharing.GetAuditHead().Seq);
        Assert.Empty(sharing.GetNotifications("UNSC"));
        Assert.Equal("s1", Assert.Single(sharing.GetReviewItems("BKA")).Item.Subject);
        Assert.Equal(head + 1, sharing.Append([Entry(AuditActions.Screen)], [notice]));
        var (seq, hash) = sharing.GetAuditHead();
        var verification = AuditChain.Verify(sharing.ReadAudit(), $"{seq}:{hash}");
        Assert.True(verification.Intact, verification.Reason);
        Assert.Equal(["ref_9"], sharing.GetNotifications("UNSC").Select(n => n.Notification.Reference));
    }

    [Fact]
    public void Review_items_are_written_with_their_audit_entry_read_back_whole_and_decided_once()
    {
        var (store, sharing) = Open();
        using var _ = store;
        var head = sharing.GetAuditHead().Seq;

        sharing.Append([Entry(AuditActions.Screen)], [], [Review("hit_1", "s1", "un-1"), Review("hit_2", "s1", "un-2", reference: "ref_1")]);

        Assert.Equal(head + 1, sharing.GetAuditHead().Seq);
        var items = sharing.GetReviewItems("BKA");
        Assert.Equal(["hit_1", "hit_2"], items.Select(i => i.Item.Id));
        Assert.Equal(Review("hit_2", "s1", "un-2", reference: "ref_1"), items[1].Item);
        Assert.Empty(sharing.GetReviewItems("DGSI"));
        Assert.Single(sharing.GetReviewItems("BKA", afterSeq: items[0].Seq));

        var told = new Notification("ref_2", "UNSC", Now, NotificationKinds.ConfirmedHit, "BKA", "key_x", "border check", "{}", "un-1", 0.93);
        Assert.True(sharing.DecideReview("hit_1", ReviewStatus.Confirmed, "passport matches", "key_y", Now, Entry(AuditActions.HitConfirm, "hit_1"), told));
        Assert.False(sharing.DecideReview("hit_1", ReviewStatus.Dismissed, "again", "key_y", Now, Entry(AuditActions.HitDismiss, "hit_1"), null));
        Assert.False(sharing.DecideReview("hit_9", ReviewStatus.Dismissed, "absent", "key_y", Now, Entry(AuditActions.HitDismiss, "hit_9"), null));

        var decided = sharing.GetReviewItem("hit_1")!;
        Assert.Equal((ReviewStatus.Confirmed, "passport matches", "key_y", Now), (decided.Status, decided.Note, decided.DecidedBy, decided.DecidedAt));
        Assert.Equal(["hit_1"], sharing.GetReviewItems("BKA", ReviewStatus.Confirmed).Select(i => i.Item.Id));
        Assert.Equal(["hit_1", "hit_2"], sharing.ReadReviewItems().Select(i => i.Id));
        Assert.Equal(head + 2, sharing.GetAuditHead().Seq);
        Assert.Equal("ref_2", Assert.Single(sharing.GetNotifications("UNSC")).Notification.Reference);
    }

    [Fact]
    public void Monitored_subjects_are_replaced_by_subject_listed_in_order_and_removed_once()
    {
        var (store, sharing) = Open();
        using var _ = store;
        MonitoredSubject Subject(string id, string name) => new("BKA", id, name, "1971", "de", "Person", ["P123456"], "case work", "key_x", Now);

        sharing.AddMonitored(Subject("b", "Jane Roe"), Entry(AuditActions.MonitorAdd, "b"));
        sharing.AddMonitored(Subject("a", "John Roe"), Entry(AuditActions.MonitorAdd, "a"));
        sharing.AddMonitored(Subject("b", "Jane Roe-Smith"), Entry(AuditActions.MonitorAdd, "b"));

        var all = sharing.GetMonitored("BKA");
        Assert.Equal(["a", "b"], all.Select(m => m.Subject));
        Assert.Equal("Jane Roe-Smith", all[1].Name);
        Assert.Equal(["P123456"], all[1].Identifiers);
        Assert.Equal(["b"], sharing.GetMonitored("BKA", afterSubject: "a").Select(m => m.Subject));
        Assert.Empty(sharing.GetMonitored("DGSI"));
        Assert.True(sharing.RemoveMonitored("BKA", "a", Entry(AuditActions.MonitorRemove, "a")));
        Assert.False(sharing.RemoveMonitored("BKA", "a", Entry(AuditActions.MonitorRemove, "a")));
        Assert.Equal(["b"], sharing.GetAllMonitored().Select(m => m.Subject));
    }

    [Fact]
    public void Changed_entities_are_those_written_after_a_version()
    {
        var (store, sharing) = Open();
        using var _ = store;
        sharing.ChangeEntities("bka_cases", [new(Person("bka_cases:P1", "Jane Roe"), null), new(Person("bka_cases:P2", "John Roe"), null)], [], Entry(AuditActions.EntityCreate));
        sharing.ChangeEntities("bka_cases", [new(Person("bka_cases:P2", "John Roe-Smith"), null)], [], Entry(AuditActions.EntityUpdate));
        sharing.ChangeEntities("bka_cases", [new(Person("bka_cases:P3", "Jim Roe"), null)], [], Entry(AuditActions.EntityCreate));

        Assert.Equal(["bka_cases:P2", "bka_cases:P3"], sharing.ReadChangedEntities("bka_cases", 1).Select(e => e.Id));
        Assert.Equal(["bka_cases:P3"], sharing.ReadChangedEntities("bka_cases", 2).Select(e => e.Id));
        Assert.Equal(3, sharing.ReadChangedEntities("bka_cases", 0).Count);
        Assert.Empty(sharing.ReadChangedEntities("bka_cases", 3));
    }

    [Fact]
    public void Withdrawn_ids_are_listed_by_the_version_that_withdrew_them()
    {
        var (store, sharing) = Open();
        using var _ = store;
        sharing.ChangeEntities("bka_cases", [new(Person("bka_cases:P1", "Jane Roe"), null), new(Person("bka_cases:P2", "John Roe"), null)], [], Entry(AuditActions.EntityCreate));
        sharing.ChangeEntities("bka_cases", [], ["bka_cases:P1"], Entry(AuditActions.EntityWithdraw));
        sharing.ChangeEntities("bka_cases", [new(Person("bka_cases:P1", "Jane Roe"), null)], ["bka_cases:P2"], Entry(AuditActions.EntityCreate));

        Assert.Equal(["bka_cases:P1", "bka_cases:P2"], store.ReadRemovedIds("bka_cases", 1));
        Assert.Equal(["bka_cases:P2"], store.ReadRemovedIds("bka_cases", 2));
        Assert.Empty(store.ReadRemovedIds("bka_cases", 3));
        // Withdrawn and written again: a follower takes it out, then puts back what was written after the version.
        Assert.Equal(["bka_cases:P1"], sharing.ReadChangedEntities("bka_cases", 2).Select(e => e.Id));
    }
}
