namespace Cordon.Server;

/// <summary>
/// The server's settings, bound from <c>CORDON_*</c> environment variables (<c>CORDON_DB</c>, <c>CORDON_RATELIMIT</c>…)
/// and from the <c>cordon serve</c> flags, which win.
/// </summary>
public sealed class ServerOptions
{
    /// <summary>The SQLite database file.</summary>
    public string Db { get; set; } = "cordon.db";

    /// <summary>Requests a second each key may make, sustained.</summary>
    public int RateLimit { get; set; } = 2000;

    /// <summary>Requests a key may make at once above the sustained rate.</summary>
    public int RateBurst { get; set; } = 4000;

    /// <summary>Largest JSON request body, in bytes.</summary>
    public long MaxBodyBytes { get; set; } = 1 << 20;

    /// <summary>Largest list file sent to a dataset import, in bytes.</summary>
    public long MaxImportBytes { get; set; } = 512L << 20;

    /// <summary>How long a key, once looked up, is trusted without looking again: a revocation takes effect within this.</summary>
    public double KeyCacheSeconds { get; set; } = 2;

    /// <summary>How often the store is checked for changes made by another process (an import on the command line).</summary>
    public double RefreshSeconds { get; set; } = 5;

    /// <summary>Hits scoring at least this become review items (a query may ask for weaker hits; they are shown, not queued).</summary>
    public double ReviewThreshold { get; set; } = Cordon.Screening.Screener.DefaultThreshold;

    /// <summary>Largest NDJSON body sent to a batch screen, in bytes.</summary>
    public long MaxBatchBytes { get; set; } = 4L << 30;

    /// <summary>Batch lines screened, audited and answered together.</summary>
    public int BatchChunk { get; set; } = 2048;
}
