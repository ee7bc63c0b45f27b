using AksPosture.Engine.Snapshots;
using static AksPosture.Engine.Tests.Fixtures.ClusterFixture;

namespace AksPosture.Engine.Tests.Snapshots;

/// <summary>Malformed input gives errors that name the file and the place in it; it never throws.</summary>
public class SnapshotReaderErrorTests
{
    private const string ClusterId = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-a/providers/Microsoft.ContainerService/managedClusters/aks-a";

    [Fact]
    public void ReadFile_TruncatedJson_NamesFileLineAndColumn()
    {
        // The file stops after `      "networkPolicy": ` on line 7: 23 characters, so the reader fails at column 24.
        var path = PathOf("Malformed/truncated.json");

        var result = SnapshotReader.ReadFile(path);

        Assert.Empty(result.Snapshots);
        var error = Assert.Single(result.Errors);
        Assert.Equal(path, error.File);
        Assert.Contains("line 7, column 24", error.Message);
    }

    [Fact]
    public void ReadFile_MissingComma_PointsAtTheNextToken()
    {
        // Line 4 is `  "location": …`; its quote at column 3 is where a comma was expected.
        var path = PathOf("Malformed/missing-comma.json");

        var error = Assert.Single(SnapshotReader.ReadFile(path).Errors);

        Assert.Equal(path, error.File);
        Assert.Contains("line 4, column 3", error.Message);
    }

    // Engine bug: FirstSentence trims System.Text.Json's " Path: …" suffix, but JsonNode.Parse ends its messages with
    // " LineNumber: 3 | BytePositionInLine: 2." (zero-based), so the message names two different positions.
    [Fact]
    public void ReadFile_SyntaxError_NamesOnePositionOnly()
    {
        var error = Assert.Single(SnapshotReader.ReadFile(PathOf("Malformed/missing-comma.json")).Errors);

        Assert.DoesNotContain("LineNumber", error.Message);
    }

    [Fact]
    public void ReadFile_ListWithBadItems_ReportsEachByPathAndKeepsTheGoodOnes()
    {
        var path = PathOf("Malformed/mixed-list.json");

        var result = SnapshotReader.ReadFile(path);

        Assert.Equal(["aks-good-1", "aks-good-2"], result.Snapshots.Select(s => s.Name));
        Assert.Equal(3, result.Errors.Count);
        Assert.All(result.Errors, e => Assert.Equal(path, e.File));
        Assert.StartsWith("$.value[1]: ", result.Errors[0].Message);
        Assert.Contains("'Microsoft.Network/virtualNetworks' is not a managed cluster", result.Errors[0].Message);
        Assert.StartsWith("$.value[2]: ", result.Errors[1].Message);
        Assert.Contains("missing 'id'", result.Errors[1].Message);
        Assert.StartsWith("$.value[3]: ", result.Errors[2].Message);
        Assert.Contains("'properties' must be an object, found a string", result.Errors[2].Message);
    }

    [Fact]
    public void ReadFile_ResourceGraphTableFormat_AsksForObjectArray()
    {
        var path = PathOf("Malformed/resource-graph-table.json");

        var result = SnapshotReader.ReadFile(path);

        Assert.Empty(result.Snapshots);
        var error = Assert.Single(result.Errors);
        Assert.Equal(path, error.File);
        Assert.StartsWith("$.data: ", error.Message);
        Assert.Contains("objectArray", error.Message);
    }

    [Theory]
    [InlineData("""{ "value": [] }""", "$: no managed clusters found")]
    [InlineData("[]", "$: no managed clusters found")]
    [InlineData("42", "$: expected a JSON object or array, found a number")]
    [InlineData("null", "$: expected a JSON object or array, found null")]
    [InlineData("""[ "aks-a" ]""", "$[0]: expected a managed cluster object, found a string")]
    [InlineData("""{ "data": [ 7 ] }""", "$.data[0]: expected a managed cluster object, found a number")]
    [InlineData("""{ "id": "/subscriptions/0/resourceGroups/rg/providers/Microsoft.Web/sites/app", "name": "app" }""", "$: not a managed cluster")]
    public void Read_UnusableDocument_ReportsWhereAndWhy(string json, string expected)
    {
        var result = SnapshotReader.Read(json, "input.json");

        Assert.Empty(result.Snapshots);
        var error = Assert.Single(result.Errors);
        Assert.Equal("input.json", error.File);
        Assert.StartsWith(expected, error.Message);
    }

    [Fact]
    public void ReadFile_MissingFile_ReportsTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"aksposture-{Guid.NewGuid():N}.json");

        var error = Assert.Single(SnapshotReader.ReadFile(path).Errors);

        Assert.Equal(path, error.File);
        Assert.Contains("cannot read the file", error.Message);
    }

    // Engine bug: ClusterSnapshot casts name/location/subscriptionId/resourceGroup with (string?), which throws
    // InvalidOperationException for a number or object; SnapshotReader.Read lets it escape.
    [Fact]
    public void Read_NameThatIsANumber_ReportsErrorForThatItemInsteadOfThrowing()
    {
        var json = $$"""
            { "value": [
              { "id": "{{ClusterId}}", "name": "aks-a", "type": "Microsoft.ContainerService/managedClusters", "properties": {} },
              { "id": "{{ClusterId}}2", "name": 42, "type": "Microsoft.ContainerService/managedClusters", "properties": {} } ] }
            """;

        var result = SnapshotReader.Read(json, "list.json");

        Assert.Equal("aks-a", Assert.Single(result.Snapshots).Name);
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("$.value[1]", error.Message);
        Assert.Contains("name", error.Message);
    }

    // Engine bug: JsonNode.Parse builds objects lazily, so the duplicate-key ArgumentException the reader catches
    // around Parse is raised later, outside the try (here from Items/Normalise) and escapes Read.
    [Fact]
    public void Read_KeysDifferingOnlyInCase_ReportsErrorInsteadOfThrowing()
    {
        var json = $$"""{ "id": "{{ClusterId}}", "ID": "{{ClusterId}}", "type": "Microsoft.ContainerService/managedClusters", "properties": {} }""";

        var result = SnapshotReader.Read(json, "dup.json");

        Assert.Empty(result.Snapshots);
        var error = Assert.Single(result.Errors);
        Assert.Equal("dup.json", error.File);
        Assert.Contains("id", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    // Same root cause one level down: the snapshot is accepted and 26 rules later report ERROR with
    // "An item with the same key has already been added" and no path; the reader should reject the item.
    [Fact]
    public void Read_NestedKeysDifferingOnlyInCase_ReportsErrorNamingTheItem()
    {
        var json = $$"""
            { "id": "{{ClusterId}}", "type": "Microsoft.ContainerService/managedClusters",
              "properties": { "enableRBAC": true, "EnableRBAC": false } }
            """;

        var result = SnapshotReader.Read(json, "dup.json");

        Assert.Empty(result.Snapshots);
        var error = Assert.Single(result.Errors);
        Assert.Contains("enableRBAC", error.Message, StringComparison.OrdinalIgnoreCase);
    }
}
