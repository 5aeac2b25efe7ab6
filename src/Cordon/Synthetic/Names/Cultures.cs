namespace Cordon.Synthetic.Names;

/// <summary>Every culture the synthetic population draws from, with a weighted pick.</summary>
internal static class Cultures
{
    public static readonly NameCulture[] All =
    [
        ArabicNames.Culture, PersianNames.Culture, RussianNames.Culture, ChineseNames.Culture, SpanishNames.Culture,
        EnglishNames.Culture, PakistaniNames.Culture, TurkishNames.Culture, HausaNames.Culture, YorubaNames.Culture,
        AkanNames.Culture,
    ];

    private static readonly int TotalWeight = All.Sum(c => c.Weight);

    public static NameCulture Pick(Random random)
    {
        var roll = random.Next(TotalWeight);
        foreach (var culture in All)
        {
            roll -= culture.Weight;
            if (roll < 0)
            {
                return culture;
            }
        }

        return All[^1];
    }
}
