using System.Globalization;
using System.Text;

namespace Cordon.Synthetic;

/// <summary>Folds Latin letters with diacritics to plain ASCII, the way many lists spell Turkish and Spanish names.</summary>
internal static class AsciiFolding
{
    public static string Fold(string text)
    {
        if (System.Text.Ascii.IsValid(text))
        {
            return text;
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                // The dotless i has no decomposition.
                sb.Append(c == 'ı' ? 'i' : c);
            }
        }

        return sb.ToString().Normalize(NormalizationForm.FormC);
    }
}
