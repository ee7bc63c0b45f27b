using AksPosture.Benchmarks;

// Benchmarks print figures; they are run by hand (README "Benchmarks"), never as timed tests.
return args switch
{
    ["engine", .. var rest] => EngineBenchmark.Run(rest),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project tests/AksPosture.Benchmarks -- engine [--clusters 10000] [--seed 1]");
    return 1;
}
