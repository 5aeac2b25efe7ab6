using System.Globalization;

namespace Cordon.Benchmarks;

/// <summary>Every figure the benchmarks print is formatted invariantly, whatever the machine's culture.</summary>
internal static class Invariant
{
    public static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
