using System.Text.Json.Nodes;
using AksPosture.Engine.Rules.Catalog.Workloads;

namespace AksPosture.Engine.Tests.Rules.Catalog.Workloads;

/// <summary>Node selection, label selectors and taints, as the scheduler and the disruption controller match them.</summary>
public class SelectorTests
{
    private static readonly Dictionary<string, string> AppsNode = new()
    {
        ["kubernetes.azure.com/agentpool"] = "apps",
        ["kubernetes.io/arch"] = "amd64",
        ["topology.kubernetes.io/zone"] = "westeurope-1",
        ["memory-gb"] = "32",
    };

    private static JsonObject Spec(string json) => JsonNode.Parse(json)!.AsObject();

    [Theory]
    [InlineData("""{ "nodeSelector": { "kubernetes.azure.com/agentpool": "apps" } }""", true)]
    [InlineData("""{ "nodeSelector": { "kubernetes.azure.com/agentpool": "batch" } }""", false)]
    [InlineData("""{ "affinity": { "nodeAffinity": { "requiredDuringSchedulingIgnoredDuringExecution": { "nodeSelectorTerms": [ { "matchExpressions": [ { "key": "kubernetes.io/arch", "operator": "In", "values": [ "arm64" ] } ] }, { "matchExpressions": [ { "key": "topology.kubernetes.io/zone", "operator": "Exists" } ] } ] } } } }""", true)]
    [InlineData("""{ "affinity": { "nodeAffinity": { "requiredDuringSchedulingIgnoredDuringExecution": { "nodeSelectorTerms": [ { "matchExpressions": [ { "key": "kubernetes.io/arch", "operator": "NotIn", "values": [ "amd64" ] } ] } ] } } } }""", false)]
    [InlineData("""{ "affinity": { "nodeAffinity": { "requiredDuringSchedulingIgnoredDuringExecution": { "nodeSelectorTerms": [ { "matchExpressions": [ { "key": "gpu", "operator": "DoesNotExist" }, { "key": "memory-gb", "operator": "Gt", "values": [ "16" ] } ] } ] } } } }""", true)]
    [InlineData("""{ "affinity": { "nodeAffinity": { "requiredDuringSchedulingIgnoredDuringExecution": { "nodeSelectorTerms": [ { "matchExpressions": [ { "key": "memory-gb", "operator": "Lt", "values": [ "16" ] } ] } ] } } } }""", false)]
    [InlineData("""{ "affinity": { "nodeAffinity": { "preferredDuringSchedulingIgnoredDuringExecution": [ { "weight": 50, "preference": { "matchExpressions": [ { "key": "kubernetes.io/arch", "operator": "In", "values": [ "arm64" ] } ] } } ] } } }""", true)]
    public void Admits_SelectorAndRequiredAffinity_DecidePlacement(string podSpec, bool admitted)
    {
        Assert.Equal(admitted, NodeSelection.Admits(Spec(podSpec), AppsNode));
    }

    [Theory]
    [InlineData("""{ "nodeSelector": { "kubernetes.io/os": "linux" } }""", false)]
    [InlineData("""{ "nodeSelector": { "kubernetes.io/os": "linux", "workload-class": "general" } }""", true)]
    [InlineData("""{ "affinity": { "nodeAffinity": { "preferredDuringSchedulingIgnoredDuringExecution": [ { "weight": 1, "preference": { "matchExpressions": [] } } ] } } }""", true)]
    [InlineData("""{ "affinity": { "podAntiAffinity": {} } }""", false)]
    public void ChoosesNodes_OperatingSystemAloneDoesNotChoose(string podSpec, bool chooses)
    {
        Assert.Equal(chooses, NodeSelection.ChoosesNodes(Spec(podSpec)));
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("{}", true)]
    [InlineData("""{ "matchLabels": { "app": "web" } }""", true)]
    [InlineData("""{ "matchLabels": { "app": "api" } }""", false)]
    [InlineData("""{ "matchLabels": { "app": "web" }, "matchExpressions": [ { "key": "tier", "operator": "In", "values": [ "front", "edge" ] } ] }""", true)]
    [InlineData("""{ "matchExpressions": [ { "key": "tier", "operator": "NotIn", "values": [ "front" ] } ] }""", false)]
    [InlineData("""{ "matchExpressions": [ { "key": "canary", "operator": "DoesNotExist" }, { "key": "app", "operator": "Exists" } ] }""", true)]
    public void Selects_PolicyV1Semantics(string? selector, bool selected)
    {
        var labels = new Dictionary<string, string> { ["app"] = "web", ["tier"] = "front" };

        Assert.Equal(selected, LabelSelector.Selects(selector is null ? null : JsonNode.Parse(selector), labels));
    }

    [Fact]
    public void PoolTaint_ArmSpellings_Parse()
    {
        Assert.Equal(new PoolTaint("sku", "gpu", "NoSchedule"), PoolTaint.Parse("sku=gpu:NoSchedule"));
        Assert.Equal(new PoolTaint("dedicated", null, "NoExecute"), PoolTaint.Parse("dedicated:NoExecute"));
        Assert.Null(PoolTaint.Parse("no-effect"));
        Assert.True(PoolTaint.Parse("CriticalAddonsOnly=true:NoSchedule")!.IsCriticalAddonsOnly);
    }

    [Theory]
    [InlineData("""{ "key": "sku", "operator": "Equal", "value": "gpu", "effect": "NoSchedule" }""", true)]
    [InlineData("""{ "key": "sku", "value": "gpu" }""", true)]
    [InlineData("""{ "key": "sku", "operator": "Exists" }""", true)]
    [InlineData("""{ "operator": "Exists" }""", true)]
    [InlineData("""{ "key": "sku", "operator": "Equal", "value": "fpga" }""", false)]
    [InlineData("""{ "key": "sku", "operator": "Exists", "effect": "NoExecute" }""", false)]
    public void PoolTaint_Toleration_MatchesLikeTheScheduler(string toleration, bool tolerated)
    {
        Assert.Equal(tolerated, PoolTaint.Parse("sku=gpu:NoSchedule")!.IsToleratedBy(Spec(toleration)));
    }
}
