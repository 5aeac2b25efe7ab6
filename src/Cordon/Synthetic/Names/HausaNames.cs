namespace Cordon.Synthetic.Names;

/// <summary>Hausa names (northern Nigeria, Niger), where a father's given name often serves as the family name.</summary>
internal static class HausaNames
{
    public static readonly NameCulture Culture = new(
        "hausa",
        NameStyle.Plain,
        Weight: 5,
        Male: NameForm.ParseAll([
            "Abubakar/Abubakr/Abu Bakar", "Usman/Usuman/Othman", "Musa", "Ibrahim", "Aminu", "Sani", "Bello", "Garba",
            "Yusuf/Yusufu", "Abdullahi", "Mustapha/Mustafa", "Haruna", "Idris", "Lawal", "Nasiru/Nasir", "Shehu", "Umar/Umaru",
            "Kabiru/Kabir", "Sule/Suleiman", "Danjuma", "Tanko", "Auwal/Auwalu", "Bashir/Bashiru", "Jibril/Jibrin", "Salisu",
            "Aliyu", "Muhammadu/Muhammad/Mohammed", "Ismaila/Ismail", "Adamu", "Yakubu", "Hamisu", "Nura", "Habibu", "Rabiu",
        ]),
        Female: NameForm.ParseAll([
            "Aishatu/Aisha/A'isha", "Fatima/Fatimah/Fati", "Hauwa", "Zainab", "Hadiza", "Amina/Aminatu", "Halima/Halimatu",
            "Maryam/Mariya", "Rakiya", "Hafsat/Hafsatu", "Binta", "Asabe", "Ladi", "Jamila", "Saratu", "Khadija/Hadiza",
            "Bilkisu", "Habiba", "Zulai", "Larai", "Safiya", "Rahama",
        ]),
        Family: NameForm.ParseAll([
            "Abubakar", "Bello", "Musa", "Danjuma", "Garba", "Sani", "Usman", "Yusuf", "Ibrahim", "Abdullahi", "Lawal", "Aliyu",
            "Shehu", "Tijjani/Tijani", "Suleiman/Sulaiman", "Mohammed/Muhammad", "Umar", "Haruna", "Idris", "Yakubu", "Adamu",
            "Bala", "Gambo", "Inuwa", "Jibrin", "Kabir", "Mahmud/Mahmoud", "Nuhu", "Rabiu", "Sambo", "Tukur", "Waziri",
            "Zubairu/Zubair", "Maikudi", "Dikko", "Gwarzo", "Kurfi", "Dahiru", "Baba", "Isa",
        ]),
        Countries: ["ng", "ng", "ng", "ne", "ng"],
        OrganisationStems: ["Sahel", "Arewa", "Kano", "Zaria", "Savannah", "Hausaland", "Kwara", "Jigawa"]);
}
