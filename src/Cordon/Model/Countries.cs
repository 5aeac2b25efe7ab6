using System.Collections.Frozen;
using System.Reflection;

namespace Cordon.Model;

/// <summary>
/// Country codes (ISO 3166-1 alpha-2, lower case as in FtM, plus FtM's few non-ISO codes) and the English names
/// and variants that watchlists write, from the embedded table <c>Model/Data/countries.tsv</c>.
/// </summary>
public static class Countries
{
    private static readonly (FrozenDictionary<string, string> Names, FrozenDictionary<string, string> ByKey) Table = Load();

    /// <summary>Every known code with its English name.</summary>
    public static IReadOnlyDictionary<string, string> Names => Table.Names;

    /// <summary>Maps a code or a name to the lower-case code; false when the text names no known country.</summary>
    public static bool TryNormalize(string text, out string code)
    {
        var key = Key(text);
        if (Table.ByKey.TryGetValue(key, out var found))
        {
            code = found;
            return true;
        }

        code = "";
        return false;
    }

    /// <summary>
    /// Whether the text is a placeholder lists write where they have no country ("N/A", "unknown"); it must be read as
    /// no value, not looked up ("N/A" would otherwise become Namibia's code once punctuation is dropped).
    /// </summary>
    public static bool IsPlaceholder(string text) =>
        text.Trim().ToLowerInvariant() is "n/a" or "n.a." or "unknown" or "not known" or "none";

    /// <summary>The English name of a code, or the code itself.</summary>
    public static string NameOf(string code) => Table.Names.GetValueOrDefault(code, code);

    private static string Key(string text)
    {
        Span<char> buffer = stackalloc char[Math.Min(text.Length, 128)];
        var length = 0;
        foreach (var c in text)
        {
            if (length == buffer.Length)
            {
                break;
            }

            if (char.IsLetterOrDigit(c))
            {
                buffer[length++] = char.ToLowerInvariant(c);
            }
        }

        return new string(buffer[..length]);
    }

    private static (FrozenDictionary<string, string>, FrozenDictionary<string, string>) Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Cordon.Model.Data.countries.tsv")
            ?? throw new InvalidOperationException("The embedded country table is missing.");
        using var reader = new StreamReader(stream);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var byKey = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var columns = line.Split('\t');
            var code = columns[0];
            names[code] = columns[1];
            byKey.TryAdd(Key(code), code);
            foreach (var column in columns.Skip(1))
            {
                foreach (var variant in column.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    byKey.TryAdd(Key(variant), code);
                }
            }
        }

        return (names.ToFrozenDictionary(StringComparer.Ordinal), byKey.ToFrozenDictionary(StringComparer.Ordinal));
    }
}
