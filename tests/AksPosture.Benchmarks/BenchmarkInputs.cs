namespace AksPosture.Benchmarks;

/// <summary>What every benchmark reads: its integer options, the sample fleet in the repository and the machine's load.</summary>
internal static class BenchmarkInputs
{
    public static int IntOption(IReadOnlyList<string> args, string name, int fallback)
    {
        var index = args.ToList().IndexOf(name);
        return index >= 0 && index + 1 < args.Count && int.TryParse(args[index + 1], out var value) ? value : fallback;
    }

    public static string SampleFleetFolder => Path.Combine(RepositoryRoot(), "src", "AksPosture.Web", "Features", "SampleFleet", "Data");

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "AksPosture.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("Run the benchmark from inside the repository.");
    }

    // Figures from a machine shared with other work mean little without its load beside them.
    public static void PrintLoad(string when)
    {
        if (File.Exists("/proc/loadavg"))
        {
            Console.WriteLine($"load average {when}: {LoadAverage(3)} (1, 5, 15 min) on {Environment.ProcessorCount} cores");
        }
    }

    /// <summary>The first <paramref name="fields"/> load averages (1, 5, 15 min), or "n/a" where the system does not publish them.</summary>
    public static string LoadAverage(int fields) =>
        File.Exists("/proc/loadavg") ? string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(fields)) : "n/a";
}
