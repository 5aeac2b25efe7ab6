using System.Text;

namespace Cordon.Names;

/// <summary>Text hygiene shared by normalisation and transliteration.</summary>
internal static class UnicodeText
{
    /// <summary>
    /// Drops what no name holds and what Unicode normalisation refuses: unpaired surrogates and noncharacters
    /// (U+FFFE, U+FFFF, U+FDD0–U+FDEF).
    /// </summary>
    public static string RemoveInvalid(string text)
    {
        var clean = true;
        for (var i = 0; i < text.Length && clean; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF' || (c >= '\uFDD0' && c <= '\uFDEF'))
            {
                clean = false;
            }
        }

        if (clean)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(c).Append(text[i + 1]);
                i++;
            }
            else if (!(char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF' || (c >= '\uFDD0' && c <= '\uFDEF')))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
