namespace Cordon.Storage;

/// <summary>A whole store, as the command line and the server open it: both halves of the contract, and where it is.</summary>
public interface IStore : ICordonStore, ISharingStore
{
    /// <summary>Where the store is, for messages: a file path, or a PostgreSQL address without its password.</summary>
    string Display { get; }
}
