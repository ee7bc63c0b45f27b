using AksPosture.Engine.Collection;
using AksPosture.Engine.Snapshots;
using Azure.Identity;

namespace AksPosture.Cli.Assess;

/// <summary>Collects the clusters of a live scope, reporting progress on stderr; Ctrl+C stops it.</summary>
internal static class LiveCollection
{
    public static IReadOnlyList<ClusterSnapshot> Collect(LiveScope live, TextWriter stderr)
    {
        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            var credential = AzureCredentials.Create(live.Connection);
            var collector = new FleetCollector(new AzureRestClient(live.Connection, credential));
            var collectKubernetes = live.CollectKubernetes && (credential is not EnvironmentTokenCredential token || token.HasKubernetesToken);
            stderr.WriteLine($"aksposture: reading clusters from {live.Connection.ArmEndpoint} ({live.Scope}){(collectKubernetes ? "" : ", without Kubernetes objects")}");
            var fleet = collector.CollectAsync(
                new FleetCollectorOptions { Scope = live.Scope, CollectKubernetes = collectKubernetes },
                new ProgressWriter(stderr),
                cancel.Token).GetAwaiter().GetResult();

            var incomplete = fleet.Clusters.Count(c => c.Azure.Problems.Count > 0 || c.KubernetesProblem is not null);
            stderr.WriteLine($"aksposture: {fleet.Clusters.Count} cluster(s) in {fleet.SubscriptionNames.Count} subscription(s) read with {fleet.Statistics.Total} calls in {fleet.Elapsed.TotalSeconds:0.0} s"
                + (incomplete == 0 ? "" : $"; {incomplete} with data that could not be read (ERROR results say what and why)"));
            return fleet.Clusters;
        }
        catch (Exception ex) when (ex is ResourceGraphException or AuthenticationFailedException or Azure.RequestFailedException)
        {
            throw new CollectionFailedException($"cannot read the clusters: {ex.Message}");
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            throw new CollectionFailedException("collection cancelled");
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    /// <summary>Writes a line when a stage starts, then at every tenth of the way.</summary>
    private sealed class ProgressWriter(TextWriter stderr) : IProgress<CollectionProgress>
    {
        private readonly Dictionary<string, int> _lastTenth = [];

        public void Report(CollectionProgress value)
        {
            lock (_lastTenth)
            {
                var tenth = value.Total == 0 ? 0 : value.Done * 10 / value.Total;
                if (_lastTenth.TryGetValue(value.Stage, out var last) && last == tenth && value.Stage != CollectionStages.Inventory)
                {
                    return;
                }

                _lastTenth[value.Stage] = tenth;
                stderr.WriteLine(value.Stage == CollectionStages.Inventory
                    ? $"aksposture: inventory: {value.Done} cluster(s)"
                    : $"aksposture: {value.Stage}: {value.Done}/{value.Total}");
            }
        }
    }
}

/// <summary>The clusters could not be listed at all (sign-in, scope, Resource Graph); the message says why.</summary>
internal sealed class CollectionFailedException(string message) : Exception(message);
