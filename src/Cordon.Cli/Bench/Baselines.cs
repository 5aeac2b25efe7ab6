using Cordon.Model;
using Cordon.Names;
using FuzzySharp;

namespace Cordon.Cli.Bench;

/// <summary>A matcher measured beside Cordon's on the same queries.</summary>
internal interface IBaseline
{
    string Name { get; }

    /// <summary>The ids of the best-scoring entities for a query, best first.</summary>
    IReadOnlyList<string> Screen(string query);
}

/// <summary>What a .NET developer writes first: FuzzySharp's token-set ratio against every name of every entity.</summary>
internal sealed class FuzzySharpBaseline(IReadOnlyList<Entity> entities) : IBaseline
{
    private readonly (string Id, string Name)[] _names = [.. entities.Where(e => e.Schema.Matchable)
        .SelectMany(e => e.Get("name").Concat(e.Get("alias")).Select(n => (e.Id, n)))];

    public string Name => "fuzzysharp-token-set-ratio-bruteforce";

    public IReadOnlyList<string> Screen(string query)
    {
        var best = new List<(int Score, string Id)>();
        foreach (var (id, name) in _names)
        {
            var score = Fuzz.TokenSetRatio(query, name);
            if (score >= 80)
            {
                best.Add((score, id));
            }
        }

        return [.. best.OrderByDescending(b => b.Score).Select(b => b.Id).Distinct(StringComparer.Ordinal).Take(10)];
    }
}

/// <summary>
/// Moov Watchman's approach: lower-cased word tokens, an inverted index to find entities sharing a token, and a
/// best-pair Jaro-Winkler score (each query word against its best entity word, weighted by length).
/// </summary>
internal sealed class WatchmanBaseline : IBaseline
{
    private readonly List<(string Id, string[] Tokens)> _names = [];
    private readonly Dictionary<string, List<int>> _index = new(StringComparer.Ordinal);

    public WatchmanBaseline(IReadOnlyList<Entity> entities)
    {
        foreach (var entity in entities.Where(e => e.Schema.Matchable))
        {
            foreach (var name in entity.Get("name").Concat(entity.Get("alias")))
            {
                var tokens = Tokens(name);
                var at = _names.Count;
                _names.Add((entity.Id, tokens));
                foreach (var token in tokens.Distinct(StringComparer.Ordinal))
                {
                    if (!_index.TryGetValue(token, out var list))
                    {
                        list = [];
                        _index.Add(token, list);
                    }

                    list.Add(at);
                }
            }
        }
    }

    public string Name => "watchman-best-pair-jaro-winkler";

    public IReadOnlyList<string> Screen(string query)
    {
        var tokens = Tokens(query);
        var candidates = new HashSet<int>();
        foreach (var token in tokens)
        {
            if (_index.TryGetValue(token, out var list))
            {
                candidates.UnionWith(list);
            }
        }

        var best = new List<(double Score, string Id)>();
        foreach (var candidate in candidates)
        {
            var (id, nameTokens) = _names[candidate];
            double total = 0, weight = 0;
            foreach (var token in tokens)
            {
                var top = 0.0;
                foreach (var other in nameTokens)
                {
                    top = Math.Max(top, JaroWinkler.Similarity(token, other));
                }

                total += top * token.Length;
                weight += token.Length;
            }

            var score = weight > 0 ? total / weight : 0;
            if (score >= 0.85)
            {
                best.Add((score, id));
            }
        }

        return [.. best.OrderByDescending(b => b.Score).Select(b => b.Id).Distinct(StringComparer.Ordinal).Take(10)];
    }

    private static string[] Tokens(string name) =>
        name.ToLowerInvariant().Split([' ', ',', '.', '-', '\'', '"', '(', ')'], StringSplitOptions.RemoveEmptyEntries);
}
