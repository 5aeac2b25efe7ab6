namespace Cordon.Synthetic.Names;

/// <summary>English names (UK, US, Commonwealth); the variants of a given name are its nicknames.</summary>
internal static class EnglishNames
{
    public static readonly NameCulture Culture = new(
        "english",
        NameStyle.English,
        Weight: 9,
        Male: NameForm.ParseAll([
            "James/Jim/Jimmy", "John/Jack/Johnny", "Robert/Bob/Rob/Bobby", "Michael/Mike/Mick", "William/Bill/Will/Billy",
            "David/Dave", "Richard/Rick/Dick/Richie", "Joseph/Joe", "Thomas/Tom/Tommy", "Charles/Charlie/Chuck",
            "Christopher/Chris", "Daniel/Dan/Danny", "Matthew/Matt", "Anthony/Tony", "Mark", "Paul", "Steven/Steve",
            "Andrew/Andy/Drew", "Kenneth/Ken/Kenny", "Joshua/Josh", "Kevin", "Brian", "George", "Timothy/Tim", "Ronald/Ron/Ronnie",
            "Edward/Ed/Eddie/Ted", "Jason", "Jeffrey/Jeff", "Ryan", "Jacob/Jake", "Gary", "Nicholas/Nick", "Eric", "Jonathan/Jon",
            "Stephen/Steve", "Peter/Pete", "Simon", "Graham", "Neil", "Liam", "Patrick/Pat/Paddy", "Samuel/Sam",
        ]),
        Female: NameForm.ParseAll([
            "Mary", "Patricia/Pat/Patty", "Jennifer/Jen/Jenny", "Linda", "Elizabeth/Liz/Beth/Betty", "Barbara/Barb",
            "Susan/Sue/Susie", "Jessica/Jess", "Sarah", "Karen", "Lisa", "Nancy", "Margaret/Maggie/Peggy", "Sandra/Sandy",
            "Ashley", "Emily", "Donna", "Michelle", "Carol", "Amanda/Mandy", "Melissa/Mel", "Deborah/Debbie/Deb",
            "Stephanie/Steph", "Rebecca/Becky", "Laura", "Helen", "Emma", "Charlotte/Charlie", "Sophie", "Claire",
            "Katherine/Kate/Kathy", "Victoria/Vicky",
        ]),
        Family: NameForm.ParseAll([
            "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson", "Taylor", "Thomas", "Moore",
            "Jackson", "Martin", "Thompson", "White", "Harris", "Clark", "Lewis", "Robinson", "Walker", "Young", "Allen", "King",
            "Wright", "Scott", "Hill", "Green", "Adams", "Baker", "Nelson", "Carter", "Mitchell", "Roberts", "Turner", "Phillips",
            "Campbell", "Parker", "Evans", "Edwards", "Collins", "Stewart", "Morris", "Murphy", "Cook", "Rogers", "Morgan",
            "Cooper", "Peterson", "Reed", "Bailey", "Bell", "Kelly", "Howard", "Ward", "Cox", "Richardson", "Wood", "Watson",
            "Brooks", "Bennett", "Gray/Grey", "Hughes", "Price", "Fisher", "O'Brien", "O'Connor", "McDonald/MacDonald", "Fitzgerald",
        ]),
        Countries: ["gb", "gb", "us", "us", "us", "ca", "au", "ie", "nz"],
        OrganisationStems: ["Atlantic", "Northern Star", "Crown", "Albion", "Highland", "Kingsway", "Westbridge", "Redwood", "Harbour", "Oakfield", "Summit"])
    {
        AnySpelling = false,
    };
}
