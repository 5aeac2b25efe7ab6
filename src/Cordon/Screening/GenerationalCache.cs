using System.Collections.Concurrent;

namespace Cordon.Screening;

/// <summary>
/// A thread-safe cache in two generations: past <c>maxPerGeneration</c> entries the young generation becomes the old
/// one and a new one starts; an entry found in the old generation moves back to the young one. A stream of one-off keys
/// (typos, unlisted names) therefore evicts nothing that is asked for again within a generation, and memory stays
/// bounded at two generations. The entries are counted here: <see cref="ConcurrentDictionary{TKey, TValue}.Count"/>
/// takes every lock of the table.
/// </summary>
internal sealed class GenerationalCache<TKey, TValue>
    where TKey : notnull
{
    private readonly int _maxPerGeneration;
    private readonly IEqualityComparer<TKey>? _comparer;
    private readonly Lock _lock = new();
    private volatile ConcurrentDictionary<TKey, TValue> _young;
    private volatile ConcurrentDictionary<TKey, TValue> _old;
    private int _count;

    public GenerationalCache(int maxPerGeneration, IEqualityComparer<TKey>? comparer = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPerGeneration, 1);
        _maxPerGeneration = maxPerGeneration;
        _comparer = comparer;
        _young = new ConcurrentDictionary<TKey, TValue>(comparer);
        _old = new ConcurrentDictionary<TKey, TValue>(comparer);
    }

    /// <summary>The value cached for <paramref name="key"/>, computed by <paramref name="compute"/> and cached when absent.</summary>
    public TValue GetOrAdd(TKey key, Func<TKey, TValue> compute)
    {
        var young = _young;
        if (young.TryGetValue(key, out var value))
        {
            return value;
        }

        if (!_old.TryGetValue(key, out value))
        {
            value = compute(key);
        }

        Add(young, key, value);
        return value;
    }

    public void Clear()
    {
        lock (_lock)
        {
            _young = new ConcurrentDictionary<TKey, TValue>(_comparer);
            _old = new ConcurrentDictionary<TKey, TValue>(_comparer);
            Volatile.Write(ref _count, 0);
        }
    }

    private void Add(ConcurrentDictionary<TKey, TValue> young, TKey key, TValue value)
    {
        if (Volatile.Read(ref _count) >= _maxPerGeneration)
        {
            lock (_lock)
            {
                if (ReferenceEquals(_young, young))
                {
                    _old = young;
                    _young = young = new ConcurrentDictionary<TKey, TValue>(_comparer);
                    Volatile.Write(ref _count, 0);
                }
                else
                {
                    young = _young;
                }
            }
        }

        if (young.TryAdd(key, value))
        {
            Interlocked.Increment(ref _count);
        }
    }
}
