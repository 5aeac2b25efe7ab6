using System.Globalization;

namespace Cordon.Benchmarks;

/// <summary>Plain <c>--name value</c> options after the subcommand; unknown or repeated options are refused.</summary>
internal sealed class BenchArgs
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    private BenchArgs()
    {
    }

    public static BenchArgs Parse(ReadOnlySpan<string> args, params string[] known)
    {
        var result = new BenchArgs();
        for (var i = 0; i < args.Length; i += 2)
        {
            var name = args[i];
            if (!name.StartsWith("--", StringComparison.Ordinal) || Array.IndexOf(known, name[2..]) < 0)
            {
                throw new ArgumentException($"unknown option '{name}' (known: {string.Join(", ", known.Select(k => "--" + k))})");
            }

            if (i + 1 >= args.Length)
            {
                throw new ArgumentException($"option '{name}' needs a value");
            }

            if (!result._values.TryAdd(name[2..], args[i + 1]))
            {
                throw new ArgumentException($"option '{name}' given twice");
            }
        }

        return result;
    }

    public string? String(string name) => _values.GetValueOrDefault(name);

    public string RequireString(string name) => String(name) ?? throw new ArgumentException($"--{name} is required");

    public int Int(string name, int? fallback = null, int min = 1)
    {
        if (!_values.TryGetValue(name, out var text))
        {
            return fallback ?? throw new ArgumentException($"--{name} is required");
        }

        // Underscores let a count be written readably: 1_000_000.
        return int.TryParse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min
            ? value
            : throw new ArgumentException($"--{name} must be a whole number of at least {min}, not '{text}'");
    }
}
