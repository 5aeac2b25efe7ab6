namespace Cordon.Synthetic.Names;

/// <summary>Persian (Iranian) names in Latin transliterations and Persian script.</summary>
internal static class PersianNames
{
    public static readonly NameCulture Culture = new(
        "persian",
        NameStyle.Persian,
        Weight: 9,
        Male: NameForm.ParseAll([
            "Mohammad/Mohammed/Muhammad|محمد", "Ali|علی", "Hossein/Hosein/Hussein|حسین", "Reza|رضا", "Mehdi/Mahdi|مهدی",
            "Hassan/Hasan|حسن", "Amir|امیر", "Ahmad/Ahmed|احمد", "Mahmoud/Mahmud|محمود", "Mostafa/Mustafa|مصطفی", "Abbas|عباس",
            "Saeed/Said|سعید", "Hamid|حمید", "Javad/Jawad|جواد", "Majid|مجید", "Morteza/Murtaza|مرتضی", "Ebrahim/Ibrahim|ابراهیم",
            "Davood/Davoud/Dawood|داوود", "Kazem/Kazim|کاظم", "Hamed|حامد", "Masoud/Massoud|مسعود", "Behrouz/Behruz|بهروز",
            "Farhad|فرهاد", "Kamran|کامران", "Dariush/Daryoush|داریوش", "Babak|بابک", "Bijan/Bizhan|بیژن", "Arash|آرش",
            "Omid|امید", "Navid|نوید", "Peyman/Payman|پیمان", "Siamak|سیامک", "Shahram|شهرام", "Ramin|رامین",
            "Mohsen/Mohssen|محسن", "Jafar/Ja'far|جعفر", "Esmail/Ismail|اسماعیل", "Nasser/Naser|ناصر", "Yousef/Yusuf|یوسف",
            "Houshang/Hushang|هوشنگ", "Manouchehr/Manuchehr|منوچهر", "Kourosh/Kurosh|کوروش",
        ]),
        Female: NameForm.ParseAll([
            "Fatemeh/Fatima|فاطمه", "Zahra|زهرا", "Maryam|مریم", "Masoumeh/Masumeh|معصومه", "Zeinab/Zaynab|زینب", "Narges|نرگس",
            "Leila/Layla|لیلا", "Sara|سارا", "Mina|مینا", "Shirin|شیرین", "Parisa|پریسا", "Nasrin|نسرین", "Azadeh|آزاده",
            "Elham|الهام", "Fereshteh|فرشته", "Mahnaz|مهناز", "Soheila|سهیلا", "Roya|رویا", "Niloufar/Niloofar|نیلوفر",
            "Shabnam|شبنم", "Marjan|مرجان", "Somayeh/Somaye|سمیه", "Tahereh/Tahere|طاهره", "Golnar|گلنار", "Samira|سمیرا",
            "Neda|ندا", "Mahsa|مهسا", "Parvin|پروین", "Farzaneh|فرزانه", "Akram|اکرم",
        ]),
        Family: NameForm.ParseAll([
            "Hosseini/Hosseyni|حسینی", "Rezaei/Rezaee/Rezai|رضایی", "Ahmadi|احمدی", "Mohammadi|محمدی", "Karimi|کریمی",
            "Jafari/Ja'fari|جعفری", "Rahimi|رحیمی", "Moradi|مرادی", "Sadeghi/Sadeqi|صادقی", "Ghorbani/Qorbani|قربانی",
            "Hashemi|هاشمی", "Najafi|نجفی", "Tehrani|تهرانی", "Kazemi|کاظمی", "Shirazi|شیرازی", "Esfahani/Isfahani|اصفهانی",
            "Zarei/Zare'i|زارعی", "Abbasi|عباسی", "Soleimani/Soleymani|سلیمانی", "Nouri/Nuri|نوری", "Rostami|رستمی",
            "Bagheri/Baqeri|باقری", "Amini|امینی", "Asadi|اسدی", "Akbari|اکبری", "Ebrahimi/Ibrahimi|ابراهیمی",
            "Heidari/Haidari/Heydari|حیدری", "Mousavi/Musavi/Moosavi|موسوی", "Salehi|صالحی", "Yazdani|یزدانی",
            "Farahani|فراهانی", "Khosravi|خسروی", "Ansari|انصاری", "Tavakoli/Tavakkoli|توکلی", "Mirzaei/Mirzaee|میرزایی",
            "Alavi|علوی", "Ghasemi/Qasemi|قاسمی", "Jalali|جلالی", "Naderi|نادری", "Sharifi|شریفی", "Vahidi|وحیدی",
            "Zamani|زمانی", "Rahmani|رحمانی", "Mahmoudi|محمودی", "Shahbazi|شهبازی",
        ]),
        Countries: ["ir", "ir", "ir", "ir", "af", "iq"],
        OrganisationStems: ["Pars", "Kish", "Aria", "Sepehr", "Tadbir", "Persia", "Alborz", "Zagros", "Caspian", "Khazar", "Setareh", "Farab"]);
}
