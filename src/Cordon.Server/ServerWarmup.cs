using Cordon.Screening;

namespace Cordon.Server;

/// <summary>
/// Screens a few thousand names before the server says it is ready. A process starts with its code compiled quickly
/// and unoptimised; the runtime recompiles what runs often, and until it has, a screen costs several times its steady
/// cost. Under 3,000 requests a second from the first moment, a cold server builds a backlog of about a second that
/// took 13 s to drain without this and 7 s with it (docs/benchmarks.md; the rest of the start-up cost is the HTTP
/// pipeline's, which only requests warm). The names are the index's own, as written and with a letter dropped, in both word orders, so
/// the paths of exact, fuzzy and missing names all run.
/// </summary>
internal static class ServerWarmup
{
    /// <summary>Queries screened at start, at most.</summary>
    public const int Queries = 6000;

    /// <summary>
    /// The longest the warm-up goes on. On a small index the queries take well under a second; on a million entities
    /// each costs more, and by then the code is long since recompiled: the rest would only delay readiness.
    /// </summary>
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(2);

    public static void Run(Screener screener, CancellationToken cancellationToken)
    {
        var index = screener.Index;
        if (index.EntityCount == 0)
        {
            return;
        }

        var names = new string[Queries];
        var step = Math.Max(1, index.EntityCount / (Queries / 3));
        for (var i = 0; i < Queries; i++)
        {
            var caption = index.EntityAt(i / 3 * step % index.EntityCount).Caption;
            names[i] = (i % 3) switch
            {
                0 => caption,
                1 => caption.Length > 4 ? caption.Remove(caption.Length / 2, 1) : caption,
                _ => string.Join(' ', caption.Split(' ').Reverse()) + " Xq",
            };
        }

        var deadline = System.Diagnostics.Stopwatch.GetTimestamp() + (long)(Budget.TotalSeconds * System.Diagnostics.Stopwatch.Frequency);
        Parallel.For(0, Queries, new ParallelOptions { CancellationToken = cancellationToken }, (i, loop) =>
        {
            if (System.Diagnostics.Stopwatch.GetTimestamp() > deadline)
            {
                loop.Stop();
                return;
            }

            var query = new ScreeningQuery(names[i], BirthDate: i % 4 == 0 ? "1970" : null, Country: i % 5 == 0 ? "de" : null) { Limit = 10 };
            screener.Screen(query);
        });
    }
}
