using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using AksPosture.Engine.Snapshots;

namespace AksPosture.Engine.Collection;

/// <summary>
/// Collects a fleet from live Azure: the inventory from one paged Resource Graph query; as each page arrives its
/// clusters go to the per-cluster ARM readers and (optionally) the Kubernetes readers, each with bounded concurrency;
/// the Resource Graph tables are read for the whole fleet once the inventory is known. Data that could not be read
/// becomes a <see cref="CollectionProblem"/> on the cluster, never a failed run; only the inventory itself is required.
/// </summary>
public sealed class FleetCollector(AzureRestClient client, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public async Task<FleetCollection> CollectAsync(FleetCollectorOptions options, IProgress<CollectionProgress>? progress, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var graph = new ResourceGraphClient(client);
        var arm = new ClusterArmCollector(client, _time) { MetricsWindow = options.MetricsWindow };
        var kubernetes = new KubernetesCollector(client);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        var clusters = new List<ClusterSnapshot>();
        var excluded = new List<ClusterSnapshot>();
        var azure = new ConcurrentDictionary<string, (List<KeyValuePair<string, JsonNode?>> Sets, List<CollectionProblem> Problems)>(StringComparer.OrdinalIgnoreCase);
        var inCluster = new ConcurrentDictionary<string, (KubernetesInventory? Inventory, CollectionProblem? Problem)>(StringComparer.OrdinalIgnoreCase);
        var toArm = Channel.CreateUnbounded<ClusterSnapshot>();
        var toKubernetes = Channel.CreateUnbounded<ClusterSnapshot>();
        int armDone = 0, kubernetesDone = 0, inventoryQueries = 0;

        var names = SubscriptionNamesAsync(graph, options.Scope, stop.Token);
        var armWork = Parallel.ForEachAsync(toArm.Reader.ReadAllAsync(stop.Token), Parallelism(options.MaxConcurrency, stop.Token), async (cluster, token) =>
        {
            azure[cluster.Id] = await arm.CollectAsync(cluster, token).ConfigureAwait(false);
            progress?.Report(new CollectionProgress(CollectionStages.Azure, Interlocked.Increment(ref armDone), Volatile.Read(ref clusters).Count));
        });
        var kubernetesWork = Parallel.ForEachAsync(toKubernetes.Reader.ReadAllAsync(stop.Token), Parallelism(options.KubernetesConcurrency, stop.Token), async (cluster, token) =>
        {
            inCluster[cluster.Id] = await kubernetes.CollectAsync(cluster, token).ConfigureAwait(false);
            progress?.Report(new CollectionProgress(CollectionStages.Kubernetes, Interlocked.Increment(ref kubernetesDone), Volatile.Read(ref clusters).Count));
        });

        TableData tables;
        try
        {
            await foreach (var page in graph.QueryPagesAsync(ResourceGraphClient.ClustersQuery, options.Scope, stop.Token).ConfigureAwait(false))
            {
                inventoryQueries++;
                foreach (var row in page)
                {
                    var snapshot = new ClusterSnapshot(row, $"Resource Graph ({options.Scope})");
                    if (options.Include is { } include && !include(snapshot))
                    {
                        excluded.Add(snapshot);
                        continue;
                    }

                    clusters.Add(snapshot);
                    toArm.Writer.TryWrite(snapshot);
                    if (options.CollectKubernetes)
                    {
                        toKubernetes.Writer.TryWrite(snapshot);
                    }
                }

                progress?.Report(new CollectionProgress(CollectionStages.Inventory, clusters.Count, clusters.Count));
            }

            toArm.Writer.Complete();
            toKubernetes.Writer.Complete();
            tables = await new ResourceGraphDataSets(graph).CollectAsync(clusters, options.Scope, stop.Token).ConfigureAwait(false);
            progress?.Report(new CollectionProgress(CollectionStages.Tables, ResourceGraphDataSets.Queries.Count, ResourceGraphDataSets.Queries.Count));
            await Task.WhenAll(armWork, kubernetesWork).ConfigureAwait(false);
        }
        catch
        {
            // Stop the readers before leaving, so nothing keeps calling Azure for a run that is over.
            toArm.Writer.TryComplete();
            toKubernetes.Writer.TryComplete();
            await stop.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(armWork, kubernetesWork, names).ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
            throw;
        }

        var snapshots = clusters.Select(c => Assemble(c, azure.GetValueOrDefault(c.Id), inCluster.GetValueOrDefault(c.Id), tables)).ToList();
        return new FleetCollection(snapshots, await names.ConfigureAwait(false), inventoryQueries, client.Statistics, _time.GetElapsedTime(started))
        {
            Excluded = excluded,
        };
    }

    private static ClusterSnapshot Assemble(ClusterSnapshot cluster, (List<KeyValuePair<string, JsonNode?>> Sets, List<CollectionProblem> Problems) azure,
        (KubernetesInventory? Inventory, CollectionProblem? Problem) inCluster, TableData tables)
    {
        var sets = new List<KeyValuePair<string, JsonNode?>>(azure.Sets ?? []);
        sets.AddRange(tables.Sets.Select(t => KeyValuePair.Create(t.Key, (JsonNode?)t.Value.GetValueOrDefault(cluster.Id))).Where(s => s.Value is not null));
        var problems = (azure.Problems ?? []).Concat(tables.Problems.Values);
        return new ClusterSnapshot(cluster.Resource, cluster.Source)
        {
            Azure = new AzureData(sets, problems),
            Kubernetes = inCluster.Inventory,
            KubernetesProblem = inCluster.Problem,
        };
    }

    // Names are a courtesy for reports; a failure to read them must not cost the run.
    private static async Task<IReadOnlyDictionary<string, string>> SubscriptionNamesAsync(ResourceGraphClient graph, FleetScope scope, CancellationToken cancellationToken)
    {
        try
        {
            return await graph.SubscriptionNamesAsync(scope, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ResourceGraphException or Azure.RequestFailedException)
        {
            return new Dictionary<string, string>();
        }
    }

    private static ParallelOptions Parallelism(int degree, CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = Math.Max(1, degree), CancellationToken = cancellationToken };
}

/// <summary>What to collect, and how many clusters are read at once.</summary>
public sealed class FleetCollectorOptions
{
    public FleetScope Scope { get; init; } = FleetScope.AllSubscriptions;

    /// <summary>Read each cluster's Kubernetes objects (needs network reach to the API servers and the in-cluster read role).</summary>
    public bool CollectKubernetes { get; init; } = true;

    /// <summary>Clusters whose ARM data is read at once; each has one call in flight at a time.</summary>
    public int MaxConcurrency { get; init; } = 64;

    public int KubernetesConcurrency { get; init; } = 8;

    public TimeSpan MetricsWindow { get; init; } = TimeSpan.FromDays(7);

    /// <summary>
    /// Which clusters of the inventory to collect, for selections Resource Graph's scope cannot express (a tag, some
    /// subscriptions of a management group); null collects them all. The others are listed in <see cref="FleetCollection.Excluded"/>.
    /// </summary>
    public Func<ClusterSnapshot, bool>? Include { get; init; }
}

/// <summary>The collected fleet: clusters with their data sets and problems, subscription names, and the calls it took.</summary>
public sealed record FleetCollection(
    IReadOnlyList<ClusterSnapshot> Clusters,
    IReadOnlyDictionary<string, string> SubscriptionNames,
    int InventoryQueries,
    CallStatistics Statistics,
    TimeSpan Elapsed)
{
    /// <summary>Clusters the inventory listed that <see cref="FleetCollectorOptions.Include"/> left out: they exist, nothing else was read.</summary>
    public IReadOnlyList<ClusterSnapshot> Excluded { get; init; } = [];
}

/// <summary>How far a stage has come: clusters done out of the clusters known so far.</summary>
public sealed record CollectionProgress(string Stage, int Done, int Total);

public static class CollectionStages
{
    public const string Inventory = "inventory";
    public const string Azure = "azure";
    public const string Kubernetes = "kubernetes";
    public const string Tables = "resourceGraphTables";
}
