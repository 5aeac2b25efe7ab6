using Cordon.Storage;
using Cordon.StoreContract;

namespace Cordon.Postgres.Tests;

/// <summary>The store contract against a real PostgreSQL database of the test's own.</summary>
public sealed class PostgresStoreContractTests : StoreContractTests
{
    protected override ICordonStore CreateStore() => PostgresStore.Open(TestPostgres.NewDatabase());
}
