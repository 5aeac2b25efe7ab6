namespace Cordon.Synthetic.Names;

/// <summary>Turkish names in Turkish spelling (lists also write them folded to ASCII).</summary>
internal static class TurkishNames
{
    public static readonly NameCulture Culture = new(
        "turkish",
        NameStyle.Plain,
        Weight: 6,
        Male: NameForm.ParseAll([
            "Mehmet/Mehmed", "Mustafa", "Ahmet/Ahmed", "Ali", "Hüseyin", "Hasan", "İbrahim", "İsmail", "Osman", "Yusuf", "Murat",
            "Ömer", "Ramazan", "Halil", "Süleyman", "Abdullah", "Mahmut", "Kemal", "Emre", "Burak", "Serkan", "Volkan", "Fatih",
            "Orhan", "Cem", "Erkan", "Selim", "Tuncay", "Uğur", "Barış", "Kadir", "Yaşar", "Cengiz", "Tolga", "Hakan", "Onur",
            "Bülent", "Levent", "Erdem", "Sinan",
        ]),
        Female: NameForm.ParseAll([
            "Ayşe", "Fatma", "Emine", "Hatice", "Zeynep", "Elif", "Meryem", "Şerife", "Zehra", "Sultan", "Hülya", "Esra", "Özlem",
            "Gül", "Merve", "Büşra", "Derya", "Sevgi", "Yasemin", "Ebru", "Gülşen", "Filiz", "Nurcan", "Tuğba", "Aslı", "Dilek",
        ]),
        Family: NameForm.ParseAll([
            "Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Yıldırım", "Öztürk", "Aydın", "Özdemir", "Arslan", "Doğan",
            "Kılıç", "Aslan", "Çetin", "Kara", "Koç", "Kurt", "Özkan", "Şimşek", "Polat", "Korkmaz", "Karataş", "Erdem", "Güneş",
            "Aksoy", "Bulut", "Keskin", "Ünal", "Tekin", "Acar", "Taş", "Avcı", "Kaplan", "Bozkurt", "Turan", "Çakır", "Yavuz",
            "Ateş", "Sarı", "Güler", "Uçar", "Karaca", "Tunç", "Başaran", "Coşkun",
        ]),
        Countries: ["tr", "tr", "tr", "tr", "tr", "cy", "de", "az"],
        OrganisationStems: ["Anadolu", "Marmara", "Ege", "Boğaziçi", "Yıldız", "Toros", "Karadeniz", "Kapadokya", "Hilal", "Akdeniz"]);
}
