using System.Globalization;
using Azure;

namespace AksPosture.Engine.Collection;

/// <summary>
/// Keeps Resource Graph queries within the documented per-user quota: at most 15 queries in any 5-second window
/// ("Guidance for throttled requests in Azure Resource Graph"). A query holds its place from the moment it is sent
/// until one window (plus a margin) after its answer came back: the server saw it arrive somewhere in between, so
/// however slow the connection, the server never counts more than the client allowed. When an answer says the
/// quota is spent (<c>x-ms-user-quota-remaining: 0</c>), nothing is sent until <c>x-ms-user-quota-resets-after</c>.
/// </summary>
public sealed class ResourceGraphLimiter
{
    public const string QuotaRemainingHeader = "x-ms-user-quota-remaining";
    public const string QuotaResetsAfterHeader = "x-ms-user-quota-resets-after";

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    private readonly Queue<DateTimeOffset> _answered = new();
    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private int _inFlight;
    private DateTimeOffset _blockedUntil = DateTimeOffset.MinValue;

    public ResourceGraphLimiter(int maxRequests = 15, TimeSpan? window = null, TimeSpan? margin = null, TimeProvider? time = null)
    {
        MaxRequests = maxRequests;
        Window = (window ?? TimeSpan.FromSeconds(5)) + (margin ?? TimeSpan.FromMilliseconds(100));
        _time = time ?? TimeProvider.System;
    }

    public int MaxRequests { get; }

    /// <summary>The window the client enforces: the documented one plus the margin.</summary>
    public TimeSpan Window { get; }

    /// <summary>Waits until one more query may be sent; dispose the lease when its answer has arrived.</summary>
    public async Task<IDisposable> AcquireAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_gate)
            {
                var now = _time.GetUtcNow();
                while (_answered.Count > 0 && now - _answered.Peek() >= Window)
                {
                    _answered.Dequeue();
                }

                if (_blockedUntil > now)
                {
                    wait = _blockedUntil - now;
                }
                else if (_inFlight + _answered.Count < MaxRequests)
                {
                    _inFlight++;
                    return new Lease(this);
                }
                else
                {
                    // Every place is taken: wait for the oldest answer to leave the window, or for a query in flight to end.
                    wait = _answered.Count > 0 ? _answered.Peek() + Window - now : Poll;
                }
            }

            await Task.Delay(wait < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : wait > Poll && _inFlight > 0 ? Poll : wait, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads the quota headers of an answer; a spent quota holds further queries until it resets.</summary>
    public void Observe(Response response)
    {
        if (!response.Headers.TryGetValue(QuotaRemainingHeader, out var remainingText)
            || !int.TryParse(remainingText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var remaining)
            || remaining > 0)
        {
            return;
        }

        var resetsAfter = response.Headers.TryGetValue(QuotaResetsAfterHeader, out var resetText)
            && TimeSpan.TryParse(resetText, CultureInfo.InvariantCulture, out var parsed) ? parsed : Window;
        lock (_gate)
        {
            var until = _time.GetUtcNow() + resetsAfter;
            if (until > _blockedUntil)
            {
                _blockedUntil = until;
            }
        }
    }

    private void Release()
    {
        lock (_gate)
        {
            _inFlight--;
            _answered.Enqueue(_time.GetUtcNow());
        }
    }

    private sealed class Lease(ResourceGraphLimiter limiter) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                limiter.Release();
            }
        }
    }
}
