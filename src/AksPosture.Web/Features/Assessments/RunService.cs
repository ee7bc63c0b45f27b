using AksPosture.Engine.Rules;
using AksPosture.Engine.Scoring;
using AksPosture.Web.Data;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AksPosture.Web.Features.Assessments;

/// <summary>The outcome of asking for a run: its id, or the run of the same scope that is still going.</summary>
public sealed record StartRunResult(Guid? RunId, Guid? ActiveRunId);

/// <summary>Starts runs and reads their progress; shared by the API, the Runs page and schedules.</summary>
public sealed class RunService(IDbContextFactory<AppDbContext> dbFactory, IBackgroundJobClient jobs, TimeProvider time, ILogger<RunService> logger)
{
    public const string ManualTrigger = "manual";
    public const string ScheduleTrigger = "schedule";

    public async Task<StartRunResult> StartAsync(RunScope scope, string trigger, Guid? scheduleId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var run = new AssessmentRun
        {
            Id = Guid.CreateVersion7(now), Trigger = trigger, Scope = scope.ToString(), ScheduleId = scheduleId,
            Status = RunStatus.Queued, QueuedAt = now, HeartbeatAt = now,
            RuleSetVersion = RuleCatalog.Version, ScoringVersion = ScoringModel.Version,
        };
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.AssessmentRuns.Add(run);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            var active = await db.AssessmentRuns.AsNoTracking()
                .Where(r => r.Scope == run.Scope && (r.Status == RunStatus.Queued || r.Status == RunStatus.Running))
                .Select(r => (Guid?)r.Id)
                .FirstOrDefaultAsync(cancellationToken);
            logger.LogInformation("Run of {Scope} ({Trigger}) not started: run {ActiveRunId} of that scope is still going", run.Scope, trigger, active);
            return new StartRunResult(null, active);
        }

        jobs.Enqueue<RunJobs>(j => j.PlanAsync(run.Id, CancellationToken.None));
        logger.LogInformation("Run {RunId} of {Scope} queued ({Trigger})", run.Id, run.Scope, trigger);
        return new StartRunResult(run.Id, null);
    }

    public async Task<RunView?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var run = await db.AssessmentRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        return run is null ? null : RunView.From(run);
    }

    /// <summary>Newest first; <paramref name="page"/> counts from 1.</summary>
    public async Task<RunPage> ListAsync(int page, int pageSize, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var total = await db.AssessmentRuns.CountAsync(cancellationToken);
        var runs = await db.AssessmentRuns.AsNoTracking()
            .OrderByDescending(r => r.QueuedAt).ThenByDescending(r => r.Id)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .ToListAsync(cancellationToken);
        return new RunPage(runs.Select(RunView.From).ToList(), page, pageSize, total);
    }
}

public sealed record RunView(
    Guid Id,
    string Status,
    string Trigger,
    string? Scope,
    Guid? ScheduleId,
    DateTimeOffset QueuedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    int ClustersTotal,
    int ClustersAssessed,
    int ClustersFailed,
    int? ClustersCollected,
    string RuleSetVersion,
    string ScoringVersion,
    string? Error)
{
    public static RunView From(AssessmentRun run) => new(
        run.Id, run.Status.ToString().ToLowerInvariant(), run.Trigger, run.Scope, run.ScheduleId, run.QueuedAt, run.StartedAt, run.FinishedAt,
        run.ClustersTotal, run.ClustersAssessed, run.ClustersFailed, run.ClustersCollected, run.RuleSetVersion, run.ScoringVersion, run.Error);

    public bool IsActive => Status is "queued" or "running";

    /// <summary>A live source is reading the run's clusters from Azure; assessing has not begun.</summary>
    public bool IsCollecting => Status is "queued" && ClustersCollected is not null;
}

public sealed record RunPage(IReadOnlyList<RunView> Items, int Page, int PageSize, int Total);
