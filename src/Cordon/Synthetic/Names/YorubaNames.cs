namespace Cordon.Synthetic.Names;

/// <summary>Yoruba names (south-western Nigeria, Benin).</summary>
internal static class YorubaNames
{
    public static readonly NameCulture Culture = new(
        "yoruba",
        NameStyle.Plain,
        Weight: 4,
        Male: NameForm.ParseAll([
            "Adebayo/Bayo", "Oluwaseun/Seun", "Babatunde/Tunde", "Olumide/Mide", "Adewale/Wale", "Ayodele/Dele", "Olusegun/Segun",
            "Kayode", "Oluwafemi/Femi", "Akinwale", "Gbenga/Oluwagbenga", "Kunle/Olakunle", "Dapo/Oladapo", "Ademola/Demola",
            "Olalekan/Lekan", "Rotimi/Timi", "Bamidele", "Adeniyi/Niyi", "Oluwatobi/Tobi", "Ayomide", "Adekunle",
            "Akinola", "Olufemi", "Temitope/Tope", "Oladele", "Ifeoluwa", "Babajide/Jide",
        ]),
        Female: NameForm.ParseAll([
            "Folake", "Funmilayo/Funmi", "Adenike/Nike", "Yetunde/Yetty", "Bukola/Bukky", "Titilayo/Titi", "Omolara/Lara",
            "Abimbola/Bimbo", "Oluwakemi/Kemi", "Morenike/Renike", "Ronke/Oluwaronke", "Sade/Folasade", "Bolanle/Bola",
            "Olufunke/Funke", "Adeola", "Modupe/Dupe", "Olabisi/Bisi", "Iyabo", "Yewande", "Omotola/Tola", "Kehinde", "Taiwo",
        ]),
        Family: NameForm.ParseAll([
            "Adeyemi", "Ogunleye", "Adebayo", "Olawale", "Akinola", "Ogunbiyi", "Adeleke", "Oyelaran", "Afolabi", "Balogun",
            "Oladipo", "Ajayi", "Adesina", "Akande", "Alabi", "Babalola", "Bankole", "Durojaiye", "Fadeyi", "Fagbemi",
            "Ibikunle", "Ilori", "Kolawole", "Lawal", "Makinde", "Odunsi", "Ogundipe", "Ojo", "Olaniyan", "Oyewole", "Salami",
            "Sowunmi", "Adeoye", "Ogunsanya", "Oyedepo", "Akintola", "Olatunji", "Adegoke", "Oduya", "Fashina",
        ]),
        Countries: ["ng", "ng", "ng", "bj"],
        OrganisationStems: ["Oduduwa", "Ogun", "Osun", "Lagoon", "Oyo", "Ibadan", "Egbe", "Ilesanmi"]);
}
