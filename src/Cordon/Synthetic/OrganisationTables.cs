using System.Collections.Frozen;

namespace Cordon.Synthetic;

/// <summary>What synthetic organisations are named after: trades, non-profit kinds and the legal forms of each jurisdiction.</summary>
internal static class OrganisationTables
{
    public static readonly string[] Industries =
    [
        "Trading", "General Trading", "Import & Export", "Shipping", "Logistics", "Maritime", "Petroleum", "Oil & Gas",
        "Construction", "Engineering", "Investments", "Holdings", "Exchange", "Money Transfer", "Financial Services",
        "Electronics", "Technologies", "Textiles", "Foodstuff", "Agro Industries", "Pharmaceuticals", "Medical Supplies",
        "Travel & Tourism", "Security Services", "Aviation", "Chemicals", "Metals", "Mining", "Real Estate", "Consulting",
        "Industrial Equipment", "Transport", "Telecom", "Jewellery", "Auto Parts", "Fisheries", "Cement", "Tobacco",
    ];

    public static readonly string[] NonProfitKinds =
    [
        "Foundation", "Charitable Foundation", "Relief Committee", "Humanitarian Aid Society", "Welfare Trust",
        "Cultural Association", "Youth Association", "Development Organization", "Benevolent Society", "Educational Trust",
        "Friendship Society", "Solidarity Committee", "Veterans Union", "Workers' Union", "Liberation Front",
        "Popular Movement", "Brigades", "Resistance Council", "Support Network", "Media Centre",
    ];

    /// <summary>Where shell and trading companies are often registered, whatever their owners' origin.</summary>
    public static readonly string[] Offshore = ["ae", "ae", "cy", "vg", "pa", "sc", "hk", "gb", "sg", "ch", "mt", "tr"];

    /// <summary>Legal forms written before the name (<c>OOO Sever Logistics</c>) rather than after it.</summary>
    public static readonly FrozenSet<string> PrefixForms =
        new[] { "OOO", "AO", "PAO", "ZAO", "TOO", "TOV", "OsOO", "ODO" }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly string[] DefaultForms = ["Ltd", "LLC"];

    private static readonly FrozenDictionary<string, string[]> FormsByCountry = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["ae"] = ["LLC", "FZE", "FZCO", "FZ-LLC", "L.L.C."],
        ["sa"] = ["Co.", "LLC", "Est."],
        ["iq"] = ["LLC", "Co."],
        ["sy"] = ["LLC", "Co."],
        ["jo"] = ["LLC", "Co.", "PSC"],
        ["ye"] = ["Co.", "LLC"],
        ["eg"] = ["S.A.E.", "LLC"],
        ["ly"] = ["Co.", "LLC"],
        ["sd"] = ["Co. Ltd", "LLC"],
        ["ps"] = ["Co.", "Ltd"],
        ["lb"] = ["SARL", "SAL", "Offshore SAL"],
        ["dz"] = ["SARL", "EURL", "SPA"],
        ["ma"] = ["SARL", "SARL AU", "SA"],
        ["tn"] = ["SARL", "SA", "SUARL"],
        ["qa"] = ["W.L.L.", "LLC"],
        ["kw"] = ["W.L.L.", "K.S.C.C."],
        ["bh"] = ["W.L.L.", "B.S.C."],
        ["om"] = ["LLC", "S.A.O.C."],
        ["ir"] = ["Co.", "PJSC", "Ltd"],
        ["af"] = ["Ltd", "Co."],
        ["ru"] = ["OOO", "OOO", "AO", "PAO", "ZAO"],
        ["by"] = ["OOO", "ODO"],
        ["kz"] = ["TOO", "LLP", "JSC"],
        ["ua"] = ["TOV", "PrJSC"],
        ["kg"] = ["OsOO", "LLC"],
        ["cn"] = ["Co., Ltd.", "Limited"],
        ["hk"] = ["Limited", "Ltd", "Co., Limited"],
        ["tw"] = ["Co., Ltd."],
        ["sg"] = ["Pte. Ltd."],
        ["my"] = ["Sdn. Bhd."],
        ["tr"] = ["A.Ş.", "Ltd. Şti."],
        ["cy"] = ["Ltd", "Limited"],
        ["az"] = ["LLC", "MMC"],
        ["de"] = ["GmbH", "AG", "GmbH & Co. KG"],
        ["ch"] = ["AG", "GmbH", "SA", "Sàrl"],
        ["gb"] = ["Ltd", "Limited", "PLC", "LLP"],
        ["us"] = ["LLC", "Inc.", "Corp."],
        ["ca"] = ["Inc.", "Ltd"],
        ["au"] = ["Pty Ltd"],
        ["ie"] = ["Ltd", "DAC"],
        ["nz"] = ["Ltd", "Limited"],
        ["mt"] = ["Ltd", "Limited"],
        ["vg"] = ["Ltd", "Inc.", "Corp."],
        ["sc"] = ["Ltd", "Limited"],
        ["pa"] = ["S.A.", "Corp.", "Inc."],
        ["es"] = ["S.A.", "S.L."],
        ["mx"] = ["S.A. de C.V.", "S. de R.L. de C.V."],
        ["co"] = ["S.A.S.", "Ltda.", "S.A."],
        ["ve"] = ["C.A.", "S.A."],
        ["ar"] = ["S.A.", "S.R.L."],
        ["pe"] = ["S.A.C.", "S.R.L."],
        ["cu"] = ["S.A."],
        ["ec"] = ["S.A.", "Cía. Ltda."],
        ["bo"] = ["S.R.L.", "S.A."],
        ["cl"] = ["SpA", "Ltda."],
        ["pk"] = ["(Private) Limited", "Pvt. Ltd.", "Ltd"],
        ["ng"] = ["Ltd", "Nigeria Limited", "Limited"],
        ["gh"] = ["Ltd", "Company Limited"],
        ["ne"] = ["SARL", "SA"],
        ["bj"] = ["SARL", "SA"],
        ["ci"] = ["SARL", "SA"],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static string[] LegalForms(string country) => FormsByCountry.GetValueOrDefault(country, DefaultForms);
}
