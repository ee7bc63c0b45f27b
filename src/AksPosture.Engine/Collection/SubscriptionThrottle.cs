namespace AksPosture.Engine.Collection;

/// <summary>
/// A token bucket per subscription for ARM reads, so that thousands of per-cluster calls in one subscription arrive
/// no faster than ARM refills its own bucket (25 reads a second, 250 deep, per subscription and principal).
/// </summary>
public sealed class SubscriptionThrottle(double readsPerSecond, int burst, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.OrdinalIgnoreCase);

    public async Task WaitAsync(string subscriptionId, CancellationToken cancellationToken)
    {
        var bucket = _buckets.GetOrAdd(subscriptionId, _ => new Bucket(burst, _time.GetUtcNow()));
        while (bucket.TryTake(_time.GetUtcNow(), readsPerSecond, burst) is { } wait)
        {
            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private sealed class Bucket(double tokens, DateTimeOffset refilledAt)
    {
        private double _tokens = tokens;
        private DateTimeOffset _refilledAt = refilledAt;

        /// <summary>Takes a token and returns null, or returns how long until one is available.</summary>
        public TimeSpan? TryTake(DateTimeOffset now, double rate, int burst)
        {
            lock (this)
            {
                _tokens = Math.Min(burst, _tokens + ((now - _refilledAt).TotalSeconds * rate));
                _refilledAt = now;
                if (_tokens >= 1)
                {
                    _tokens--;
                    return null;
                }

                return TimeSpan.FromSeconds((1 - _tokens) / rate);
            }
        }
    }
}
