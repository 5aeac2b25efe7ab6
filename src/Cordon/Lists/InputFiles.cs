using System.Text;

namespace Cordon.Lists;

/// <summary>Checks shared by every importer before parsing: the file exists, is not empty and is not binary.</summary>
public static class InputFiles
{
    /// <summary>Throws <see cref="ImportException"/> when the path cannot be imported as a text file.</summary>
    public static void CheckTextFile(string path)
    {
        if (Directory.Exists(path))
        {
            throw new ImportException(path, null, null, "is a directory, not a file");
        }

        if (!File.Exists(path))
        {
            throw new ImportException(path, null, null, "file not found");
        }

        var info = new FileInfo(path);
        if (info.Length == 0)
        {
            throw new ImportException(path, null, null, "file is empty");
        }

        Span<byte> head = stackalloc byte[8192];
        int read;
        using (var stream = File.OpenRead(path))
        {
            read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }

        var sample = head[..read];
        if (sample.IndexOf((byte)0) >= 0 && !(sample.Length >= 2 && (sample[0] == 0xFF || sample[0] == 0xFE)))
        {
            throw new ImportException(path, 1, null, "binary data (NUL bytes): not a text file");
        }
    }

    /// <summary>Opens a text file with the given encoding (UTF-8 by default, honouring a byte-order mark).</summary>
    public static StreamReader OpenText(string path, Encoding? encoding = null) =>
        new(path, encoding ?? new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, new FileStreamOptions { BufferSize = 1 << 16 });
}
