using AksPosture.Engine.Collection;
using AksPosture.Web.Data;
using AksPosture.Web.Features.Assessments;
using Microsoft.EntityFrameworkCore;

namespace AksPosture.Web.Features.Collection;

/// <summary>
/// Writes a live collection's progress to its run once a second and once more at the end: clusters collected out of
/// the inventory so far, and the heartbeat that tells the watchdog the run is alive. The run stays queued meanwhile.
/// </summary>
internal sealed class CollectionProgressWriter : IProgress<CollectionProgress>, IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly IDbContextFactory<AppDbContext> _dbFactory;
    private readonly Guid _runId;
    private readonly bool _withKubernetes;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;
    private int _inventory;
    private int _azure;
    private int _kubernetes;

    private CollectionProgressWriter(IDbContextFactory<AppDbContext> dbFactory, Guid runId, bool withKubernetes, TimeProvider time, ILogger logger)
    {
        _dbFactory = dbFactory;
        _runId = runId;
        _withKubernetes = withKubernetes;
        _time = time;
        _logger = logger;
    }

    /// <summary>Stamps the run as started (collecting, nothing collected yet) and begins writing.</summary>
    public static async Task<CollectionProgressWriter> StartAsync(
        IDbContextFactory<AppDbContext> dbFactory, Guid runId, bool withKubernetes, TimeProvider time, ILogger logger, CancellationToken cancellationToken)
    {
        var writer = new CollectionProgressWriter(dbFactory, runId, withKubernetes, time, logger);
        await writer.WriteAsync(cancellationToken);
        writer._loop = writer.LoopAsync();
        return writer;
    }

    // Reports arrive from parallel workers, not always in order: keep the highest count of each stage.
    public void Report(CollectionProgress value)
    {
        switch (value.Stage)
        {
            case CollectionStages.Inventory:
                Raise(ref _inventory, value.Total);
                break;
            case CollectionStages.Azure:
                Raise(ref _azure, value.Done);
                break;
            case CollectionStages.Kubernetes:
                Raise(ref _kubernetes, value.Done);
                break;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
        await WriteAsync(CancellationToken.None);
    }

    // A cluster is collected when its Azure data (and, when asked for, its Kubernetes objects) has been read.
    private int Collected => _withKubernetes ? Math.Min(Volatile.Read(ref _azure), Volatile.Read(ref _kubernetes)) : Volatile.Read(ref _azure);

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Interval, _stop.Token);
                await WriteAsync(_stop.Token);
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (System.Data.Common.DbException ex)
            {
                // Progress is for people watching; a missed write must not cost the collection.
                _logger.LogWarning(ex, "Run {RunId}: collection progress not written", _runId);
            }
        }
    }

    private async Task WriteAsync(CancellationToken cancellationToken)
    {
        var (total, collected, now) = (Volatile.Read(ref _inventory), Collected, _time.GetUtcNow());
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        await db.AssessmentRuns.Where(r => r.Id == _runId && r.Status == RunStatus.Queued).ExecuteUpdateAsync(
            s => s.SetProperty(r => r.ClustersTotal, total)
                .SetProperty(r => r.ClustersCollected, collected)
                .SetProperty(r => r.HeartbeatAt, now)
                .SetProperty(r => r.StartedAt, r => r.StartedAt ?? now),
            cancellationToken);
    }

    private static void Raise(ref int field, int value)
    {
        var current = Volatile.Read(ref field);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref field, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
