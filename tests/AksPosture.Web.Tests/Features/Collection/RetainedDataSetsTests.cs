using System.Text.Json.Nodes;
using AksPosture.Web.Features.Collection;

namespace AksPosture.Web.Tests.Features.Collection;

public sealed class RetainedDataSetsTests
{
    private static readonly DateTimeOffset Earlier = new(2026, 10, 30, 2, 0, 0, TimeSpan.Zero);

    private const string Snapshot = """
        { "kind": "AksPostureSnapshot", "cluster": { "id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks" },
          "azure": { "diagnosticSettings": { "value": [ { "name": "to-workspace" } ] }, "metrics": { "value": [] } },
          "kubernetes": { "kind": "List", "items": [ { "kind": "Namespace", "metadata": { "name": "orders" } } ] } }
        """;

    [Fact]
    public void Merge_DataSetsReadEarlierThatFailedNow_KeepsTheirEarlierValuesWithTheTimeTheyWereRead()
    {
        var retained = Parse(RetainedDataSets.Merge(["diagnosticSettings", "kubernetes"], Snapshot, Earlier, RetainedDataSets.None));

        Assert.Equal(["diagnosticSettings", "kubernetes"], retained.Select(p => p.Key).Order());
        Assert.Equal("to-workspace", (string?)retained["diagnosticSettings"]!["data"]!["value"]![0]!["name"]);
        Assert.Equal(Earlier, retained["diagnosticSettings"]!["collectedAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal("orders", (string?)retained["kubernetes"]!["data"]!["items"]![0]!["metadata"]!["name"]);
    }

    [Fact]
    public void Merge_DataSetThatFailedBeforeToo_KeepsWhatWasRetainedBefore()
    {
        var before = RetainedDataSets.Merge(["diagnosticSettings"], Snapshot, Earlier, RetainedDataSets.None);
        var failedSnapshot = """{ "kind": "AksPostureSnapshot", "cluster": {}, "azure": { "metrics": { "value": [] } } }""";

        var retained = Parse(RetainedDataSets.Merge(["diagnosticSettings"], failedSnapshot, Earlier.AddDays(1), before));

        Assert.Equal(Earlier, retained["diagnosticSettings"]!["collectedAt"]!.GetValue<DateTimeOffset>());
    }

    [Fact]
    public void Merge_DataSetsReadAgainOrNeverRead_AreDropped()
    {
        var before = RetainedDataSets.Merge(["diagnosticSettings"], Snapshot, Earlier, RetainedDataSets.None);

        Assert.Equal(RetainedDataSets.None, RetainedDataSets.Merge([], Snapshot, Earlier, before));
        Assert.Equal(RetainedDataSets.None, RetainedDataSets.Merge(["policyStates"], Snapshot, Earlier, RetainedDataSets.None));
    }

    private static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();
}
