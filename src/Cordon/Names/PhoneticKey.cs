using System.Text;

namespace Cordon.Names;

/// <summary>
/// A consonant skeleton used as an index key: the first letter, then consonants with look-alike sounds folded and
/// repeats collapsed. Mohammed, Mohamed and Muhammad all give <c>mhmd</c>; Yusuf and Youssef give <c>ysf</c>. Arabic
/// script does not write short vowels either, so the skeleton survives most transliteration variants.
/// </summary>
public static class PhoneticKey
{
    public static string Of(string token)
    {
        if (token.Length == 0)
        {
            return "";
        }

        var sb = new StringBuilder(token.Length);
        sb.Append(Fold(token[0]));
        for (var i = 1; i < token.Length; i++)
        {
            var c = Fold(token[i]);
            if (IsVowel(c))
            {
                continue;
            }

            // An 'h' after a consonant only colours it (kh, sh, th, ph, gh); after a vowel it is a consonant of its own.
            if (c == 'h' && !IsVowel(token[i - 1]))
            {
                continue;
            }

            if (c != sb[^1])
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y' or 'w';

    /// <summary>Folds letters that transliterations use for the same sound (q/c → k, z → s, v → f, p → b, j → g).</summary>
    internal static char Fold(char c) => c switch
    {
        'q' or 'c' => 'k',
        'z' => 's',
        'v' => 'f',
        'p' => 'b',
        'j' => 'g',
        _ => c,
    };
}
