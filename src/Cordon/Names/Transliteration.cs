using Icu;

namespace Cordon.Names;

/// <summary>
/// Turns names in other scripts into Latin with ICU's transliterators (<c>Any-Latin; Latin-ASCII</c>) over the system's
/// libicu: <c>Владимир Путин</c> → <c>Vladimir Putin</c>, <c>习近平</c> → <c>xi jin ping</c>. Latin text takes a fast
/// path that never calls ICU. ICU transliterators are not thread-safe, so each thread keeps its own.
/// </summary>
public static class Transliteration
{
    private static readonly Lazy<bool> Available = new(Initialize);

    [ThreadStatic]
    private static Transliterator? _transliterator;

    /// <summary>Whether the text holds letters outside the Latin script (so that transliteration would change it).</summary>
    public static bool NeedsTransliteration(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            // Basic Latin through Latin Extended-B, IPA and combining marks are handled by decomposition alone.
            if (c > '\u036F' && c < '\u1E00' || c > '\u1EFF' && char.IsLetter(c) || char.IsSurrogate(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The Latin form of the text; the text itself when it is already Latin or ICU is not available.</summary>
    public static string ToLatin(string text)
    {
        if (!NeedsTransliteration(text) || !Available.Value)
        {
            return text;
        }

        _transliterator ??= Transliterator.CreateInstance("Any-Latin; Latin-ASCII", Transliterator.UTransDirection.Forward);
        try
        {
            return _transliterator.Transliterate(UnicodeText.RemoveInvalid(NameTranslations.ReplaceHan(ArabicScript.Prepare(text))));
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            // A sequence ICU refuses is compared as written rather than failing the screening.
            return text;
        }
    }

    private static bool Initialize()
    {
        try
        {
            Wrapper.Init();
            using var probe = Transliterator.CreateInstance("Any-Latin; Latin-ASCII", Transliterator.UTransDirection.Forward);
            return probe.Transliterate("Путин") == "Putin";
        }
        catch (Exception)
        {
            // Whatever stops ICU from loading (no libicu, another version, a wrapper error) must not stop screening.
            // Without libicu names in other scripts are compared as written; Latin matching is unaffected.
            return false;
        }
    }
}
