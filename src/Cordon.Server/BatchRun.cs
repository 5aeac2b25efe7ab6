using System.Buffers;
using System.IO.Pipelines;
using System.Security.Cryptography;
using System.Text.Json;
using Cordon.Audit;
using Cordon.Model;
using Cordon.Server.Apis;
using Cordon.Sharing;
using Cordon.Text;

namespace Cordon.Server;

/// <summary>
/// One batch screen, streamed: lines are read a chunk at a time; a chunk is screened on every core while the next is
/// read; each chunk's audit entry (with its notifications and review items) is committed before its answers are
/// written, so nothing is answered unaudited and memory stays a few chunks whatever the size of the batch.
/// </summary>
internal sealed class BatchRun(ServerState state, Asker asker, string? purpose, int chunkSize, int maxLineBytes = BatchRun.MaxLineBytes)
{
    /// <summary>Longest input line: one query needs far less.</summary>
    public const int MaxLineBytes = 64 * 1024;

    private readonly string _batch = "batch_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
    private long _line;
    private bool _skipping;
    private bool _done;
    private long _rows;
    private long _errors;
    private long _hits;
    private long _referrals;
    private long _firstSeq;
    private long _lastSeq;

    public async Task RunAsync(PipeReader input, PipeWriter output, CancellationToken cancellationToken)
    {
        var started = state.Time.GetTimestamp();
        var inFlight = new Queue<(Chunk Chunk, Task Task)>();
        try
        {
            while (!_done)
            {
                var chunk = await ReadChunkAsync(input, cancellationToken).ConfigureAwait(false);
                if (chunk.Rows.Count == 0)
                {
                    continue;
                }

                chunk.View = state.View;
                inFlight.Enqueue((chunk, Task.Run(() => Screen(chunk), cancellationToken)));
                while (inFlight.Count >= 2)
                {
                    await FinishAsync(inFlight.Dequeue(), output, cancellationToken).ConfigureAwait(false);
                }
            }

            while (inFlight.Count > 0)
            {
                await FinishAsync(inFlight.Dequeue(), output, cancellationToken).ConfigureAwait(false);
            }

            Write(output, new BatchLine(Summary: new BatchSummary(_batch, _line, _rows, _errors, _hits, _referrals, _firstSeq, _lastSeq,
                Math.Round(state.Time.GetElapsedTime(started).TotalSeconds, 3))));
        }
        catch (Exception ex) when (Fatal(ex) is { } problem)
        {
            // The answer has started: the failure becomes the last line, and the missing summary says the batch is incomplete.
            Write(output, new BatchLine(Error: problem));
        }
        finally
        {
            // Chunks still being screened after a failure are let finish, not left running behind the answer.
            foreach (var (_, task) in inFlight)
            {
                await task.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).ConfigureAwait(false);
            }
        }

        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static BatchProblem? Fatal(Exception ex) => ex switch
    {
        AuditUnavailableException => new BatchProblem(503, null, ex.Message),
        ServiceNotReadyException => new BatchProblem(503, null, ex.Message),
        BadHttpRequestException bad => new BatchProblem(bad.StatusCode, null, bad.Message),
        _ => null,
    };

    /// <summary>Reads up to a chunk of lines; blank lines are skipped, an overlong one is kept as an error.</summary>
    private async Task<Chunk> ReadChunkAsync(PipeReader input, CancellationToken cancellationToken)
    {
        var chunk = new Chunk();
        while (chunk.Rows.Count < chunkSize && !_done)
        {
            var result = await input.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            while (chunk.Rows.Count < chunkSize)
            {
                var newline = buffer.PositionOf((byte)'\n');
                if (newline is null)
                {
                    break;
                }

                Take(chunk, buffer.Slice(0, newline.Value));
                buffer = buffer.Slice(buffer.GetPosition(1, newline.Value));
            }

            if (chunk.Rows.Count < chunkSize && buffer.Length > 0 && (result.IsCompleted || buffer.Length > maxLineBytes))
            {
                // The last line without a newline, or a line too long to wait for: take what there is.
                Take(chunk, buffer, partial: !result.IsCompleted);
                buffer = buffer.Slice(buffer.End);
            }

            _done = result.IsCompleted && buffer.Length == 0;
            // A full chunk leaves lines unread in the buffer: mark them unexamined, or the next read would wait for more.
            input.AdvanceTo(buffer.Start, chunk.Rows.Count < chunkSize ? buffer.End : buffer.Start);
        }

        return chunk;
    }

    /// <summary>
    /// Takes one line (or, with <paramref name="partial"/>, the start of one longer than the limit, whose rest is then
    /// skipped up to its newline).
    /// </summary>
    private void Take(Chunk chunk, ReadOnlySequence<byte> line, bool partial = false)
    {
        if (_skipping)
        {
            // The rest of an overlong line, already reported.
            _skipping = partial;
            return;
        }

        _line++;
        if (partial || line.Length > maxLineBytes)
        {
            _skipping = partial;
            chunk.Rows.Add(new Row(_line, []) { Error = new ModelException("line", $"longer than {maxLineBytes} bytes") });
            return;
        }

        var bytes = line.ToArray();
        if (bytes.AsSpan().Trim(" \t\r"u8).IsEmpty)
        {
            return;
        }

        chunk.Rows.Add(new Row(_line, bytes));
    }

    private void Screen(Chunk chunk)
    {
        var now = state.Time.GetUtcNow();
        chunk.At = now;
        Parallel.For(0, chunk.Rows.Count, i =>
        {
            var row = chunk.Rows[i];
            if (row.Error is not null)
            {
                return;
            }

            try
            {
                var input = JsonSerializer.Deserialize(row.Json, ApiJson.Default.BatchRow) ?? throw new ModelException("line", "expected a JSON object, found null");
                row.Id = input.Id;
                if (input.Id is { Length: > ReviewKeys.MaxSubjectLength })
                {
                    throw new ModelException("id", $"longer than {ReviewKeys.MaxSubjectLength} characters");
                }

                var request = input.ToScreenRequest(purpose);
                row.Outcome = ScreeningRun.Run(state, chunk.View!, asker, ScreeningApi.ToJob(request, asker, ReviewOrigins.Batch), now);
            }
            catch (JsonException ex)
            {
                row.Error = Problems.FromJson(ex, "line");
            }
            catch (ModelException ex)
            {
                row.Error = ex;
            }
        });
    }

    /// <summary>Waits for a chunk to be screened, commits its audit entry (and what it raised), then writes its lines.</summary>
    private async Task FinishAsync((Chunk Chunk, Task Screening) item, PipeWriter output, CancellationToken cancellationToken)
    {
        var chunk = item.Chunk;
        await item.Screening.ConfigureAwait(false);
        var outcomes = chunk.Rows.Where(r => r.Outcome is not null).Select(r => r.Outcome!).ToList();
        var entries = new List<AuditEntry> { new(chunk.At, asker.Agency, asker.Key, AuditActions.ScreenBatch, _batch, Details(chunk)) };
        foreach (var outcome in outcomes)
        {
            ScreeningRun.AddDisclosures(entries, asker, chunk.At, outcome.Result);
        }

        var seq = await ScreeningRun.CommitAsync(state, entries, outcomes, cancellationToken).ConfigureAwait(false);
        _firstSeq = _firstSeq == 0 ? seq : _firstSeq;
        _lastSeq = seq;
        foreach (var row in chunk.Rows)
        {
            if (row.Outcome is { } outcome)
            {
                _rows++;
                _hits += outcome.Result.Response.Results.Count;
                _referrals += outcome.Result.Referrals.Count;
                Write(output, new BatchLine(row.Line, row.Id, outcome.Job.Subject, ScreeningApi.Hits(outcome, chunk.View!),
                    ScreeningApi.Referrals(outcome), outcome.Suppressed, seq));
            }
            else
            {
                _errors++;
                var error = row.Error!;
                Write(output, new BatchLine(row.Line, row.Id, Error: new BatchProblem(400, error.Field, $"line {row.Line}: {error.Field}: {error.Reason}")));
            }
        }

        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// What the chunk's audit entry holds: the batch, the lines it covers and their SHA-256 (an auditor given the file
    /// can check it is the one screened), the purpose, and for each line with hits the query and what it was shown.
    /// </summary>
    private string Details(Chunk chunk) => JsonText.Object(w =>
    {
        w.WriteString("batch", _batch);
        if (purpose is not null)
        {
            w.WriteString("purpose", purpose);
        }

        w.WriteNumber("fromLine", chunk.Rows[0].Line);
        w.WriteNumber("toLine", chunk.Rows[^1].Line);
        w.WriteNumber("rows", chunk.Rows.Count(r => r.Outcome is not null));
        w.WriteNumber("errors", chunk.Rows.Count(r => r.Outcome is null));
        w.WriteString("sha256", Digest(chunk));
        w.WriteStartArray("answered");
        foreach (var row in chunk.Rows)
        {
            if (row.Outcome is { } outcome && (outcome.Result.Response.Results.Count > 0 || outcome.Result.Referrals.Count > 0 || outcome.Suppressed.Count > 0))
            {
                w.WriteStartObject();
                w.WriteNumber("line", row.Line);
                ScreeningRun.WriteDetails(w, outcome);
                w.WriteEndObject();
            }
        }

        w.WriteEndArray();
    });

    /// <summary>SHA-256 of the chunk's non-blank lines, each followed by a newline, as they were sent.</summary>
    private static string Digest(Chunk chunk)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var row in chunk.Rows)
        {
            hash.AppendData(row.Json);
            hash.AppendData("\n"u8);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>As the rest of the API writes JSON: names and quotes as they are, not as \u escapes.</summary>
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static void Write(PipeWriter output, BatchLine line)
    {
        using (var writer = new Utf8JsonWriter(output, WriterOptions))
        {
            JsonSerializer.Serialize(writer, line, ApiJson.Default.BatchLine);
        }

        output.Write("\n"u8);
    }

    private sealed class Chunk
    {
        public List<Row> Rows { get; } = [];

        public SharedView? View { get; set; }

        public DateTimeOffset At { get; set; }
    }

    private sealed class Row(long line, byte[] json)
    {
        public long Line => line;

        public byte[] Json => json;

        public string? Id { get; set; }

        public ScreeningOutcome? Outcome { get; set; }

        public ModelException? Error { get; set; }
    }
}
