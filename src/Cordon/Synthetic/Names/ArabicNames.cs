namespace Cordon.Synthetic.Names;

/// <summary>Arabic names (Gulf, Levant, Iraq, Egypt, Maghreb) with the transliteration variety watchlists show.</summary>
internal static class ArabicNames
{
    public static readonly NameCulture Culture = new(
        "arabic",
        NameStyle.Arabic,
        Weight: 20,
        Male: NameForm.ParseAll([
            "Muhammad/Mohammed/Mohamed/Mohammad/Muhammed/Mohamad|محمد", "Ahmad/Ahmed|أحمد", "Ali|علي", "Omar/Umar|عمر",
            "Khalid/Khaled|خالد", "Hassan/Hasan|حسن", "Hussein/Husayn/Hussain/Husein|حسين", "Abdullah/Abdallah/Abd Allah|عبد الله",
            "Abdul Rahman/Abdulrahman/Abd al-Rahman/Abdelrahman|عبد الرحمن", "Abdul Aziz/Abdulaziz/Abd al-Aziz/Abdelaziz|عبد العزيز",
            "Ibrahim/Ebrahim/Brahim|إبراهيم", "Yusuf/Youssef/Yousef/Yousif|يوسف", "Mustafa/Mostafa/Moustafa|مصطفى",
            "Mahmoud/Mahmud/Mahmood|محمود", "Saeed/Said/Sa'id|سعيد", "Tariq/Tarek/Tareq|طارق", "Walid/Waleed|وليد",
            "Faisal/Faysal/Fayçal|فيصل", "Hamza/Hamzah|حمزة", "Bilal|بلال", "Usama/Osama/Oussama|أسامة", "Salim/Selim/Saleem|سليم",
            "Jamal/Gamal/Djamel|جمال", "Nasser/Nasir/Naser|ناصر", "Majid/Majed|ماجد", "Fahd/Fahad|فهد", "Sultan|سلطان",
            "Karim/Kareem|كريم", "Samir/Sameer|سمير", "Adel/Adil|عادل", "Rashid/Rachid/Rasheed|رشيد", "Anwar|أنور",
            "Ayman/Aymen|أيمن", "Ziad/Ziyad|زياد", "Hisham/Hicham|هشام", "Marwan|مروان", "Imad/Emad|عماد",
            "Nabil/Nabeel|نبيل", "Younis/Yunus/Younes|يونس", "Idris/Driss|إدريس", "Sulaiman/Suleiman/Slimane|سليمان",
            "Abdelkader/Abd al-Qadir/Abdulqadir|عبد القادر", "Abdul Karim/Abdulkarim/Abdelkarim|عبد الكريم", "Mansour/Mansur|منصور",
            "Qasim/Kassem/Qassem|قاسم", "Ammar|عمار", "Hamid/Hamed|حامد", "Jaber/Jabir|جابر", "Zakaria/Zakariya/Zakariyya|زكريا",
            "Anas|أنس", "Tawfiq/Tawfik/Toufik|توفيق", "Abbas|عباس", "Murad/Mourad|مراد", "Munir/Mounir|منير",
        ]),
        Female: NameForm.ParseAll([
            "Fatima/Fatma/Fatimah|فاطمة", "Aisha/Aicha/Aysha|عائشة", "Maryam/Mariam|مريم", "Khadija/Khadijah/Khadidja|خديجة",
            "Zainab/Zeinab/Zaynab|زينب", "Amina/Aminah|أمينة", "Layla/Leila/Laila|ليلى", "Nour/Noor/Nur|نور", "Huda/Hoda|هدى",
            "Salma|سلمى", "Rania|رانيا", "Yasmin/Yasmine/Jasmine|ياسمين", "Hanan|حنان", "Samira/Sameera|سميرة",
            "Latifa/Latifah|لطيفة", "Asma/Asmaa|أسماء", "Lubna/Loubna|لبنى", "Reem/Rim|ريم", "Dalia|داليا", "Mona/Muna|منى",
            "Nadia/Nadya|نادية", "Sara/Sarah|سارة", "Iman/Eman|إيمان", "Rasha|رشا", "Suad/Souad|سعاد", "Wafa/Wafaa|وفاء",
            "Jamila/Djamila|جميلة", "Nawal|نوال", "Hind|هند", "Ghada|غادة", "Safiya/Safia|صفية", "Rabab|رباب",
        ]),
        Family: NameForm.ParseAll([
            "al-Masri/al-Misri|المصري", "al-Tamimi/al-Timimi|التميمي", "al-Qahtani/al-Kahtani|القحطاني", "al-Shammari/al-Shamari|الشمري",
            "al-Harbi|الحربي", "al-Otaibi/al-Utaybi|العتيبي", "al-Zahrani|الزهراني", "al-Ghamdi|الغامدي", "al-Dosari/al-Dawsari|الدوسري",
            "al-Mutairi|المطيري", "al-Anazi/al-Enezi|العنزي", "al-Hashimi/al-Hashemi|الهاشمي", "al-Jubouri/al-Jaburi|الجبوري",
            "al-Dulaimi/al-Duleimi|الدليمي", "al-Obaidi/al-Ubaydi|العبيدي", "al-Hakim|الحكيم", "al-Amin|الأمين",
            "al-Sayed/al-Sayyid/el-Sayed|السيد", "al-Sharif/el-Sherif|الشريف", "al-Saadi/al-Sa'di|السعدي", "al-Khatib/el-Khatib|الخطيب",
            "al-Najjar/el-Naggar|النجار", "al-Haddad|الحداد", "al-Attar|العطار", "al-Shami|الشامي", "al-Halabi|الحلبي",
            "al-Yamani/al-Yemeni|اليماني", "al-Libi|الليبي", "al-Sudani|السوداني", "al-Maghribi|المغربي", "al-Jazairi|الجزائري",
            "al-Tunisi|التونسي", "al-Falahi|الفلاحي", "al-Mansouri/al-Mansuri|المنصوري", "al-Kaabi/al-Ka'bi|الكعبي",
            "al-Nuaimi/al-Naimi|النعيمي", "al-Marri|المري", "al-Kuwari|الكواري", "al-Balushi|البلوشي", "al-Harthi|الحارثي",
            "Haddad|حداد", "Khoury/Khouri|خوري", "Mansour/Mansur|منصور", "Saleh/Salih|صالح", "Hamdan|حمدان",
            "Darwish/Darwich|درويش", "Barakat|بركات", "Khalil/Khaleel|خليل", "Hijazi/Hegazy/Higazi|حجازي",
            "Othman/Osman/Uthman|عثمان", "Aziz|عزيز", "Ayoub/Ayyub|أيوب", "Abdel Fattah/Abdelfattah|عبد الفتاح",
            "Bensalem/Ben Salem|بن سالم", "el-Amrani/al-Amrani|العمراني", "Belkacem/Belgacem|بلقاسم", "Ouali|والي",
        ]),
        Countries: ["sa", "ae", "iq", "sy", "ye", "jo", "lb", "eg", "ly", "dz", "ma", "tn", "qa", "kw", "om", "bh", "sd", "ps"],
        OrganisationStems: [
            "Al-Noor", "Al-Amal", "Al-Baraka", "Al-Hayat", "Dar al-Salam", "Al-Rahma", "Al-Fajr", "Al-Safa", "Al-Wafa",
            "Al-Khaleej", "Al-Sahra", "Al-Nakheel", "Al-Rayan", "Al-Andalus", "Al-Zahra", "Bab al-Sharq", "Sinai", "Tigris", "Euphrates",
        ]);
}
