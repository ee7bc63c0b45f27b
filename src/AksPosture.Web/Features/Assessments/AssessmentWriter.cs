using AksPosture.Web.Data;
using AksPosture.Web.Features.Findings;
using AksPosture.Web.Features.Fleet;
using Microsoft.EntityFrameworkCore;

namespace AksPosture.Web.Features.Assessments;

/// <summary>Stores one run's outcome in a single transaction, so readers see all of a run or none of it.</summary>
internal static class AssessmentWriter
{
    public static async Task<IReadOnlyList<AssessedCluster>> WriteAsync(
        IDbContextFactory<AppDbContext> dbFactory,
        AssessmentRun run,
        IReadOnlyList<Evaluation> evaluations,
        IReadOnlyDictionary<string, string> subscriptionNames,
        bool isSample,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = time.GetUtcNow();
        var assessed = evaluations.Where(e => e.Assessment is not null).ToList();

        await FleetUpsert.SubscriptionsAsync(db, assessed.Select(e => e.Snapshot.SubscriptionId), subscriptionNames, now, cancellationToken);
        var clusters = await FleetUpsert.ClustersAsync(db, assessed.Select(e => e.Snapshot), isSample, now, cancellationToken);

        foreach (var evaluation in assessed)
        {
            var cluster = clusters[evaluation.Snapshot.Id.ToLowerInvariant()];
            cluster.LatestRunId = run.Id;
            db.RuleResults.AddRange(evaluation.Assessment!.Results.Select(r => ResultRecords.ToRecord(r, run.Id, cluster.Id)));
            db.PillarScoreRollups.AddRange(ResultRecords.ToRollups(evaluation.Assessment.Scores, run.Id, cluster.Id));
        }

        run.ClustersAssessed = assessed.Count;
        run.ClustersFailed = evaluations.Count - assessed.Count;
        run.Status = run.ClustersFailed == 0 ? RunStatus.Succeeded
            : run.ClustersAssessed == 0 ? RunStatus.Failed
            : RunStatus.Partial;
        run.FinishedAt = time.GetUtcNow();
        db.AssessmentRuns.Attach(run).State = EntityState.Modified;

        await db.SaveChangesAsync(cancellationToken);
        await FindingLifecycle.MergeAsync(db, run.Id, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        return evaluations.Select(e => ToOutcome(e, clusters)).ToList();
    }

    private static AssessedCluster ToOutcome(Evaluation evaluation, IReadOnlyDictionary<string, Cluster> clusters)
    {
        var snapshot = evaluation.Snapshot;
        var cluster = evaluation.Assessment is null ? null : clusters[snapshot.Id.ToLowerInvariant()];
        return new AssessedCluster(cluster?.Id, snapshot.Id, snapshot.Name, snapshot.SubscriptionId, evaluation.Assessment?.Scores, evaluation.Error);
    }
}
