using System.Collections.Concurrent;

namespace Cordon.Storage;

/// <summary>Enumerates a source on a thread of its own, a bounded number of items ahead of the consumer.</summary>
public static class ReadAhead
{
    /// <summary>
    /// The items of <paramref name="source"/>, in order, read up to <paramref name="capacity"/> ahead on another thread: a
    /// store's rows are read and parsed while the consumer works on the ones before (building an index reads a million
    /// rows). An exception from the source is thrown to the consumer; a consumer that stops early stops the reader.
    /// </summary>
    public static IEnumerable<T> Of<T>(IEnumerable<T> source, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        using var buffer = new BlockingCollection<T>(capacity);
        using var stop = new CancellationTokenSource();
        var reader = Task.Factory.StartNew(() =>
        {
            try
            {
                foreach (var item in source)
                {
                    buffer.Add(item, stop.Token);
                }
            }
            finally
            {
                buffer.CompleteAdding();
            }
        }, stop.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        try
        {
            foreach (var item in buffer.GetConsumingEnumerable())
            {
                yield return item;
            }

            // Rethrows what stopped the source early.
            reader.GetAwaiter().GetResult();
        }
        finally
        {
            stop.Cancel();
            try
            {
                reader.Wait();
            }
            catch (AggregateException)
            {
                // Either the source failed, which the consumer was told above, or the consumer stopped early and the
                // reader was told to stop.
            }
        }
    }
}
