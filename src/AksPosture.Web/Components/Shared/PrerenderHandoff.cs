using System.Security.Cryptography;
using Microsoft.Extensions.Caching.Memory;

namespace AksPosture.Web.Components.Shared;

/// <summary>
/// Hands what a page read while it was prerendered to the same page's interactive render in that browser tab, so a
/// heavy page queries once instead of twice. The page persists only a random ticket as component state (that state
/// travels back over the circuit, whose messages are kept small); the data itself stays in this process for a short
/// while and is taken once, by the same user, for the same address. A ticket that finds nothing (expired, or the
/// circuit reached another replica) only means the page queries again.
/// </summary>
public sealed class PrerenderHandoff : IDisposable
{
    /// <summary>Long enough for a slow browser to connect its circuit; prerendered data older than that is not reused.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    // Counted in entries: a burst of prerenders whose circuits never connect (scripts, crawlers) cannot grow it further.
    private const int MaxEntries = 500;

    private readonly MemoryCache _entries = new(new MemoryCacheOptions { SizeLimit = MaxEntries });

    /// <summary>Keeps <paramref name="value"/> for the interactive render and returns the ticket to persist.</summary>
    public string Keep(string userId, string address, object value)
    {
        var ticket = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        _entries.Set(ticket, new Entry(userId, address, value), new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Lifetime });
        return ticket;
    }

    /// <summary>What the prerender kept under <paramref name="ticket"/> for this user and address, once; null otherwise.</summary>
    public T? Take<T>(string? ticket, string userId, string address) where T : class
    {
        if (ticket is null || !_entries.TryGetValue(ticket, out Entry? entry) || entry is null)
        {
            return null;
        }

        _entries.Remove(ticket);
        return entry.UserId == userId && entry.Address == address ? entry.Value as T : null;
    }

    public void Dispose() => _entries.Dispose();

    private sealed record Entry(string UserId, string Address, object Value);
}
