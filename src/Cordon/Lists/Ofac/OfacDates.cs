using System.Globalization;
using Cordon.Model;

namespace Cordon.Lists.Ofac;

/// <summary>OFAC's date forms (<c>10 Dec 1948</c>, <c>circa 1960</c>, <c>1955 to 1958</c>) read into FtM dates.</summary>
internal static class OfacDates
{
    private static readonly string[] Months =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    /// <summary>
    /// Parses OFAC's date forms into FtM dates: <c>10 Dec 1948</c>, <c>Dec 1948</c>, <c>1948</c>, <c>circa 1960</c>
    /// (the year only: the day is not meant precisely), <c>1955 to 1958</c>, <c>circa 1979-1982</c>.
    /// A range of up to ten years gives every year in it, because a matcher compares years and a person born in 1956
    /// must match "1955 to 1958"; a longer range gives its two ends only, since listing decades would match anyone.
    /// </summary>
    public static bool TryParseDates(string text, List<string> dates)
    {
        var value = text.Trim().TrimEnd('.').Trim();
        var circa = value.StartsWith("circa ", StringComparison.OrdinalIgnoreCase);
        if (circa)
        {
            value = value[6..].Trim();
        }

        var to = value.IndexOf(" to ", StringComparison.OrdinalIgnoreCase);
        if (to > 0)
        {
            return TryParseRange(value[..to], value[(to + 4)..], dates);
        }

        if (value.Length == 9 && value[4] == '-' && value.All(c => c == '-' || char.IsAsciiDigit(c)))
        {
            return TryParseRange(value[..4], value[5..], dates);
        }

        if (!TryParseDate(value, out var date))
        {
            return false;
        }

        dates.Add(circa ? date[..4] : date);
        return true;
    }

    private static bool TryParseRange(string from, string until, List<string> dates)
    {
        var start = StripCirca(from);
        var end = StripCirca(until);
        if (!TryParseDate(start, out var first) || !TryParseDate(end, out var last))
        {
            return false;
        }

        var firstYear = int.Parse(first.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture);
        var lastYear = int.Parse(last.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture);
        if (lastYear >= firstYear && lastYear - firstYear <= 10)
        {
            for (var year = firstYear; year <= lastYear; year++)
            {
                dates.Add(year.ToString(CultureInfo.InvariantCulture));
            }
        }
        else
        {
            dates.Add(first);
            dates.Add(last);
        }

        return true;
    }

    private static string StripCirca(string text)
    {
        var value = text.Trim();
        return value.StartsWith("circa ", StringComparison.OrdinalIgnoreCase) ? value[6..].Trim() : value;
    }

    /// <summary>One date: <c>10 Dec 1948</c>, <c>Dec 1948</c>, <c>1948</c> or already ISO.</summary>
    public static bool TryParseDate(string text, out string date)
    {
        date = "";
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        switch (parts.Length)
        {
            case 1:
                return Dates.TryNormalize(parts[0], out date);
            case 2 when TryMonth(parts[0], out var month) && TryYear(parts[1], out var year):
                date = $"{year:D4}-{month:D2}";
                return true;
            case 3 when TryMonth(parts[1], out var month) && TryYear(parts[2], out var year)
                && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var day)
                && day >= 1 && day <= DateTime.DaysInMonth(year, month):
                date = $"{year:D4}-{month:D2}-{day:D2}";
                return true;
            default:
                return false;
        }
    }

    private static bool TryYear(string text, out int year) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out year) && text.Length == 4 && year is >= 1000 and <= 2999;

    private static bool TryMonth(string text, out int month)
    {
        var token = text.TrimEnd('.', ',');
        month = 0;
        if (token.Length < 3)
        {
            return false;
        }

        for (var i = 0; i < Months.Length; i++)
        {
            if (Months[i].StartsWith(token, StringComparison.OrdinalIgnoreCase))
            {
                month = i + 1;
                return true;
            }
        }

        return false;
    }
}
