using AksPosture.Engine.Collection;
using AksPosture.Engine.Snapshots;
using AksPosture.Web.Data;
using AksPosture.Web.Features.Assessments;
using Azure;
using Azure.Core;
using Azure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AksPosture.Web.Features.Collection;

/// <summary>
/// Runs read their clusters from live Azure: the run's scope is collected (inventory, data sets, Kubernetes objects),
/// each cluster and its snapshot bundle is stored, then the run assesses the stored snapshots as any run does.
/// What could not be read never costs data already stored:
/// <list type="bullet">
/// <item>the inventory cannot be read (sign-in, Resource Graph refused or down): the run fails naming why, nothing changes;</item>
/// <item>a data set cannot be read: its rules are ERROR naming the permission, and its earlier value is kept (<see cref="RetainedDataSets"/>);</item>
/// <item>a stored cluster's subscription cannot be read: it keeps its last snapshot and scores, the run is partial (<see cref="UnreadClusters"/>).</item>
/// </list>
/// </summary>
public sealed class AzureClusterSource(
    IDbContextFactory<AppDbContext> dbFactory,
    IOptions<LiveAzureOptions> options,
    IOptions<AzureConnectionOptions> connection,
    TokenCredential credential,
    TimeProvider time,
    ILogger<AzureClusterSource> logger) : IClusterSource
{
    private readonly StoredClusterSource _stored = new();

    // One client for all runs, so concurrent runs share Resource Graph's quota and ARM's per-subscription budget. It
    // waits on the machine's clock: throttling is real time whatever clock runs are stamped with.
    private readonly Lazy<AzureRestClient> _client = new(() => new AzureRestClient(connection.Value, credential, TimeProvider.System));

    public async Task<ClusterListing> ListAsync(AppDbContext db, Guid runId, RunScope scope, CancellationToken cancellationToken)
    {
        var configured = options.Value.ToFleetScope();
        var (azureScope, include) = LiveRunScope.For(configured, scope);
        var fleet = await CollectAsync(runId, azureScope, include, cancellationToken);

        var collectedAt = time.GetUtcNow();
        var listed = await CollectedSnapshots.SaveAsync(dbFactory, runId, fleet, collectedAt, cancellationToken);
        await CollectedSnapshots.TouchAsync(db, fleet.Excluded, collectedAt, cancellationToken);
        var read = fleet.SubscriptionNames.Keys
            .Concat(fleet.Clusters.Concat(fleet.Excluded).Select(c => c.SubscriptionId))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var unread = await UnreadClusters.KeepAsync(db, runId, scope, configured, read, collectedAt, cancellationToken);

        logger.LogInformation(
            "Run {RunId} ({Scope}): {Clusters} cluster(s) collected from {Azure} in {Seconds:0.0} s, {Incomplete} with data sets that could not be read, {Unread} kept from unreadable subscriptions",
            runId, scope, fleet.Clusters.Count, azureScope, fleet.Elapsed.TotalSeconds,
            fleet.Clusters.Count(c => RetainedDataSets.FailedIn(c).Any()), unread.Clusters.Count);
        return new ClusterListing([.. listed, .. unread.Clusters], unread.Note);
    }

    public async Task<IReadOnlyList<SourcedSnapshot>> LoadAsync(AppDbContext db, Guid runId, IReadOnlyList<Guid> clusterIds, CancellationToken cancellationToken)
    {
        var unread = await db.ClusterCollections.AsNoTracking()
            .Where(k => clusterIds.Contains(k.ClusterId) && k.FailedRunId == runId)
            .ToDictionaryAsync(k => k.ClusterId, k => k.Failure, cancellationToken);
        var stored = await _stored.LoadAsync(db, runId, clusterIds.Where(id => !unread.ContainsKey(id)).ToList(), cancellationToken);
        return [.. stored, .. unread.Select(u => new SourcedSnapshot(u.Key, null, u.Value))];
    }

    private async Task<FleetCollection> CollectAsync(Guid runId, FleetScope scope, Func<ClusterSnapshot, bool>? include, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        // A pipeline's pre-acquired ARM token cannot read Entra-enabled API servers; without a token for them, skip Kubernetes.
        var kubernetes = settings.CollectKubernetes && (credential is not EnvironmentTokenCredential token || token.HasKubernetesToken);
        var collector = new FleetCollector(_client.Value, TimeProvider.System);
        await using var progress = await CollectionProgressWriter.StartAsync(dbFactory, runId, kubernetes, time, logger, cancellationToken);
        try
        {
            return await collector.CollectAsync(
                new FleetCollectorOptions
                {
                    Scope = scope, Include = include, CollectKubernetes = kubernetes,
                    MaxConcurrency = settings.MaxConcurrency, KubernetesConcurrency = settings.KubernetesConcurrency,
                },
                progress,
                cancellationToken);
        }
        catch (Exception ex) when (ex is ResourceGraphException or AuthenticationFailedException or RequestFailedException
                                   || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new ClusterSourceException(
                $"The clusters of {scope} could not be listed from Azure ({connection.Value.ArmEndpoint}): {ex.Message} " +
                "Nothing was changed: every cluster keeps its last snapshot and scores.",
                ex);
        }
    }
}
