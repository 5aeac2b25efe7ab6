using System.Globalization;
using System.Text;

namespace Cordon.Model;

/// <summary>Validation and normalisation of property values by FtM type.</summary>
public static class PropertyValues
{
    /// <summary>Longest value accepted for any property; longer values are refused as hostile or broken input.</summary>
    public const int MaxValueLength = 65_536;

    /// <summary>The cleaned value, null for a blank one; throws <see cref="ModelException"/> for an invalid one.</summary>
    public static string? Clean(PropertyDef def, string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (value.Length > MaxValueLength)
        {
            throw new ModelException(def.Name, $"value is {value.Length} characters long; the limit is {MaxValueLength}");
        }

        var text = def.Type == PropertyType.Text ? value.Trim() : CollapseWhitespace(value);
        if (text.Length == 0)
        {
            return null;
        }

        if (def.Type == PropertyType.Country && Countries.IsPlaceholder(text))
        {
            return null;
        }

        if (def.Type == PropertyType.Gender && text.ToLowerInvariant() is "unknown" or "u" or "n/a" or "na" or "not known")
        {
            // Lists write "Unknown" where they mean "no value".
            return null;
        }

        return def.Type switch
        {
            PropertyType.Date => Dates.TryNormalize(text, out var date)
                ? date
                : throw new ModelException(def.Name, $"invalid date '{Shorten(text)}': expected YYYY, YYYY-MM or YYYY-MM-DD"),
            PropertyType.Country => Countries.TryNormalize(text, out var code)
                ? code
                : throw new ModelException(def.Name, $"unknown country '{Shorten(text)}': expected an ISO 3166 code or an English country name"),
            PropertyType.Gender => NormalizeGender(text)
                ?? throw new ModelException(def.Name, $"invalid gender '{Shorten(text)}': expected male, female or other"),
            PropertyType.Entity => EntityIds.IsValid(text)
                ? text
                : throw new ModelException(def.Name, $"invalid entity reference '{Shorten(text)}'"),
            _ => text,
        };
    }

    private static string? NormalizeGender(string text) => text.ToLowerInvariant() switch
    {
        "male" or "m" or "man" => "male",
        "female" or "f" or "woman" => "female",
        "other" or "x" => "other",
        _ => null,
    };

    /// <summary>Trims, turns runs of whitespace and control characters into one space.</summary>
    public static string CollapseWhitespace(string value)
    {
        var needs = false;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsControl(c) || (char.IsWhiteSpace(c) && (c != ' ' || i == 0 || i == value.Length - 1 || value[i - 1] == ' ')))
            {
                needs = true;
                break;
            }
        }

        if (!needs)
        {
            return value;
        }

        var sb = new StringBuilder(value.Length);
        var pendingSpace = false;
        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                pendingSpace = sb.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                sb.Append(' ');
                pendingSpace = false;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    internal static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;
}

/// <summary>FtM dates: a prefix of an ISO 8601 date-time (year, year-month, full date, or date and time).</summary>
public static class Dates
{
    public static bool TryNormalize(string text, out string normalized)
    {
        normalized = "";
        text = text.Trim();
        if (text.Length is 4 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            normalized = text;
            return year is >= 1000 and <= 2999;
        }

        if (text.Length == 7 && text[4] == '-'
            && int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out year)
            && int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month))
        {
            normalized = text;
            return year is >= 1000 and <= 2999 && month is >= 1 and <= 12;
        }

        if (text.Length >= 10 && DateOnly.TryParseExact(text.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            if (text.Length == 10)
            {
                normalized = text;
                return day.Year >= 1000;
            }

            if (text[10] is 'T' or ' '
                && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var moment))
            {
                normalized = moment.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);
                return day.Year >= 1000;
            }
        }

        return false;
    }
}
