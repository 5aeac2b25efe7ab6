namespace Cordon.Synthetic.Names;

/// <summary>Pakistani (Urdu, Punjabi, Pashto) names in their common English spellings.</summary>
internal static class PakistaniNames
{
    public static readonly NameCulture Culture = new(
        "pakistani",
        NameStyle.Pakistani,
        Weight: 9,
        Male: NameForm.ParseAll([
            "Ahmed/Ahmad", "Ali", "Imran", "Asif", "Tariq/Tarik", "Faisal/Faysal", "Kamran", "Usman/Osman/Uthman", "Bilal", "Hamza",
            "Zahid", "Shahid", "Naveed/Navid", "Waqar", "Adnan", "Irfan", "Rizwan", "Junaid", "Arshad", "Javed/Javaid/Jawed",
            "Nadeem/Nadim", "Sajid", "Khurram", "Shoaib/Shoayb", "Waseem/Wasim", "Zubair/Zubayr", "Aamir/Amir", "Fahad/Fahd",
            "Saqib/Saquib", "Abdul Ghaffar/Abdulghaffar", "Ghulam Mustafa/Ghulam Mustapha", "Rashid/Rasheed", "Mansoor/Mansur",
            "Tahir", "Nasir/Nasser", "Yasir/Yasser", "Umar/Omar", "Haroon/Harun", "Atif", "Qaiser/Kaiser", "Ikram", "Shafiq/Shafique",
        ]),
        Female: NameForm.ParseAll([
            "Ayesha/Aisha/Aysha", "Fatima/Fatimah", "Sana", "Saima", "Nadia", "Rabia", "Hina", "Amna/Amina", "Mehwish", "Sadia",
            "Farah", "Bushra", "Nazia", "Shazia", "Uzma", "Asma", "Samina", "Kiran", "Zainab/Zaynab", "Mariam/Maryam", "Iqra",
            "Sidra", "Rukhsana", "Naila", "Tahira", "Shabana", "Parveen/Perveen", "Nusrat",
        ]),
        Family: NameForm.ParseAll([
            "Khan", "Malik", "Qureshi/Qureshy/Kureshi", "Chaudhry/Chaudhary/Choudhry", "Butt", "Sheikh/Shaikh", "Siddiqui/Siddiqi",
            "Akhtar", "Hussain/Husain", "Raza", "Iqbal", "Mirza", "Abbasi", "Awan", "Bhatti", "Baig/Beg", "Gondal", "Jamil/Jameel",
            "Javed", "Kazmi", "Mahmood/Mehmood/Mahmud", "Niazi", "Rana", "Rehman/Rahman", "Shah", "Anwar", "Aslam", "Bukhari",
            "Gilani/Gillani", "Hashmi", "Latif/Lateef", "Mughal", "Naqvi", "Rizvi", "Saleem/Salim", "Yousaf/Yusuf", "Zaidi",
            "Afridi", "Durrani", "Khattak", "Cheema", "Warraich", "Sandhu", "Ansari", "Memon", "Soomro", "Jatoi",
        ]),
        Countries: ["pk", "pk", "pk", "pk", "pk", "af", "gb", "ae"],
        OrganisationStems: ["Indus", "Karakoram", "Margalla", "Ravi", "Chenab", "Khyber", "Mehran", "Sapphire", "Crescent", "Al-Hilal", "Shalimar"]);

    /// <summary>The spellings of the name that many Pakistani men carry before their given name.</summary>
    public static readonly NameForm Muhammad = NameForm.Parse("Muhammad/Mohammad/Muhammed/Mohammed/Mohd.");
}
