using System.Xml;
using System.Xml.Linq;
using Cordon.Model;

namespace Cordon.Lists.Un;

/// <summary>
/// Reads the UN Security Council Consolidated List XML: each INDIVIDUAL becomes a Person and each ENTITY an
/// Organization, with their Sanction, Passport/Identification and Address entities. Ids and delta keys come from the
/// UN reference number (<c>QDi.325</c> → <c>un-QDi.325</c>), which is stable across list versions.
/// </summary>
public sealed class UnXmlReader : IListReader
{
    public string Format => "un";

    public string DefaultDataset => "un";

    public string DefaultOwner => "UNSC";

    public IEnumerable<Entity> Read(string path, ImportContext context, CancellationToken cancellationToken)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreWhitespace = true,
            CloseInput = true,
        };
        using var reader = XmlReader.Create(InputFiles.OpenText(path), settings);
        var cursor = new Cursor(reader, path);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (cursor.Next() is { } record)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var entity in UnRecordMapper.Map(record.Element, context, path, record.Line, seen))
            {
                yield return entity;
            }
        }
    }

    /// <summary>Walks the document one INDIVIDUAL or ENTITY subtree at a time, so memory stays flat.</summary>
    private sealed class Cursor(XmlReader reader, string path)
    {
        private readonly IXmlLineInfo _lineInfo = (IXmlLineInfo)reader;
        private bool _sawRoot;
        private bool _positioned;

        public (XElement Element, long Line)? Next()
        {
            try
            {
                while (true)
                {
                    if (!_positioned && !reader.Read())
                    {
                        if (!_sawRoot)
                        {
                            throw new ImportException(path, 1, null, "no CONSOLIDATED_LIST element: not a UN consolidated list");
                        }

                        return null;
                    }

                    _positioned = false;
                    if (reader.NodeType != XmlNodeType.Element)
                    {
                        continue;
                    }

                    if (!_sawRoot)
                    {
                        if (reader.Name != "CONSOLIDATED_LIST")
                        {
                            throw new ImportException(path, _lineInfo.LineNumber, null, $"root element is <{reader.Name}>, expected <CONSOLIDATED_LIST>: not a UN consolidated list");
                        }

                        _sawRoot = true;
                        continue;
                    }

                    if (reader.Name is "INDIVIDUALS" or "ENTITIES")
                    {
                        continue;
                    }

                    if (reader.Name is "INDIVIDUAL" or "ENTITY")
                    {
                        long line = _lineInfo.LineNumber;
                        var element = (XElement)XNode.ReadFrom(reader);
                        _positioned = true;
                        return (element, line);
                    }

                    // Sections Cordon does not know are skipped whole, so that a new section does not break imports.
                    reader.Skip();
                    _positioned = true;
                }
            }
            catch (XmlException ex)
            {
                throw new ImportException(path, ex.LineNumber, null, $"malformed XML: {ex.Message}", ex);
            }
        }
    }
}
