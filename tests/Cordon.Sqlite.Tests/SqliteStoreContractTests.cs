using Cordon.Storage;
using Cordon.StoreContract;
using Cordon.Tests.Support;

namespace Cordon.Sqlite.Tests;

/// <summary>The store contract against a real SQLite file.</summary>
public sealed class SqliteStoreContractTests : StoreContractTests
{
    protected override ICordonStore CreateStore() => SqliteStore.Open(Path.Combine(TestData.TempDirectory(), "contract.db"));
}

/// <summary>The sharing half of the contract against a real SQLite file.</summary>
public sealed class SqliteSharingStoreContractTests : SharingStoreContractTests
{
    protected override ICordonStore CreateStore() => SqliteStore.Open(Path.Combine(TestData.TempDirectory(), "sharing.db"));
}
