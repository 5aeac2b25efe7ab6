using System.Text;
using System.Text.RegularExpressions;

namespace Cordon.Names;

/// <summary>
/// Prepares Arabic-script names for transliteration the way Latin lists spell them: compounds written apart in
/// Arabic are joined (عبد الله → Abdullah, نور الدين → Nuruddin), a leading article is split off as a particle
/// (الحكيم → al Hakim), ta marbuta is read as the vowel it sounds (حمزة → Hamza, not Hamzt), and Pashto/Urdu letters
/// that ICU leaves untouched are mapped to their nearest Arabic letters.
/// </summary>
public static partial class ArabicScript
{
    /// <summary>Whether the text holds Arabic-script letters.</summary>
    public static bool Contains(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c is >= '\u0600' and <= '\u06FF' or >= '\u0750' and <= '\u077F' or >= '\uFB50' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFC')
            {
                return true;
            }
        }

        return false;
    }

    public static string Prepare(string text)
    {
        if (!Contains(text))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                '\u0629' => 'a', // ة ta marbuta
                '\u067C' => '\u062A', // ټ → ت
                '\u0689' => '\u062F', // ډ → د
                '\u0693' => '\u0631', // ړ → ر
                '\u0691' => '\u0631', // ڑ → ر
                '\u0681' => '\u062C', // ځ → ج
                '\u0685' => '\u0686', // څ → چ
                '\u06BC' => '\u0646', // ڼ → ن
                '\u0696' => '\u0698', // ږ → ژ
                '\u069A' => '\u0634', // ښ → ش
                '\u06AB' => '\u06AF', // ګ → گ
                '\u06D0' or '\u06CD' or '\u06D2' or '\u06CC' => '\u064A', // ې ۍ ے ی → ي
                '\u06BE' or '\u06C1' => '\u0647', // ھ ہ → ه
                _ => c,
            });
        }

        var prepared = Compounds().Replace(sb.ToString(), "$1$2");
        prepared = Servant().Replace(prepared, "$1$2");
        return Article().Replace(prepared, "$1ال $2");
    }

    /// <summary>عبد followed by the name it governs: one word in Latin lists.</summary>
    [GeneratedRegex(@"(عبد)\s+(ال?\p{L}+)", RegexOptions.CultureInvariant)]
    private static partial Regex Compounds();

    /// <summary>A name followed by الله, الدين or الرحمن: one word in Latin lists (Nasrullah, Nuruddin).</summary>
    [GeneratedRegex(@"(\p{L}+)\s+(الله|الدين|الرحمن)(?!\p{L})", RegexOptions.CultureInvariant)]
    private static partial Regex Servant();

    /// <summary>A word-initial article (not inside a compound joined above) becomes a particle of its own.</summary>
    [GeneratedRegex(@"(^|\s)ال(\p{L}{3,})", RegexOptions.CultureInvariant)]
    private static partial Regex Article();
}
