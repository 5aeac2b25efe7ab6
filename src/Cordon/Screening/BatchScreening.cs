using System.Diagnostics;
using System.Globalization;
using System.Text;
using Cordon.Lists;
using Cordon.Model;
using Cordon.Text;

namespace Cordon.Screening;

/// <summary>How a batch run screens each row and splits the work.</summary>
public sealed record BatchScreeningOptions
{
    /// <summary>Most hits written per input row.</summary>
    public int Limit { get; init; } = 10;

    /// <summary>The lowest score written; <see cref="Screener.DefaultThreshold"/> when not set.</summary>
    public double? Threshold { get; init; }

    /// <summary>Rows read, screened and written together: memory stays proportional to this (times twice the workers), not to the file.</summary>
    public int ChunkSize { get; init; } = 4096;

    /// <summary>Rows screened at once.</summary>
    public int Workers { get; init; } = Environment.ProcessorCount;
}

/// <summary>What a batch run did: rows read, how many had hits, hits written, and how fast.</summary>
public sealed record BatchScreeningSummary(long Rows, long RowsWithHits, long RowsWithoutHits, long Hits, double Seconds, double RowsPerSecond);

/// <summary>
/// Screens every row of a CSV file (<c>name</c>, optionally <c>id</c>, <c>dob</c>, <c>country</c>, <c>schema</c>) and
/// writes one CSV row per hit. The file is streamed in chunks: while workers screen a few chunks, the next is read and
/// finished ones are written in input order, so ten million rows need no more memory than a few chunks. The output appears under its
/// name only when every row was screened; until then it is written beside it with <c>.tmp</c> appended.
/// </summary>
public static class BatchScreening
{
    /// <summary>The header of the output file.</summary>
    public static readonly IReadOnlyList<string> OutputColumns = ["id", "name", "entity_id", "dataset", "score", "matched_name"];

    /// <summary>Screens <paramref name="input"/> into <paramref name="output"/>; bad input throws <see cref="ImportException"/> naming its line.</summary>
    public static BatchScreeningSummary Run(
        Screener screener,
        string input,
        string output,
        BatchScreeningOptions? options = null,
        IProgress<long>? progress = null,
        CancellationToken cancellationToken = default)
    {
        options ??= new BatchScreeningOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ChunkSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Workers, 1);
        if (SamePath(input, output))
        {
            throw new ArgumentException($"the output {output} is the input file", nameof(output));
        }

        InputFiles.CheckTextFile(input);
        var started = Stopwatch.GetTimestamp();
        var temporary = output + ".tmp";
        Counts counts;
        try
        {
            using (var csv = new CsvReader(InputFiles.OpenText(input), input))
            using (var writer = new StreamWriter(temporary, new UTF8Encoding(false), new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, BufferSize = 1 << 16 }))
            {
                counts = Screen(screener, csv, input, new CsvWriter(writer), options, progress, cancellationToken);
            }

            File.Move(temporary, output, overwrite: true);
        }
        catch
        {
            // A half-written file must never pass for a finished one.
            TryDelete(temporary);
            throw;
        }

        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        return new BatchScreeningSummary(
            counts.Rows,
            counts.RowsWithHits,
            counts.Rows - counts.RowsWithHits,
            counts.Hits,
            Math.Round(seconds, 3),
            seconds > 0 ? Math.Round(counts.Rows / seconds, 1) : 0);
    }

    private static Counts Screen(
        Screener screener, CsvReader csv, string input, CsvWriter output, BatchScreeningOptions options, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var fields = new List<string>();
        var columns = Columns.Read(csv, input, fields);
        output.WriteRecord([.. OutputColumns]);
        // Chunks flow through a pipeline: this thread reads one, hands it to a worker, and writes finished chunks in
        // input order, so that the workers never wait for reading or writing (the cores would idle, or spin, between chunks).
        var scheduler = new ConcurrentExclusiveSchedulerPair(TaskScheduler.Default, options.Workers).ConcurrentScheduler;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var inFlight = new Queue<(Chunk Chunk, Task Task)>();
        var counts = new Counts();
        var read = 0L;
        try
        {
            while (true)
            {
                var chunk = ReadChunk(csv, fields, columns, input, options.ChunkSize, read);
                read += chunk.Count;
                var token = stop.Token;
                var task = Task.Factory.StartNew(() => chunk.Screen(screener, options, token), token, TaskCreationOptions.None, scheduler);
                inFlight.Enqueue((chunk, task));
                if (chunk.ReadError is not null || chunk.Count == 0)
                {
                    break;
                }

                while (inFlight.Count >= 2 * options.Workers)
                {
                    Write(inFlight.Dequeue(), output, columns, input, counts, progress);
                }
            }

            while (inFlight.Count > 0)
            {
                Write(inFlight.Dequeue(), output, columns, input, counts, progress);
            }

            return counts;
        }
        finally
        {
            // On an error the chunks still being screened are abandoned, but not left running behind the caller's back.
            stop.Cancel();
            foreach (var (_, task) in inFlight)
            {
                try
                {
                    task.Wait(CancellationToken.None);
                }
                catch (AggregateException)
                {
                    // Cancelled or failed after the error that is being reported.
                }
            }
        }
    }

    /// <summary>Reads up to <paramref name="size"/> rows; a bad record ends the chunk and is kept to be reported after its rows.</summary>
    private static Chunk ReadChunk(CsvReader csv, List<string> fields, Columns columns, string input, int size, long rowsBefore)
    {
        var chunk = new Chunk(size);
        try
        {
            while (chunk.Count < size && csv.TryReadRecord(fields))
            {
                chunk.Rows[chunk.Count] = columns.Row(fields, csv.RecordLine, rowsBefore + chunk.Count + 1, input);
                chunk.Count++;
            }
        }
        catch (ImportException ex)
        {
            chunk.ReadError = ex;
        }

        return chunk;
    }

    /// <summary>Waits for a chunk and writes its hits in input order; the first bad row, then a read error, ends the run.</summary>
    private static void Write((Chunk Chunk, Task Task) item, CsvWriter output, Columns columns, string input, Counts counts, IProgress<long>? progress)
    {
        var (chunk, task) = item;
        try
        {
            task.Wait();
        }
        catch (AggregateException ex) when (ex.InnerException is OperationCanceledException cancelled)
        {
            throw cancelled;
        }

        for (var i = 0; i < chunk.Count; i++)
        {
            if (chunk.Errors[i] is { } error)
            {
                throw new ImportException(input, chunk.Rows[i].Line, columns.HeaderOf(error.Field), error.Reason, error);
            }

            var row = chunk.Rows[i];
            var results = chunk.Results[i];
            foreach (var hit in results)
            {
                output.WriteRecord(row.Id, row.Name, hit.Entity.Id, hit.Entity.Dataset, hit.Score.ToString("F4", CultureInfo.InvariantCulture), hit.MatchedName);
            }

            counts.Rows++;
            counts.Hits += results.Count;
            counts.RowsWithHits += results.Count > 0 ? 1 : 0;
        }

        if (chunk.ReadError is not null)
        {
            throw chunk.ReadError;
        }

        if (chunk.Count > 0)
        {
            progress?.Report(counts.Rows);
        }
    }

    /// <summary>A slice of the input: its rows and, once screened, each row's hits or error.</summary>
    private sealed class Chunk(int size)
    {
        public Row[] Rows { get; } = new Row[size];

        public IReadOnlyList<ScreeningHit>[] Results { get; } = new IReadOnlyList<ScreeningHit>[size];

        public ModelException?[] Errors { get; } = new ModelException?[size];

        public int Count { get; set; }

        public ImportException? ReadError { get; set; }

        public void Screen(Screener screener, BatchScreeningOptions options, CancellationToken cancellationToken)
        {
            for (var i = 0; i < Count; i++)
            {
                if ((i & 255) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                (Results[i], Errors[i]) = ScreenRow(screener, Rows[i], options);
            }
        }
    }

    private static (IReadOnlyList<ScreeningHit>, ModelException?) ScreenRow(Screener screener, Row row, BatchScreeningOptions options)
    {
        if (string.IsNullOrWhiteSpace(row.Name))
        {
            return ([], null);
        }

        try
        {
            var query = new ScreeningQuery(row.Name, row.BirthDate, row.Country, row.Schema) { Limit = options.Limit, Threshold = options.Threshold };
            return (screener.Screen(query).Results, null);
        }
        catch (ModelException ex)
        {
            return ([], ex);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // The folder is gone or the file is held open: the error that brought us here is the one to report.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static bool SamePath(string a, string b) =>
        string.Equals(
            Path.GetFullPath(a),
            Path.GetFullPath(b),
            OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

    private sealed class Counts
    {
        public long Rows { get; set; }

        public long RowsWithHits { get; set; }

        public long Hits { get; set; }
    }

    private readonly record struct Row(long Line, string Id, string Name, string? BirthDate, string? Country, string? Schema);

    /// <summary>Where each known column sits in the input's header.</summary>
    private sealed record Columns(string[] Header, int Name, int? Id, int? BirthDate, int? Country, int? Schema)
    {
        public static Columns Read(CsvReader csv, string input, List<string> fields)
        {
            if (!csv.TryReadRecord(fields))
            {
                throw new ImportException(input, 1, null, "no header row");
            }

            var header = fields.Select(f => f.Trim()).ToArray();
            int? Find(string column)
            {
                int? found = null;
                for (var i = 0; i < header.Length; i++)
                {
                    if (header[i].Equals(column, StringComparison.OrdinalIgnoreCase))
                    {
                        found = found is null
                            ? i
                            : throw new ImportException(input, csv.RecordLine, column, $"the column appears twice (header: {string.Join(",", header)})");
                    }
                }

                return found;
            }

            var name = Find("name") ?? throw new ImportException(input, csv.RecordLine, "name", $"missing column (header: {string.Join(",", header)})");
            return new Columns(header, name, Find("id"), Find("dob"), Find("country"), Find("schema"));
        }

        public Row Row(List<string> fields, long line, long number, string input)
        {
            if (fields.Count != Header.Length)
            {
                throw new ImportException(input, line, null, $"{fields.Count} columns where the header has {Header.Length}");
            }

            var id = Id is { } i ? fields[i] : number.ToString(CultureInfo.InvariantCulture);
            return new Row(line, id, fields[Name], Optional(fields, BirthDate), Optional(fields, Country), Optional(fields, Schema));
        }

        /// <summary>The input's own name for the column a screening error is about.</summary>
        public string HeaderOf(string field) => field switch
        {
            "birthDate" when BirthDate is { } i => Header[i],
            "country" when Country is { } i => Header[i],
            "schema" when Schema is { } i => Header[i],
            _ => field,
        };

        private static string? Optional(List<string> fields, int? column) =>
            column is { } c && !string.IsNullOrWhiteSpace(fields[c]) ? fields[c].Trim() : null;
    }
}
