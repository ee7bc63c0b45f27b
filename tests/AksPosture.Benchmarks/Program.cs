using AksPosture.Benchmarks;

// Benchmarks print figures; they are run by hand (README "Benchmarks"), never as timed tests.
return args switch
{
    ["engine", .. var rest] => EngineBenchmark.Run(rest),
    ["collect", .. var rest] => await CollectBenchmark.RunAsync(rest),
    ["persist", .. var rest] => await PersistBenchmark.RunAsync(rest),
    ["pages", .. var rest] => await PagesBenchmark.RunAsync(rest),
    ["adjusted", .. var rest] => await AdjustedBenchmark.RunAsync(rest),
    ["remediation", .. var rest] => await RemediationBenchmark.RunAsync(rest),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project tests/AksPosture.Benchmarks -- engine [--clusters 10000] [--seed 1]");
    Console.Error.WriteLine("       dotnet run -c Release --project tests/AksPosture.Benchmarks -- collect [--clusters 10000] [--subscriptions 500] [--latency-ms 50] [--concurrency 64]");
    Console.Error.WriteLine("       dotnet run -c Release --project tests/AksPosture.Benchmarks -- persist [--clusters 10000] [--workers 4] [--ef-clusters 10000] [--days 365] [--samples 50]");
    Console.Error.WriteLine("       dotnet run -c Release --project tests/AksPosture.Benchmarks -- pages [--clusters 10000] [--samples 5] [--days 100] [--keep] [--database <kept database>]");
    Console.Error.WriteLine("       dotnet run -c Release --project tests/AksPosture.Benchmarks -- adjusted [--clusters 10000] [--samples 20]");
    Console.Error.WriteLine("       dotnet run -c Release --project tests/AksPosture.Benchmarks -- remediation [--clusters 10000] [--days 365] [--findings 40] [--churn 10]");
    return 1;
}
