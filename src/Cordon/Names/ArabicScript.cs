using System.Text;
using System.Text.RegularExpressions;

namespace Cordon.Names;

/// <summary>
/// Prepares Arabic-script names for transliteration the way Latin lists spell them: عبد and the name it governs are
/// joined (عبد الله → Abdullah), a leading article is split off as a particle (الحكيم → al Hakim) except on الدين,
/// الرحمن and الله after a name (نور الدين stays nwr aldyn, which <see cref="Screening.PreparedName"/> also reads
/// joined, for Nuruddin as for Nur al-Din), particles and titles are written as Latin lists write them (بن → bin,
/// ابو → abu), ta marbuta is read as the vowel it sounds (حمزة → Hamza, not Hamzt), ain is read as the vowel Latin lists
/// write for it (علي → Ali, عمر → Amr / Omar, سعيد → Saeed; ICU drops it: ly, mr, syd), and Pashto/Urdu letters that
/// ICU leaves untouched are mapped to their nearest Arabic letters.
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
        prepared = Kinship().Replace(prepared, m => KinshipWords[m.Value]);
        prepared = PrefixedArticle().Replace(prepared, m => $" {PrefixWords[m.Groups[1].Value]} {m.Groups[2].Value}");
        return AinAsVowel(Article().Replace(prepared, SplitArticle));
    }

    /// <summary>
    /// Ain (ع) becomes alef, which ICU writes "a": Latin lists write the sound as a vowel (Ali, Abdullah, Saad, Ismail),
    /// never as nothing. Beside an alef it adds nothing (شجاع → Shuja, عامر → Amir, not Shujaa, Aamir).
    /// </summary>
    private static string AinAsVowel(string text)
    {
        if (!text.Contains('\u0639', StringComparison.Ordinal))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\u0639')
            {
                sb.Append(text[i]);
            }
            else if (!IsAlef(i > 0 ? text[i - 1] : ' ') && !IsAlef(i + 1 < text.Length ? text[i + 1] : ' '))
            {
                sb.Append('\u0627');
            }
        }

        return sb.ToString();
    }

    private static bool IsAlef(char c) => c is '\u0627' or '\u0622' or '\u0623' or '\u0625';

    /// <summary>
    /// Particles and titles as Latin lists write them, so they are read as particles and titles (بن → bin, not the word
    /// "bn"; ابو → abu, not "abw"). ICU passes Latin letters through.
    /// </summary>
    private static readonly Dictionary<string, string> KinshipWords = new(StringComparer.Ordinal)
    {
        ["بن"] = " bin ",
        ["ابن"] = " ibn ",
        ["إبن"] = " ibn ",
        ["بنت"] = " bint ",
        ["ابو"] = " abu ",
        ["أبو"] = " abu ",
        ["ولد"] = " ould ",
        ["شيخ"] = " sheikh ",
        ["حاجي"] = " haji ",
        ["ملا"] = " mullah ",
        ["مولوي"] = " maulvi ",
    };

    [GeneratedRegex(@"(?<!\p{L})(بن|ابن|إبن|بنت|ابو|أبو|ولد|شيخ|حاجي|ملا|مولوي)(?!\p{L})", RegexOptions.CultureInvariant)]
    private static partial Regex Kinship();

    /// <summary>
    /// "And the", "with the", "for the" written onto a word (والجهاد, للصرافة) are written apart as Latin lists write
    /// them (wal-Jihad), so the word is read on its own and the prefix as a small word.
    /// </summary>
    private static readonly Dictionary<string, string> PrefixWords = new(StringComparer.Ordinal)
    {
        ["وال"] = "wal",
        ["بال"] = "bil",
        ["فال"] = "fil",
        ["لل"] = "lil",
    };

    /// <summary>A prefix and the article before a word of three letters or more that does not start with alef.</summary>
    [GeneratedRegex(@"(?<!\p{L})(وال|بال|فال|لل)([\p{L}-[\u0627\u0622]]\p{L}{2,})", RegexOptions.CultureInvariant)]
    private static partial Regex PrefixedArticle();

    private static string SplitArticle(Match m) =>
        m.Groups[1].Length > 0 && m.Groups[2].Value is "دين" or "رحمن" or "رحمان" ? m.Value : $"{m.Groups[1].Value}ال {m.Groups[2].Value}";

    /// <summary>عبد followed by the name it governs: one word in Latin lists.</summary>
    [GeneratedRegex(@"(عبد)\s+(ال?\p{L}+)", RegexOptions.CultureInvariant)]
    private static partial Regex Compounds();

    /// <summary>
    /// A word-initial article becomes a particle of its own, except in الدين and الرحمن after a name: Latin lists write
    /// those compounds joined (Nuruddin) or with the article (Nur al-Din, Mati ur-Rehman), never as a bare "Din".
    /// </summary>
    [GeneratedRegex(@"(^|\s)ال(\p{L}{3,})", RegexOptions.CultureInvariant)]
    private static partial Regex Article();
}
