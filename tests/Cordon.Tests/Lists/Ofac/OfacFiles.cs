using System.Globalization;
using System.Text;
using Cordon.Lists;
using Cordon.Model;
using Cordon.Tests.Support;

namespace Cordon.Tests.Lists.Ofac;

/// <summary>Writes small OFAC files the way OFAC does (Latin-1, CRLF, <c>-0- </c> for empty, a final 0x1A byte).</summary>
internal static class OfacFiles
{
    public const string Empty = "-0- ";

    /// <summary>One sdn.csv row; text fields are quoted as OFAC quotes them.</summary>
    public static string SdnRow(
        int entNum,
        string name,
        string type = "individual",
        string program = "SDGT",
        string? remarks = null,
        string? title = null,
        string? callSign = null,
        string? vesselType = null,
        string? tonnage = null,
        string? grt = null,
        string? flag = null,
        string? owner = null) =>
        string.Join(',', entNum.ToString(CultureInfo.InvariantCulture), Quote(name), type == "" ? Empty : Quote(type), Quote(program),
            Quote(title), Quote(callSign), Quote(vesselType), Quote(tonnage), Quote(grt), Quote(flag), Quote(owner), Quote(remarks));

    public static string AltRow(int entNum, int altNum, string type, string name, string? remarks = null) =>
        string.Join(',', entNum.ToString(CultureInfo.InvariantCulture), altNum.ToString(CultureInfo.InvariantCulture), Quote(type), Quote(name), Quote(remarks));

    public static string AddRow(int entNum, int addNum, string? address, string? city, string? country, string? remarks = null) =>
        string.Join(',', entNum.ToString(CultureInfo.InvariantCulture), addNum.ToString(CultureInfo.InvariantCulture), Quote(address), Quote(city), Quote(country), Quote(remarks));

    /// <summary>A folder holding the files given; a null file is not written at all.</summary>
    public static string CsvSet(IEnumerable<string>? sdn, IEnumerable<string>? alt = null, IEnumerable<string>? add = null, IEnumerable<string>? comments = null)
    {
        var folder = TestData.TempDirectory();
        Write(folder, "sdn.csv", sdn);
        Write(folder, "alt.csv", alt);
        Write(folder, "add.csv", add);
        Write(folder, "sdn_comments.csv", comments);
        return folder;
    }

    /// <summary>A scratch file with exactly this text.</summary>
    public static string TextFile(string name, string text)
    {
        var path = Path.Combine(TestData.TempDirectory(), name);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    /// <summary>An sdn.xml document holding the given sdnEntry elements.</summary>
    public static string XmlDocument(params string[] entries) =>
        "<?xml version=\"1.0\" standalone=\"yes\"?>\n"
        + "<sdnList xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns=\"http://tempuri.org/sdnList.xsd\">\n"
        + $"  <publshInformation><Publish_Date>04/06/2018</Publish_Date><Record_Count>{entries.Length}</Record_Count></publshInformation>\n"
        + string.Concat(entries.Select(e => e + "\n"))
        + "</sdnList>\n";

    public static List<Entity> ReadCsv(string path, ImportContext? context = null) =>
        [.. new Cordon.Lists.Ofac.OfacCsvReader().Read(path, context ?? new ImportContext("ofac"), CancellationToken.None)];

    public static List<Entity> ReadXml(string path, ImportContext? context = null) =>
        [.. new Cordon.Lists.Ofac.OfacXmlReader().Read(path, context ?? new ImportContext("ofac"), CancellationToken.None)];

    public static Entity Single(IEnumerable<Entity> entities, string id) => Assert.Single(entities, e => e.Id == id);

    private static string Quote(string? text) => text is null ? Empty : $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    private static void Write(string folder, string name, IEnumerable<string>? rows)
    {
        if (rows is null)
        {
            return;
        }

        var text = string.Concat(rows.Select(r => r + "\r\n")) + "\u001A";
        File.WriteAllBytes(Path.Combine(folder, name), Encoding.Latin1.GetBytes(text));
    }
}
