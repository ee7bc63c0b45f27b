using System.Diagnostics;
using System.Globalization;
using AksPosture.AzureEmulator;
using AksPosture.Engine.Collection;

namespace AksPosture.Benchmarks;

/// <summary>
/// Runs the real collectors against the Azure emulator (50 ms per call by default): the Resource Graph inventory plus
/// every per-cluster data set, without Kubernetes. Prints the calls made by kind, the wall time, and the most Resource
/// Graph queries the emulator saw in any 5-second window. Targets: inventory in at most 15 Resource Graph calls, the
/// whole collection under 60 s, never more than 15 queries in a window.
/// </summary>
internal static class CollectBenchmark
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var clusters = BenchmarkInputs.IntOption(args, "--clusters", 10_000);
        var subscriptions = BenchmarkInputs.IntOption(args, "--subscriptions", 500);
        var latency = TimeSpan.FromMilliseconds(BenchmarkInputs.IntOption(args, "--latency-ms", 50));
        var concurrency = BenchmarkInputs.IntOption(args, "--concurrency", 64);

        await using var emulator = await AzureEmulatorServer.StartAsync(new EmulatorOptions { Clusters = clusters, Subscriptions = subscriptions, Latency = latency });
        var folder = Directory.CreateTempSubdirectory("aksposture-bench-");
        try
        {
            var connection = new AzureConnectionOptions { ArmEndpoint = emulator.BaseUri, TrustedRootCertificateFile = emulator.WriteCertificate(folder.FullName) };
            var client = new AzureRestClient(connection, new EnvironmentTokenCredential("benchmark-token", null, connection.KubernetesTokenScope));
            Console.WriteLine($"{clusters} clusters in {subscriptions} subscriptions, {latency.TotalMilliseconds:0} ms per call, {concurrency} clusters at once, no Kubernetes");

            var stopwatch = Stopwatch.StartNew();
            var inventoryDone = TimeSpan.Zero;
            var progress = new Progress(p =>
            {
                if (p.Stage == CollectionStages.Inventory && p.Done == clusters)
                {
                    inventoryDone = stopwatch.Elapsed;
                }
            });
            var fleet = await new FleetCollector(client).CollectAsync(new FleetCollectorOptions { CollectKubernetes = false, MaxConcurrency = concurrency }, progress, CancellationToken.None);
            stopwatch.Stop();

            var problems = fleet.Clusters.Sum(c => c.Azure.Problems.Count);
            var window = emulator.Log.MaxResourceGraphRequestsIn(TimeSpan.FromSeconds(5));
            Console.WriteLine($"clusters collected          : {fleet.Clusters.Count} ({problems} data-set problems), {fleet.SubscriptionNames.Count} subscription names");
            Console.WriteLine($"inventory                   : {fleet.InventoryQueries} Resource Graph calls (target <= 15) {Verdict(fleet.InventoryQueries <= 15)}, done at {inventoryDone.TotalSeconds:0.0} s");
            Console.WriteLine($"wall time                   : {stopwatch.Elapsed.TotalSeconds:0.0} s (target < 60 s) {Verdict(stopwatch.Elapsed < TimeSpan.FromSeconds(60))}");
            Console.WriteLine($"max Resource Graph in 5 s   : {window} (quota 15) {Verdict(window <= 15)}");
            Console.WriteLine($"calls by kind (emulator)    : {Format(emulator.Log.ByKind())}");
            Console.WriteLine($"calls by kind (client)      : {Format(fleet.Statistics.Calls)}, total {fleet.Statistics.Total}");
            Console.WriteLine($"non-2xx answers             : {(fleet.Statistics.FailedStatuses.Count == 0 ? "none" : Format(fleet.Statistics.FailedStatuses.ToDictionary(s => s.Key.ToString(CultureInfo.InvariantCulture), s => s.Value)))}");
            return fleet.InventoryQueries <= 15 && window <= 15 && stopwatch.Elapsed < TimeSpan.FromSeconds(60) ? 0 : 2;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string Verdict(bool met) => met ? "MET" : "NOT MET";

    private static string Format(IEnumerable<KeyValuePair<string, int>> counts) =>
        string.Join(", ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {c.Value}"));

    private sealed class Progress(Action<CollectionProgress> report) : IProgress<CollectionProgress>
    {
        public void Report(CollectionProgress value) => report(value);
    }
}
