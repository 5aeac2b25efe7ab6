using Cordon.Storage;
using Cordon.StoreContract;

namespace Cordon.Postgres.Tests;

/// <summary>The sharing half of the store contract against a real PostgreSQL database of the test's own.</summary>
public sealed class PostgresSharingStoreContractTests : SharingStoreContractTests
{
    protected override ICordonStore CreateStore() => PostgresStore.Open(TestPostgres.NewDatabase());
}
