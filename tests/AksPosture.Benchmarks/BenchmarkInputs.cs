namespace AksPosture.Benchmarks;

/// <summary>What every benchmark reads: its integer options and the sample fleet in the repository.</summary>
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
}
