using Cordon.Storage;

namespace Cordon.Tests.Storage;

public sealed class ReadAheadTests
{
    [Fact]
    public void Every_item_comes_through_in_order()
    {
        Assert.Equal(Enumerable.Range(0, 100_000), ReadAhead.Of(Enumerable.Range(0, 100_000), capacity: 64));
        Assert.Empty(ReadAhead.Of(Array.Empty<int>(), capacity: 1));
    }

    [Fact]
    public void A_failing_source_fails_the_consumer_with_its_own_exception_after_the_items_before_it()
    {
        static IEnumerable<int> Failing()
        {
            yield return 1;
            yield return 2;
            throw new InvalidDataException("row 3 is corrupt");
        }

        var seen = new List<int>();
        var ex = Assert.Throws<InvalidDataException>(() =>
        {
            foreach (var item in ReadAhead.Of(Failing(), capacity: 8))
            {
                seen.Add(item);
            }
        });

        Assert.Equal("row 3 is corrupt", ex.Message);
        Assert.Equal([1, 2], seen);
    }

    [Fact]
    public async Task A_consumer_that_stops_early_stops_the_reader_and_releases_the_source()
    {
        var disposed = new TaskCompletionSource();
        var read = 0;
        IEnumerable<int> Endless()
        {
            try
            {
                for (var i = 0; ; i++)
                {
                    Interlocked.Increment(ref read);
                    yield return i;
                }
            }
            finally
            {
                disposed.TrySetResult();
            }
        }

        Assert.Equal([0, 1, 2], ReadAhead.Of(Endless(), capacity: 4).Take(3));

        await disposed.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(Volatile.Read(ref read) <= 3 + 4 + 1, "the reader went on past its capacity");
    }

    [Fact]
    public void A_capacity_below_one_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ReadAhead.Of([1], capacity: 0).ToList());
}
