using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Cordon.Model;

namespace Cordon.Lists.Ofac;

/// <summary>
/// Reads OFAC's XML in the <c>sdn.xml</c> schema (SDN or consolidated list), one <c>sdnEntry</c> subtree at a time.
/// Ids come from the entry's uid, which is the ent_num of the CSV set, so both formats of a list give the same ids.
/// </summary>
public sealed class OfacXmlReader : IListReader
{
    public string Format => "ofac-xml";

    public string DefaultDataset => "ofac";

    public string DefaultOwner => "OFAC";

    public IEnumerable<Entity> Read(string path, ImportContext context, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new ImportException(path, null, null, "file not found");
        }

        return ReadEntries(path, context, cancellationToken);
    }

    private static IEnumerable<Entity> ReadEntries(string path, ImportContext context, CancellationToken cancellationToken)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreWhitespace = true,
            IgnoreProcessingInstructions = true,
            CloseInput = true,
        };
        using var reader = XmlReader.Create(InputFiles.OpenText(path), settings);
        var cursor = new Cursor(reader, path);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (cursor.Next() is { } next)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var entity in MapEntry(next.Entry, next.Line, path, context, seen))
            {
                yield return entity;
            }
        }

        if (seen.Count == 0)
        {
            throw new ImportException(path, null, null, "no sdnEntry elements: refusing to import an empty list");
        }

        if (cursor.RecordCount is { } expected && expected != seen.Count)
        {
            context.Warn($"{Path.GetFileName(path)}: Record_Count says {expected} entries, the file holds {seen.Count}");
        }
    }

    private static List<Entity> MapEntry(XElement entry, long line, string path, ImportContext context, HashSet<string> seen)
    {
        var uid = Text(entry, "uid") ?? throw new ImportException(path, line, "uid", "sdnEntry has no uid");
        if (uid.Length > 12 || !long.TryParse(uid, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            throw new ImportException(path, line, "uid", $"'{PropertyValues.CollapseWhitespace(uid)}' is not a number");
        }

        if (!seen.Add(uid))
        {
            throw new ImportException(path, line, "uid", $"uid {uid} appears twice");
        }

        var type = Text(entry, "sdnType");
        var record = new OfacRecord(context, uid, SchemaOf(type, path, line, context), $"{Path.GetFileName(path)}:{line}");
        try
        {
            var name = NameOf(entry, record.Is("Person"))
                ?? throw new ImportException(path, line, "lastName", $"sdnEntry {uid} has no name");
            record.Set("name", name, $"Name: {name}");
            record.Set("firstName", Text(entry, "firstName"), $"First name: {Text(entry, "firstName")}");
            record.Set("lastName", record.Is("Person") ? Text(entry, "lastName") : null, $"Last name: {Text(entry, "lastName")}");
            if (Text(entry, "title") is { } title)
            {
                record.Set("position", title, $"Title: {title}");
            }

            foreach (var program in Items(entry, "programList", "program"))
            {
                record.AddProgram(program.Value);
            }

            MapAliases(record, entry);
            MapIds(record, entry);
            MapAddresses(record, entry);
            MapPersonal(record, entry);
            MapVessel(record, entry);
            if (Text(entry, "remarks") is { } remarks)
            {
                record.Note(remarks);
            }

            return [.. record.Build()];
        }
        catch (ModelException ex)
        {
            throw new ImportException(path, line, ex.Field, ex.Reason, ex);
        }
    }

    private static void MapAliases(OfacRecord record, XElement entry)
    {
        foreach (var aka in Items(entry, "akaList", "aka"))
        {
            var name = NameOf(aka, record.Is("Person"));
            if (name is null)
            {
                continue;
            }

            var type = Text(aka, "type") ?? "a.k.a.";
            var weak = string.Equals(Text(aka, "category"), "weak", StringComparison.OrdinalIgnoreCase);

            // f.k.a. stays a previous name even when weak, as the CSV remarks' quoted f.k.a. names do.
            var property = type.StartsWith("f.k.a", StringComparison.OrdinalIgnoreCase) ? "previousName" : weak ? "weakAlias" : "alias";
            record.Set(property, name, $"{type} {name}");
        }
    }

    private static void MapIds(OfacRecord record, XElement entry)
    {
        foreach (var id in Items(entry, "idList", "id"))
        {
            var idType = Text(id, "idType");
            var number = Text(id, "idNumber");
            if (idType is null || number is null)
            {
                if ((idType ?? number) is { } lone)
                {
                    record.Note(lone);
                }

                continue;
            }

            OfacFacts.ApplyId(record, idType, number, Text(id, "idCountry"), Text(id, "issueDate"), Text(id, "expirationDate"));
        }
    }

    private static void MapAddresses(OfacRecord record, XElement entry)
    {
        foreach (var address in Items(entry, "addressList", "address"))
        {
            var street2 = string.Join(", ", new[] { Text(address, "address2"), Text(address, "address3") }.OfType<string>());
            record.AddAddress(
                Text(address, "uid"),
                new OfacAddress(
                    Text(address, "address1"),
                    street2,
                    Text(address, "city"),
                    Text(address, "stateOrProvince"),
                    Text(address, "postalCode"),
                    Text(address, "region"),
                    Text(address, "country")));
        }
    }

    private static void MapPersonal(OfacRecord record, XElement entry)
    {
        foreach (var item in Items(entry, "nationalityList", "nationality"))
        {
            record.SetCountry("nationality", Text(item, "country"), $"nationality {Text(item, "country")}");
        }

        foreach (var item in Items(entry, "citizenshipList", "citizenship"))
        {
            record.SetCountry("citizenship", Text(item, "country"), $"citizen {Text(item, "country")}");
        }

        foreach (var item in Items(entry, "dateOfBirthList", "dateOfBirthItem"))
        {
            if (Text(item, "dateOfBirth") is { } date)
            {
                record.AddDates("birthDate", date, $"DOB {date}");
            }
        }

        foreach (var item in Items(entry, "placeOfBirthList", "placeOfBirthItem"))
        {
            if (Text(item, "placeOfBirth") is { } place)
            {
                record.AddBirthPlace(place, $"POB {place}");
            }
        }
    }

    private static void MapVessel(OfacRecord record, XElement entry)
    {
        if (Child(entry, "vesselInfo") is not { } vessel)
        {
            return;
        }

        (string Element, string Property, string Label)[] fields =
        [
            ("callSign", "callSign", "Call sign"), ("vesselType", "type", "Vessel type"),
            ("tonnage", "tonnage", "Tonnage"), ("grossRegisteredTonnage", "grossRegisteredTonnage", "GRT"),
        ];
        foreach (var (element, property, label) in fields)
        {
            if (Text(vessel, element) is { } value)
            {
                record.Set(property, value, $"{label}: {value}");
            }
        }

        if (Text(vessel, "vesselFlag") is { } flag)
        {
            record.SetCountry("flag", flag, $"Flag: {flag}");
        }

        if (Text(vessel, "vesselOwner") is { } owner)
        {
            record.Note($"Owner: {owner}");
        }
    }

    private static Schema SchemaOf(string? type, string path, long line, ImportContext context)
    {
        switch (type?.ToUpperInvariant())
        {
            case "INDIVIDUAL": return Schemata.Person;
            case "ENTITY": return Schemata.Organization;
            case "VESSEL": return Schemata.Vessel;
            case "AIRCRAFT": return Schemata.Airplane;
            default:
                context.Warn($"{Path.GetFileName(path)}:{line}: sdnType '{type}' is unknown; read as a legal entity");
                return Schemata.LegalEntity;
        }
    }

    // Individuals read "firstName lastName" in the XML; entities, vessels and aircraft only have a lastName.
    private static string? NameOf(XElement element, bool person)
    {
        var first = Text(element, "firstName");
        var last = Text(element, "lastName");
        return (first, last) switch
        {
            (null, null) => null,
            (null, _) => last,
            (_, null) => first,
            _ => person ? $"{first} {last}" : $"{last} {first}",
        };
    }

    private static XElement? Child(XElement element, string name) =>
        element.Elements().FirstOrDefault(e => string.Equals(e.Name.LocalName, name, StringComparison.Ordinal));

    private static IEnumerable<XElement> Items(XElement element, string list, string item) =>
        Child(element, list)?.Elements().Where(e => string.Equals(e.Name.LocalName, item, StringComparison.Ordinal)) ?? [];

    private static string? Text(XElement element, string name)
    {
        var text = Child(element, name)?.Value.Trim();
        return string.IsNullOrEmpty(text) ? null : text;
    }

    /// <summary>Walks the document one sdnEntry at a time; anything else under the root is skipped whole.</summary>
    private sealed class Cursor(XmlReader reader, string path)
    {
        private readonly IXmlLineInfo _lineInfo = (IXmlLineInfo)reader;
        private bool _sawRoot;
        private bool _positioned;

        /// <summary>The entry count the file's publshInformation states, when it states one.</summary>
        public int? RecordCount { get; private set; }

        public (XElement Entry, long Line)? Next()
        {
            try
            {
                while (true)
                {
                    if (!_positioned && !reader.Read())
                    {
                        return _sawRoot ? null : throw new ImportException(path, 1, null, "no root element: not an OFAC sdnList document");
                    }

                    _positioned = false;
                    if (reader.NodeType != XmlNodeType.Element)
                    {
                        continue;
                    }

                    long line = _lineInfo.LineNumber;
                    if (!_sawRoot)
                    {
                        if (!string.Equals(reader.LocalName, "sdnList", StringComparison.Ordinal))
                        {
                            throw new ImportException(path, line, null, $"root element is <{reader.Name}>, expected <sdnList>: not an OFAC sdn.xml document");
                        }

                        _sawRoot = true;
                        continue;
                    }

                    var element = (XElement)XNode.ReadFrom(reader);
                    _positioned = true;
                    if (string.Equals(element.Name.LocalName, "sdnEntry", StringComparison.Ordinal))
                    {
                        return (element, line);
                    }

                    if (string.Equals(element.Name.LocalName, "publshInformation", StringComparison.Ordinal)
                        && int.TryParse(Text(element, "Record_Count"), NumberStyles.None, CultureInfo.InvariantCulture, out var count))
                    {
                        RecordCount = count;
                    }
                }
            }
            catch (XmlException ex)
            {
                // Some refusals (a DTD) carry no position of their own; the reader still knows where it stopped.
                long line = ex.LineNumber > 0 ? ex.LineNumber : _lineInfo.LineNumber;
                throw new ImportException(path, line > 0 ? line : null, null, $"malformed XML: {ex.Message}", ex);
            }
        }
    }
}
