using System.Globalization;
using Azure;

namespace AksPosture.Engine.Collection;

/// <summary>
/// Keeps Resource Graph queries within the documented per-user quota: at most 15 queries in any 5-second window
/// ("Guidance for throttled requests in Azure Resource Graph"). The window is slid with a small margin so that
/// network jitter cannot make the server count one more than the client did; when a response says the quota is
/// spent (<c>x-ms-user-quota-remaining: 0</c>), no query is sent until <c>x-ms-user-quota-resets-after</c> has passed.
/// </summary>
public sealed class ResourceGraphLimiter
{
    public const string QuotaRemainingHeader = "x-ms-user-quota-remaining";
    public const string QuotaResetsAfterHeader = "x-ms-user-quota-resets-after";

    private readonly Queue<DateTimeOffset> _sent = new();
    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private DateTimeOffset _blockedUntil = DateTimeOffset.MinValue;

    public ResourceGraphLimiter(int maxRequests = 15, TimeSpan? window = null, TimeSpan? margin = null, TimeProvider? time = null)
    {
        MaxRequests = maxRequests;
        Window = (window ?? TimeSpan.FromSeconds(5)) + (margin ?? TimeSpan.FromMilliseconds(300));
        _time = time ?? TimeProvider.System;
    }

    public int MaxRequests { get; }

    /// <summary>The window the client enforces: the documented one plus the margin.</summary>
    public TimeSpan Window { get; }

    /// <summary>Waits until one more query may be sent, and counts it as sent.</summary>
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_gate)
            {
                var now = _time.GetUtcNow();
                while (_sent.Count > 0 && now - _sent.Peek() >= Window)
                {
                    _sent.Dequeue();
                }

                if (_blockedUntil > now)
                {
                    wait = _blockedUntil - now;
                }
                else if (_sent.Count < MaxRequests)
                {
                    _sent.Enqueue(now);
                    return;
                }
                else
                {
                    wait = _sent.Peek() + Window - now;
                }
            }

            await Task.Delay(wait < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : wait, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads the quota headers of a response; a spent quota holds further queries until it resets.</summary>
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
}
