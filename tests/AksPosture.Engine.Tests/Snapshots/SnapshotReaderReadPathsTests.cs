using AksPosture.Engine.Snapshots;
using static AksPosture.Engine.Tests.Fixtures.ClusterFixture;

namespace AksPosture.Engine.Tests.Snapshots;

/// <summary><see cref="SnapshotReader.ReadPaths"/> over a temporary folder: one bad file never stops the others.</summary>
public sealed class SnapshotReaderReadPathsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("aksposture-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void ReadPaths_FolderWithBadFiles_ReadsTheGoodOnesAndNamesTheBad()
    {
        var good = Copy(NeglectedDev, "a-dev.json");
        var truncated = Copy("Malformed/truncated.json", "b-truncated.json");
        var mixed = Copy("Malformed/mixed-list.json", "c-mixed.json");
        Directory.CreateDirectory(Path.Combine(_folder, "nested"));
        var nested = Copy(MostlyCompliant, Path.Combine("nested", "d-prod.json"));
        File.WriteAllText(Path.Combine(_folder, "notes.txt"), "not json, not read");

        var result = SnapshotReader.ReadPaths([_folder]);

        Assert.Equal(["aks-sandbox-dev", "aks-good-1", "aks-good-2", "aks-contoso-prod-weu"], result.Snapshots.Select(s => s.Name));
        Assert.Equal([truncated, mixed, mixed, mixed], result.Errors.Select(e => e.File));
        Assert.Contains(result.Snapshots, s => s.Source == $"{good} $");
        Assert.Contains(result.Snapshots, s => s.Source == $"{nested} $");
    }

    [Fact]
    public void ReadPaths_MissingPathAmongFiles_IsReportedAndTheFilesRead()
    {
        var good = Copy(BaselinePrivate, "private.json");
        var missing = Path.Combine(_folder, "missing.json");

        var result = SnapshotReader.ReadPaths([missing, good]);

        Assert.Equal("aks-fabrikam-prod-neu", Assert.Single(result.Snapshots).Name);
        var error = Assert.Single(result.Errors);
        Assert.Equal(missing, error.File);
        Assert.Contains("no such file or folder", error.Message);
    }

    // Engine bug (see SnapshotReaderErrorTests): an item whose name is not a string throws out of ReadFile,
    // so ReadPaths loses every file after it.
    [Fact]
    public void ReadPaths_FileWithNumericName_DoesNotStopTheOtherFiles()
    {
        var bad = Path.Combine(_folder, "a-bad.json");
        File.WriteAllText(bad, """
            { "id": "/subscriptions/0/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/x",
              "name": 7, "type": "Microsoft.ContainerService/managedClusters", "properties": {} }
            """);
        Copy(BaselinePrivate, "b-private.json");

        var result = SnapshotReader.ReadPaths([_folder]);

        Assert.Equal("aks-fabrikam-prod-neu", Assert.Single(result.Snapshots).Name);
        Assert.Equal(bad, Assert.Single(result.Errors).File);
    }

    private string Copy(string fixture, string name)
    {
        var target = Path.Combine(_folder, name);
        File.Copy(PathOf(fixture), target);
        return target;
    }
}
