namespace AksPosture.Engine.Rules;

/// <summary>
/// A string-keyed table filled on first use and safe to share between threads. A snapshot needs a few dozen
/// entries per table; a plain dictionary behind a short lock costs less than a concurrent dictionary's per-entry
/// nodes and striped locks, which every assessed snapshot would otherwise allocate.
/// </summary>
internal sealed class FirstUseTable<TValue>
{
    private readonly Dictionary<string, TValue> _values = new(StringComparer.Ordinal);

    public TValue GetOrAdd<TState>(string key, Func<string, TState, TValue> create, TState state)
    {
        lock (_values)
        {
            if (!_values.TryGetValue(key, out var value))
            {
                value = create(key, state);
                _values.Add(key, value);
            }

            return value;
        }
    }
}
