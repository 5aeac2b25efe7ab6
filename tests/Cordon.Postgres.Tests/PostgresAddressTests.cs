using Cordon.Storage;

namespace Cordon.Postgres.Tests;

public sealed class PostgresAddressTests
{
    [Fact]
    public void A_url_gives_host_port_database_user_password_and_its_known_parameters()
    {
        var builder = PostgresAddress.Parse("postgres://cordon:p%40ss%3Aword@db.example.org:6432/coalition?sslmode=require&application_name=node-a");

        Assert.Equal(("db.example.org", 6432, "coalition", "cordon", "p@ss:word"), (builder.Host, builder.Port, builder.Database, builder.Username, builder.Password));
        Assert.Equal(Npgsql.SslMode.Require, builder.SslMode);
        Assert.Equal("node-a", builder.ApplicationName);
        Assert.Equal("postgres://cordon@db.example.org:6432/coalition", PostgresAddress.Display(builder));
    }

    [Fact]
    public void A_url_without_a_port_or_user_takes_the_defaults_and_a_connection_string_is_taken_as_it_is()
    {
        var url = PostgresAddress.Parse("postgresql://localhost/cordon");
        var keywords = PostgresAddress.Parse("Host=10.0.0.5;Port=5433;Database=cordon;Username=node");

        Assert.Equal(("localhost", 5432, "cordon", null), (url.Host, url.Port, url.Database, url.Username));
        Assert.Equal(("10.0.0.5", 5433, "cordon", "node"), (keywords.Host, keywords.Port, keywords.Database, keywords.Username));
    }

    [Theory]
    [InlineData("postgres://db.example.org", "names no database")]
    [InlineData("postgres://db.example.org/a/b", "names no database")]
    [InlineData("postgres://u:secret@db.example.org/cordon?pool=9", "'pool' is not understood")]
    [InlineData("postgres://u:secret@db.example.org/cordon?sslmode=sometimes", "'sslmode' has a value")]
    [InlineData("postgres://", "not a valid postgres:// URL")]
    [InlineData("Database=cordon;Username=node", "has no Host")]
    [InlineData("Host=x;Bogus Keyword=1", "not a valid connection string")]
    public void A_malformed_address_is_refused_naming_the_part_at_fault_and_never_the_password(string db, string reason)
    {
        var error = Assert.Throws<StoreException>(() => PostgresAddress.Parse(db));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("postgres://h/db", true)]
    [InlineData("POSTGRESQL://h/db", true)]
    [InlineData("Host=h;Database=db", true)]
    [InlineData("/var/lib/cordon/cordon.db", false)]
    [InlineData("cordon.db", false)]
    public void A_database_argument_names_postgres_or_a_sqlite_file(string db, bool postgres) =>
        Assert.Equal(postgres, PostgresStore.Names(db));
}
