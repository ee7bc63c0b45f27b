using System.Runtime.CompilerServices;
using AksPosture.Web.Data;
using AksPosture.Web.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace AksPosture.Web.Features.Findings;

public sealed class FindingQueries(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time)
{
    /// <summary>One page of the findings <paramref name="user"/> may see; <paramref name="page"/> counts from 1.</summary>
    public async Task<FindingPage> ListAsync(
        PortalUser user, FindingFilter filter, FindingSort sort, int page, int pageSize, CancellationToken cancellationToken)
    {
        var today = Today;
        var joined = sort.NeedsRemediation || filter.NeedsRemediation;
        // The total reads every selected finding, as the page's cut does: on a connection of its own, both at once.
        var total = CountAsync(user, filter, today, joined, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await FindingRows.SelectAsync(db, user, filter, today, joined, cancellationToken);

        // Cut the page on the narrow key columns first, then read the page's rows in full: sorting the fleet's findings
        // with every column attached costs more than the second round trip.
        var keys = (await FindingRows.Sort(rows, sort).Skip((page - 1) * pageSize).Take(pageSize)
                .Select(x => new { x.ClusterId, x.RuleId, x.ObjectKey })
                .ToListAsync(cancellationToken))
            .Select(k => new FindingKey(k.ClusterId, k.RuleId, k.ObjectKey))
            .ToList();
        var byKey = (await FindingRows.OnlyKeys(rows, keys).ToListAsync(cancellationToken)).ToDictionary(r => new FindingKey(r.ClusterId, r.RuleId, r.ObjectKey));
        var items = keys.Where(byKey.ContainsKey).Select(k => byKey[k]).ToList();
        if (!joined)
        {
            items = await FindingRows.WithRemediationAsync(db, items, cancellationToken);
        }

        return new FindingPage(items.Select(r => r.ToView(today)).ToList(), page, pageSize, await total);
    }

    private async Task<int> CountAsync(PortalUser user, FindingFilter filter, DateOnly today, bool joined, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await (await FindingRows.SelectAsync(db, user, filter, today, joined, cancellationToken)).CountAsync(cancellationToken);
    }

    /// <summary>The finding, or null when it does not exist or belongs to a cluster the user may not see.</summary>
    public async Task<FindingView?> FindAsync(PortalUser user, FindingKey key, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = Today;
        var rows = await FindingRows.SelectAsync(db, user, FindingFilter.None with { IncludeGone = true }, today, withRemediation: true, cancellationToken);
        var row = await FindingRows.Only(rows, key).FirstOrDefaultAsync(cancellationToken);
        return row?.ToView(today);
    }

    /// <summary>Every finding the filter selects, in list order, read as the caller consumes them (exports).</summary>
    public async IAsyncEnumerable<FindingView> StreamAsync(
        PortalUser user, FindingFilter filter, FindingSort sort, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = Today;
        var rows = await FindingRows.SelectAsync(db, user, filter, today, withRemediation: true, cancellationToken);
        await foreach (var row in FindingRows.Sort(rows, sort).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return row.ToView(today);
        }
    }

    private DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
}
