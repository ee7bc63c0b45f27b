using AksPosture.Web.Data;
using Microsoft.Extensions.Caching.Memory;

namespace AksPosture.Web.Features.Fleet;

/// <summary>
/// Remembers fleet overviews and scorecards between page loads, under a stamp of everything they are read from: the selected
/// clusters that are not gone (their subscription, name, environment, tags and latest run), the teams, the subscriptions'
/// names and the finished runs in the trend's window. A run's roll-ups never change once it has finished, and its
/// findings change only when it finishes, which moves its clusters' latest run; so an overview is reused only while a
/// fresh read would give the same one. The stamp costs one read of about 25 ms over 10,000 clusters; the overview's
/// aggregates cost the database about a second of work.
/// </summary>
public sealed class PageMemo : IDisposable
{
    // Counted in entries: one per filter and audience in use.
    private const int MaxEntries = 100;
    private static readonly TimeSpan Unused = TimeSpan.FromMinutes(30);

    // Order-free digests (sums of 64-bit hashes), so nothing is sorted.
    internal const string StampSql = """
        SELECT concat_ws('/',
            sum(hashtextextended(concat_ws('|', c.id, c.latest_run_id, c.subscription_id, c.environment, c.is_sample, c.name, c.tags), 0)), count(*),
            (SELECT sum(hashtextextended(concat_ws('|', t.id, t.updated_at), 0)) FROM teams t),
            (SELECT sum(hashtextextended(concat_ws('|', s.subscription_id, s.display_name), 0)) FROM subscriptions s),
            (SELECT concat_ws(':', sum(hashtextextended(a.id::text, 0)), count(*)) FROM assessment_runs a
             WHERE a.status IN ('succeeded', 'partial') AND a.finished_at BETWEEN @from AND @to))
        FROM clusters c
        WHERE c.gone_at IS NULL AND {selection}
        """;

    private readonly MemoryCache _pages = new(new MemoryCacheOptions { SizeLimit = MaxEntries });

    /// <summary>The stamp of what <paramref name="selected"/>'s overview would read now; part of the memo's key.</summary>
    public static async Task<string> StampAsync(AppDbContext db, SelectedClusters selected, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var command = await SelectionCommand.CreateAsync(db, selected.Selection, StampSql, cancellationToken);
        command.Parameters.AddWithValue("from", from);
        command.Parameters.AddWithValue("to", to);
        var stamp = (string)(await command.ExecuteScalarAsync(cancellationToken))!;
        // Administrators' fleet and subscription views read stored roll-ups; anyone else's the same clusters aggregated.
        return $"{selected.StoredScope}/{stamp}";
    }

    /// <summary>What was kept under <paramref name="key"/>, or what <paramref name="read"/> reads, kept from then on.</summary>
    public async Task<T> GetAsync<T>(string key, Func<Task<T>> read) where T : class
    {
        if (_pages.TryGetValue(key, out T? remembered) && remembered is not null)
        {
            return remembered;
        }

        var page = await read();
        _pages.Set(key, page, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = Unused });
        return page;
    }

    public void Dispose() => _pages.Dispose();
}
