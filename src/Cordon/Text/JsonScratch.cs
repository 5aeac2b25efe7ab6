using System.Buffers;
using System.Text.Json;
using Cordon.Model;

namespace Cordon.Text;

/// <summary>
/// A buffer and a JSON writer kept per thread and reused from one small document to the next, so that writing and
/// hashing audit entries (several a request) allocates only its result. <see cref="Take"/> hands the thread's scratch
/// out and disposing gives it back; a nested <see cref="Take"/> on the same thread gets a fresh one, and one that grew
/// past <see cref="KeepAtMost"/> bytes is dropped rather than kept.
/// </summary>
internal sealed class JsonScratch : IDisposable
{
    /// <summary>The most a kept buffer may hold; a larger document's buffer goes to the collector.</summary>
    public const int KeepAtMost = 64 * 1024;

    [ThreadStatic]
    private static JsonScratch? _relaxed;

    [ThreadStatic]
    private static JsonScratch? _strict;

    private readonly bool _isRelaxed;

    private JsonScratch(bool relaxed)
    {
        _isRelaxed = relaxed;
        Writer = new Utf8JsonWriter(Buffer, relaxed ? EntityJson.WriterOptions : default);
    }

    public ArrayBufferWriter<byte> Buffer { get; } = new(1024);

    public Utf8JsonWriter Writer { get; }

    /// <summary>
    /// The thread's scratch, empty: with <paramref name="relaxed"/> its writer leaves non-ASCII and HTML characters
    /// unescaped (<see cref="EntityJson.WriterOptions"/>), otherwise it has the writer's default settings.
    /// </summary>
    public static JsonScratch Take(bool relaxed)
    {
        var scratch = relaxed ? _relaxed : _strict;
        if (scratch is null)
        {
            return new JsonScratch(relaxed);
        }

        if (relaxed)
        {
            _relaxed = null;
        }
        else
        {
            _strict = null;
        }

        scratch.Buffer.ResetWrittenCount();
        scratch.Writer.Reset(scratch.Buffer);
        return scratch;
    }

    /// <summary>Gives the scratch back to the thread for the next document (unless its buffer grew too large).</summary>
    public void Dispose()
    {
        if (Buffer.Capacity > KeepAtMost)
        {
            Writer.Dispose();
            return;
        }

        if (_isRelaxed)
        {
            _relaxed = this;
        }
        else
        {
            _strict = this;
        }
    }
}
