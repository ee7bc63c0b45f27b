using System.Security.Cryptography;
using AksPosture.Web.Data;
using AksPosture.Web.Features.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace AksPosture.Web.Features.Fleet;

/// <summary>
/// Trends aggregated from the clusters' roll-ups (<see cref="GroupScores.TrendAsync"/>), remembered between page loads.
/// Such a trend depends only on which clusters are selected and which runs fall in its window: a run's roll-ups never
/// change once it has finished. Those two make the key, so a remembered trend is never stale: a run that finishes, a
/// team whose definition changes or a cluster whose tags change gives a new key. Checking the key costs two small
/// reads; aggregating a team's quarter costs about half a second.
/// </summary>
public sealed class AggregatedTrends : IDisposable
{
    // Counted in entries (a few dozen points each); unused ones go after a while.
    private const int MaxEntries = 200;
    private static readonly TimeSpan Unused = TimeSpan.FromMinutes(30);

    private readonly MemoryCache _trends = new(new MemoryCacheOptions { SizeLimit = MaxEntries });

    public async Task<Dictionary<DateTimeOffset, GroupScore>> GetAsync(
        AppDbContext db, ClusterSelection selection, DateTimeOffset from, DateTimeOffset to, string unit, CancellationToken cancellationToken)
    {
        var clusters = await selection.Clusters(db).Select(c => c.Id).OrderBy(id => id).ToListAsync(cancellationToken);
        var runs = await db.Database.SqlQuery<Guid>($"""
            SELECT a.id AS "Value" FROM assessment_runs a
            WHERE a.status IN ('succeeded', 'partial') AND a.finished_at BETWEEN {from} AND {to}
            ORDER BY a.id
            """).ToListAsync(cancellationToken);
        var key = Key(unit, clusters, runs);
        if (_trends.TryGetValue(key, out Dictionary<DateTimeOffset, GroupScore>? remembered) && remembered is not null)
        {
            return remembered;
        }

        var trend = await GroupScores.TrendAsync(db, selection, from, to, unit, cancellationToken);
        _trends.Set(key, trend, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = Unused });
        return trend;
    }

    public void Dispose() => _trends.Dispose();

    // A digest rather than the ids themselves: a team can hold thousands of clusters.
    private static string Key(string unit, List<Guid> clusters, List<Guid> runs)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes(unit));
        foreach (var id in clusters)
        {
            hash.AppendData(id.ToByteArray());
        }

        hash.AppendData([0xFF]);
        foreach (var id in runs)
        {
            hash.AppendData(id.ToByteArray());
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
