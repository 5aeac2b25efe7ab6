using Cordon.Audit;
using Cordon.Model;
using Cordon.Sharing;
using Cordon.Storage;
using Cordon.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Cordon.Sqlite.Tests;

public sealed class SqliteStoreTests
{
    [Fact]
    public void Opening_twice_applies_each_migration_once_and_keeps_the_data()
    {
        var path = Path.Combine(TestData.TempDirectory(), "m.db");
        using (var store = SqliteStore.Open(path))
        {
            store.Import(new ImportRequest("alpha", "me", "ftm", "t"), [new EntityBuilder("alpha-1", Schemata.Person).Add("name", "A").Build()]);
        }

        using var again = SqliteStore.Open(path);

        Assert.NotNull(again.GetEntity("alpha-1"));
        using var connection = new SqliteConnection($"Data Source={path}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*), MAX(version) FROM schema_migrations";
        using var reader = command.ExecuteReader();
        reader.Read();
        Assert.Equal(reader.GetInt64(1), reader.GetInt64(0));
    }

    [Fact]
    public void A_database_from_a_newer_cordon_is_refused()
    {
        var path = Path.Combine(TestData.TempDirectory(), "n.db");
        SqliteStore.Open(path).Dispose();
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=false"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO schema_migrations VALUES (999, 'future')";
            command.ExecuteNonQuery();
        }

        var error = Assert.Throws<StoreException>(() => SqliteStore.Open(path));

        Assert.Contains("newer than this Cordon knows", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_database_in_a_missing_folder_is_refused_with_the_path()
    {
        var path = Path.Combine(TestData.TempDirectory(), "no", "such", "c.db");

        var error = Assert.Throws<StoreException>(() => SqliteStore.Open(path));

        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_a_database_is_refused()
    {
        var path = Path.Combine(TestData.TempDirectory(), "x.db");
        File.WriteAllText(path, new string('x', 4096));

        var error = Assert.Throws<StoreException>(() => SqliteStore.Open(path));

        Assert.Contains("cannot open the database", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failed_append_leaves_nothing_behind_and_the_next_append_goes_through()
    {
        using var store = SqliteStore.Open(Path.Combine(TestData.TempDirectory(), "a.db"));
        var now = DateTimeOffset.UtcNow;
        var item = new ReviewItem("hit_1", "BKA", "s1", "NK-1", "fp", "UN", null, "un", "A", "high", 0.9, "screen", "p", "{}", now, "key_1");
        store.Append([new AuditEntry(now, "BKA", "key_1", AuditActions.Screen, "one", "{}")], [], [item]);

        // A second item with the same id breaks the unique index, after its audit entry was written in the same transaction
        Assert.Throws<SqliteException>(() =>
            store.Append([new AuditEntry(now, "BKA", "key_1", AuditActions.Screen, "two", "{}")], [], [item with { Subject = "s2" }]));
        var seq = store.Append([new AuditEntry(now, "BKA", "key_1", AuditActions.Screen, "three", "{}")], []);

        Assert.Equal(2, seq);
        Assert.Equal(["one", "three"], store.ReadAudit().Select(r => r.Entry.Subject));
        Assert.True(AuditChain.Verify(store.ReadAudit()).Intact);
        Assert.Equal(["s1"], store.ReadReviewItems().Select(r => r.Subject));
    }
}
