namespace Cordon.Synthetic.Names;

/// <summary>Akan names (Ghana, Côte d'Ivoire): day names with their regional spellings, and Christian given names.</summary>
internal static class AkanNames
{
    public static readonly NameCulture Culture = new(
        "akan",
        NameStyle.Plain,
        Weight: 3,
        Male: NameForm.ParseAll([
            "Kwame/Kwamena/Kwamina", "Kofi/Fiifi", "Kwaku/Kweku", "Kwabena/Kobina/Ebo", "Kwasi/Kwesi/Akwasi", "Yaw/Ekow",
            "Kwadwo/Kojo/Jojo", "Emmanuel", "Samuel", "Isaac", "Daniel", "Joseph", "Prince", "Richard", "Ebenezer", "Michael",
            "Kwaw", "Nana Kwame", "Francis", "Stephen", "Bernard",
        ]),
        Female: NameForm.ParseAll([
            "Ama/Amma", "Akua/Ekua", "Abena/Abenaa/Araba", "Afua/Efua/Afia", "Yaa/Aba", "Adwoa/Adjoa/Adwoba", "Akosua/Esi",
            "Grace", "Comfort", "Mercy", "Patience", "Gifty", "Abigail", "Joyce", "Felicia", "Vida", "Rita", "Nana Ama",
        ]),
        Family: NameForm.ParseAll([
            "Mensah", "Owusu", "Boateng", "Asante/Ashanti", "Osei", "Agyeman/Agyemang", "Appiah", "Amoah", "Acheampong",
            "Adjei/Adjeh", "Ansah", "Antwi", "Asamoah", "Badu", "Bonsu", "Darko", "Donkor", "Frimpong", "Gyamfi", "Ofori",
            "Oppong", "Opoku", "Sarpong", "Yeboah", "Amponsah", "Baffour/Baffoe", "Kyei", "Nkansah", "Obeng", "Ampofo",
            "Asiedu", "Danso", "Fosu", "Kusi", "Mintah", "Nyarko", "Ofosu", "Quaye", "Tetteh", "Wiredu",
        ]),
        Countries: ["gh", "gh", "gh", "ci"],
        OrganisationStems: ["Volta", "Ashanti", "Gold Coast", "Kumasi", "Adinkra", "Sankofa", "Akwaaba", "Bono"]);
}
