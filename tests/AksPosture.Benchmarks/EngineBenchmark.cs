using System.Diagnostics;
using AksPosture.Engine.Assessment;
using AksPosture.Engine.Rules;
using AksPosture.Engine.Snapshots;

namespace AksPosture.Benchmarks;

/// <summary>
/// Evaluates the full rule catalog over generated snapshots and prints clusters per second beside the time to only
/// parse the same JSON. Target: parse + evaluate takes no more than twice the parse-only time.
/// </summary>
internal static class EngineBenchmark
{
    public static int Run(IReadOnlyList<string> args)
    {
        var clusters = BenchmarkInputs.IntOption(args, "--clusters", 10_000);
        var seed = BenchmarkInputs.IntOption(args, "--seed", 1);
        var sampleFolder = BenchmarkInputs.SampleFleetFolder;
        var documents = SyntheticFleet.Generate(sampleFolder, clusters, seed);
        var megabytes = documents.Sum(d => (long)d.Length) / 1_048_576.0;
        Console.WriteLine($"{clusters} synthetic clusters from the sample fleet ({megabytes:0.0} MiB of JSON), {RuleCatalog.All.Count} rules, rule set {RuleCatalog.Version}");

        // Warm-up so both measurements run on tiered-up code.
        ParseOnly(documents.Take(500).ToList());
        ParseAndAssess(documents.Take(500).ToList());

        var parseAllocated = Allocated(() => ParseOnly(documents));
        var fullAllocated = Allocated(() => ParseAndAssess(documents));
        var (parse, full) = MeasureInterleaved(() => ParseOnly(documents), () => ParseAndAssess(documents));
        var ratio = full.TotalMilliseconds / parse.TotalMilliseconds;

        Console.WriteLine($"parse only          : {parse.TotalMilliseconds,9:0} ms  {clusters / parse.TotalSeconds,10:0} clusters/s");
        Console.WriteLine($"parse + full catalog: {full.TotalMilliseconds,9:0} ms  {clusters / full.TotalSeconds,10:0} clusters/s");
        Console.WriteLine($"evaluation alone    : {(full - parse).TotalMilliseconds,9:0} ms");
        Console.WriteLine($"allocated per cluster: parse {parseAllocated / clusters / 1024.0:0} KiB, parse + evaluate {fullAllocated / clusters / 1024.0:0} KiB");
        Console.WriteLine($"full / parse-only   : {ratio:0.00}x (target <= 2.00x) {(ratio <= 2 ? "MET" : "NOT MET")}");
        if (args.Contains("--per-rule"))
        {
            PrintSlowestRules(documents.Take(2000).ToList());
        }

        return 0;
    }

    private static int ParseOnly(IReadOnlyList<string> documents)
    {
        var count = 0;
        foreach (var document in documents)
        {
            count += SnapshotReader.Read(document, "bench").Snapshots.Count;
        }

        return count;
    }

    private static int ParseAndAssess(IReadOnlyList<string> documents)
    {
        var results = 0;
        foreach (var document in documents)
        {
            foreach (var snapshot in SnapshotReader.Read(document, "bench").Snapshots)
            {
                results += ClusterAssessor.Assess(snapshot, AssessmentSettings.Default).Results.Count;
            }
        }

        return results;
    }

    // Where evaluation time goes, to know which rule to make cheaper.
    private static void PrintSlowestRules(IReadOnlyList<string> documents)
    {
        var snapshots = documents.SelectMany(d => SnapshotReader.Read(d, "bench").Snapshots).ToList();
        var timings = RuleCatalog.All.Select(rule =>
        {
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var stopwatch = Stopwatch.StartNew();
            foreach (var snapshot in snapshots)
            {
                rule.Evaluate(snapshot, AssessmentSettings.Default);
            }

            return (rule.Definition.Id, stopwatch.Elapsed.TotalMilliseconds, Bytes: GC.GetAllocatedBytesForCurrentThread() - allocated);
        }).OrderByDescending(t => t.Bytes).ToList();
        Console.WriteLine($"rules by allocation over {snapshots.Count} clusters (total {timings.Sum(t => t.TotalMilliseconds):0} ms, {timings.Sum(t => t.Bytes) / snapshots.Count / 1024.0:0} KiB/cluster):");
        foreach (var (id, ms, bytes) in timings.Take(15))
        {
            Console.WriteLine($"  {id,-12} {ms,8:0.0} ms {bytes / snapshots.Count / 1024.0,8:0.0} KiB/cluster");
        }
    }

    // Rounds alternate the two workloads so a noisy neighbour or a GC pause hits both alike; medians are reported.
    private static (TimeSpan First, TimeSpan Second) MeasureInterleaved(Func<int> first, Func<int> second, int rounds = 5)
    {
        var a = new List<TimeSpan>();
        var b = new List<TimeSpan>();
        for (var i = 0; i < rounds; i++)
        {
            a.Add(Time(first));
            b.Add(Time(second));
        }

        return (a.Order().ElementAt(rounds / 2), b.Order().ElementAt(rounds / 2));
    }

    private static TimeSpan Time(Func<int> work)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var stopwatch = Stopwatch.StartNew();
        work();
        return stopwatch.Elapsed;
    }

    private static long Allocated(Func<int> work)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        work();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
