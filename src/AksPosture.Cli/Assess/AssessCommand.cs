using System.Globalization;
using System.Text.Json;
using AksPosture.Cli.Commands;
using AksPosture.Engine.Assessment;
using AksPosture.Engine.Snapshots;

namespace AksPosture.Cli.Assess;

internal static class AssessCommand
{
    private static readonly HashSet<string> Options = ["--format", "--fail-under", "--output", "--kubernetes", "--context"];

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var live = LiveScope.Extract(args, out var rest);
        var commandLine = CommandLine.Parse(rest, Options);
        var format = commandLine.Format("json");
        var failUnder = ParseThreshold(commandLine.Option("--fail-under"));
        if (live is null && commandLine.Positionals.Count == 0)
        {
            throw new UsageException("assess needs at least one file or folder, or --all-subscriptions / --subscription <id> / --management-group <id>");
        }

        if (live is not null && (commandLine.Positionals.Count > 0 || commandLine.Option("--kubernetes") is not null))
        {
            throw new UsageException("assess reads either files or live Azure, not both");
        }

        var settings = ReadContext(commandLine.Option("--context"));
        SnapshotReadResult read;
        try
        {
            read = live is null ? ReadSnapshots(commandLine.Positionals, commandLine.Option("--kubernetes")) : new SnapshotReadResult(LiveCollection.Collect(live, stderr), []);
        }
        catch (CollectionFailedException ex)
        {
            stderr.WriteLine($"aksposture: {ex.Message}");
            return ExitCodes.UnreadableInput;
        }
        var assessments = read.Snapshots.Select(s => ClusterAssessor.Assess(s, settings)).ToList();

        var output = commandLine.Option("--output");
        using (var writer = output is null ? null : new StreamWriter(output))
        {
            Write(writer ?? stdout, format, assessments, read.Errors);
        }

        foreach (var error in read.Errors)
        {
            stderr.WriteLine($"aksposture: {error.File}: {error.Message}");
        }

        var below = failUnder is { } threshold
            ? assessments.Where(a => a.Scores.Overall is { } overall && overall < threshold).ToList()
            : [];
        foreach (var a in below)
        {
            stderr.WriteLine($"aksposture: {a.Snapshot.Name} scored {a.Scores.Overall:0.0}, below --fail-under {failUnder}");
        }

        return read.Errors.Count > 0 ? ExitCodes.UnreadableInput
            : below.Count > 0 ? ExitCodes.BelowThreshold
            : ExitCodes.Done;
    }

    private static void Write(TextWriter writer, string format, IReadOnlyList<ClusterAssessment> assessments, IReadOnlyList<SnapshotError> errors)
    {
        if (format == "table")
        {
            TableReport.Write(writer, assessments, errors);
            return;
        }

        writer.WriteLine(JsonSerializer.Serialize(AssessmentReport.From(assessments, errors), ReportJson.Options));
    }

    private static AssessmentSettings ReadContext(string? path)
    {
        if (path is null)
        {
            return AssessmentSettings.Default;
        }

        var (settings, error) = ContextFile.Read(path);
        return settings ?? throw new UsageException($"--context {path}: {error}");
    }

    // --kubernetes pairs one objects file with the single cluster file given; folders pair NAME.k8s.json with NAME.json.
    private static SnapshotReadResult ReadSnapshots(IReadOnlyList<string> paths, string? kubernetesFile)
    {
        var read = SnapshotReader.ReadPaths(paths);
        if (kubernetesFile is null)
        {
            return read;
        }

        if (!File.Exists(kubernetesFile))
        {
            throw new UsageException($"--kubernetes {kubernetesFile}: no such file");
        }

        var paired = SnapshotReader.PairWithKubernetes(read.Snapshots, kubernetesFile);
        return new SnapshotReadResult(paired.Snapshots, [.. read.Errors, .. paired.Errors]);
    }

    private static double? ParseThreshold(string? text)
    {
        if (text is null)
        {
            return null;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= 100
            ? value
            : throw new UsageException($"--fail-under must be a number from 0 to 100, not '{text}'");
    }
}
