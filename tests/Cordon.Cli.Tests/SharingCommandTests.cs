using Cordon.Cli.Tests.Support;
using Cordon.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Cordon.Cli.Tests;

public sealed class SharingCommandTests
{
    [Fact]
    public void A_key_is_shown_once_stored_only_as_its_hash_and_listed_without_it()
    {
        // Given an agency
        var db = Path.Combine(TestData.TempDirectory(), "c.db");
        Assert.Equal(0, CordonProcess.Run("agency", "add", "BKA", "--name", "Bundeskriminalamt", "--country", "Germany", "--db", db).ExitCode);

        // When a key is created
        var created = CordonProcess.Run("key", "create", "--agency", "BKA", "--role", "analyst", "--purpose", "payment screening", "--db", db, "--json");

        // Then it is printed once, and the database and the key list hold no trace of the secret
        Assert.Equal(0, created.ExitCode);
        var secret = created.Json.GetProperty("key").GetString()!;
        Assert.StartsWith("cordon_", secret, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, Convert.ToHexString(File.ReadAllBytes(db)) + System.Text.Encoding.UTF8.GetString(File.ReadAllBytes(db)), StringComparison.Ordinal);
        var list = CordonProcess.Run("key", "list", "--db", db, "--json");
        Assert.Equal(0, list.ExitCode);
        Assert.DoesNotContain(secret, list.Stdout, StringComparison.Ordinal);
        Assert.Equal("analyst", list.Json[0].GetProperty("role").GetString());
        Assert.Equal("payment screening", list.Json[0].GetProperty("purpose").GetString());
    }

    [Theory]
    [InlineData(new[] { "key", "create", "--agency", "NOPE", "--role", "admin" }, "no agency 'NOPE'")]
    [InlineData(new[] { "key", "create", "--agency", "BKA", "--role", "god" }, "god")]
    [InlineData(new[] { "key", "revoke", "key_000000000000" }, "no key 'key_000000000000'")]
    [InlineData(new[] { "key", "create", "--agency", "BKA", "--role", "admin", "--purpose", "@long" }, "--purpose is longer than 500")]
    [InlineData(new[] { "agency", "add", "bka", "--name", "Again", "--country", "de" }, "already exists")]
    [InlineData(new[] { "agency", "add", "B.K.A", "--name", "Dots", "--country", "de" }, "invalid agency code")]
    [InlineData(new[] { "agency", "add", "XYZ", "--name", "Nowhere", "--country", "Atlantis" }, "unknown country")]
    public void Bad_agency_and_key_commands_exit_2_naming_the_problem_and_change_nothing(string[] args, string message)
    {
        var db = Path.Combine(TestData.TempDirectory(), "c.db");
        Assert.Equal(0, CordonProcess.Run("agency", "add", "BKA", "--name", "Bundeskriminalamt", "--country", "de", "--db", db).ExitCode);
        var head = CordonProcess.Run("audit", "verify", "--db", db, "--json").Json.GetProperty("head").GetString();

        var result = CordonProcess.Run([.. args.Select(a => a == "@long" ? new string('p', 501) : a), "--db", db]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
        Assert.Equal(head, CordonProcess.Run("audit", "verify", "--db", db, "--json").Json.GetProperty("head").GetString());
    }

    [Fact]
    public void Audit_verify_names_the_row_altered_in_the_database_and_exits_1()
    {
        // Given a chain of four entries: an agency, two keys and a revocation
        var db = Path.Combine(TestData.TempDirectory(), "c.db");
        CordonProcess.Run("agency", "add", "BKA", "--name", "Bundeskriminalamt", "--country", "de", "--db", db);
        var id = CordonProcess.Run("key", "create", "--agency", "BKA", "--role", "admin", "--db", db, "--json").Json.GetProperty("id").GetString()!;
        CordonProcess.Run("key", "create", "--agency", "BKA", "--role", "screener", "--db", db);
        Assert.Equal(0, CordonProcess.Run("key", "revoke", id, "--db", db).ExitCode);
        var intact = CordonProcess.Run("audit", "verify", "--db", db, "--json");
        Assert.Equal(0, intact.ExitCode);
        Assert.Equal(4, intact.Json.GetProperty("entries").GetInt32());

        // When someone with the database file rewrites who created the second key
        using (var connection = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE audit SET agency = 'someone-else' WHERE seq = 2";
            Assert.Equal(1, command.ExecuteNonQuery());
        }

        // Then verify exits 1 and names entry 2
        var broken = CordonProcess.Run("audit", "verify", "--db", db);
        Assert.Equal(1, broken.ExitCode);
        Assert.Contains("broken at entry 2", broken.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Audit_verify_with_an_earlier_head_finds_entries_removed_from_the_end()
    {
        var db = Path.Combine(TestData.TempDirectory(), "c.db");
        CordonProcess.Run("agency", "add", "BKA", "--name", "Bundeskriminalamt", "--country", "de", "--db", db);
        CordonProcess.Run("key", "create", "--agency", "BKA", "--role", "admin", "--db", db);
        var head = CordonProcess.Run("audit", "verify", "--db", db, "--json").Json.GetProperty("head").GetString()!;
        using (var connection = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM audit WHERE seq = 2";
            command.ExecuteNonQuery();
        }

        Assert.Equal(0, CordonProcess.Run("audit", "verify", "--db", db).ExitCode);
        var anchored = CordonProcess.Run("audit", "verify", "--db", db, "--expect", head);
        Assert.Equal(1, anchored.ExitCode);
        Assert.Contains("deleted from the end", anchored.Stderr, StringComparison.Ordinal);
    }
}
