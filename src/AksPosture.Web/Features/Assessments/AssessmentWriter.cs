using AksPosture.Web.Data;
using AksPosture.Web.Features.Fleet;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AksPosture.Web.Features.Assessments;

/// <summary>Stores an import's outcome in a single transaction, so readers see all of a run or none of it.</summary>
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
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = time.GetUtcNow();
        var assessed = evaluations.Where(e => e.Assessment is not null).ToList();

        await FleetUpsert.SubscriptionsAsync(db, assessed.Select(e => e.Snapshot.SubscriptionId), subscriptionNames, now, cancellationToken);
        var clusters = await FleetUpsert.ClustersAsync(db, assessed.Select(e => e.Snapshot), isSample, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var stored = assessed.Select(e => new StoredAssessment(clusters[e.Snapshot.Id.ToLowerInvariant()].Id, e.Assessment!)).ToList();
        await RunPartitions.CreateAsync(connection, run.Id, cancellationToken);
        await ResultCopy.WriteResultsAsync(connection, RunPartitions.TableFor(run.Id), run.Id, stored, cancellationToken);
        await ResultCopy.WriteRollupsAsync(connection, run.Id, stored, cancellationToken);
        await ResultCopy.WriteDigestsAsync(connection, run.Id, stored, cancellationToken);

        run.ClustersAssessed = assessed.Count;
        run.ClustersFailed = evaluations.Count - assessed.Count;
        await db.AssessmentRuns.Where(r => r.Id == run.Id).ExecuteUpdateAsync(
            s => s.SetProperty(r => r.ClustersAssessed, run.ClustersAssessed).SetProperty(r => r.ClustersFailed, run.ClustersFailed),
            cancellationToken);
        run.Status = (await RunFinisher.FinishAsync(
            db, new FinishingRun(run.Id, null, run.StartedAt ?? now, run.ClustersTotal, run.ClustersAssessed, run.ClustersFailed), time, cancellationToken)).Status;
        run.FinishedAt = await db.AssessmentRuns.Where(r => r.Id == run.Id).Select(r => r.FinishedAt).SingleAsync(cancellationToken);
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
