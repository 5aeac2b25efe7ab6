namespace Cordon.Lists;

/// <summary>Input refused by an importer: names the file, the line (when known), the field (when known) and why.</summary>
public sealed class ImportException(string file, long? line, string? field, string reason, Exception? inner = null)
    : Exception(Format(file, line, field, reason), inner)
{
    public string File { get; } = file;

    public long? Line { get; } = line;

    public string? Field { get; } = field;

    public string Reason { get; } = reason;

    private static string Format(string file, long? line, string? field, string reason)
    {
        var where = line is { } l ? $"{file}:{l}" : file;
        return field is null ? $"{where}: {reason}" : $"{where}: {field}: {reason}";
    }
}
