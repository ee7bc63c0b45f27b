using System.Text.Json.Nodes;
using AksPosture.Engine.Assessment;
using AksPosture.Engine.Rules;
using AksPosture.Engine.Snapshots;
using static AksPosture.Engine.Rules.RuleStatus;

namespace AksPosture.Engine.Tests.Assessment;

/// <summary>
/// One realistic cluster per common AKS shape (Fixtures/Archetypes: an ARM GET response, api-version 2025-08-01 unless
/// the archetype is about an older one, with the cluster's Kubernetes objects beside it as NAME.k8s.json where the
/// cluster runs). Every archetype reads cleanly, the whole catalog evaluates it without ERROR, and each gets the
/// verdicts that define its shape. The rule ids named here exist in the catalog; new rules are covered by the
/// catalog-wide checks without changes here.
/// </summary>
public sealed class ArchetypeTests
{
    // Version rules judge against a date; pin it so the verdicts do not drift with the calendar.
    private static readonly AssessmentSettings Settings = new() { AsOf = new DateOnly(2026, 11, 23) };

    private static readonly Lazy<SnapshotReadResult> Folder = new(() => SnapshotReader.ReadPaths([FolderPath]));

    private static readonly Dictionary<string, string> ClusterOf = new()
    {
        ["automatic"] = "aks-automatic-weu",
        ["stopped"] = "aks-dev-stopped-swc",
        ["private"] = "aks-private-neu",
        ["kubenet"] = "aks-kubenet-eus2",
        ["windows-overlay"] = "aks-windows-uks",
        ["cni-overlay"] = "aks-overlay-weu",
        ["older-api"] = "aks-legacy-api-neu",
    };

    public static TheoryData<string> Archetypes => [.. ClusterOf.Keys];

    private static string FolderPath => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Archetypes");

    [Fact]
    public void ReadPaths_ArchetypeFolder_ReadsEveryClusterWithoutErrors()
    {
        var result = Folder.Value;

        Assert.Empty(result.Errors);
        Assert.Equal(ClusterOf.Values.Order(), result.Snapshots.Select(s => s.Name).Order());
    }

    [Theory]
    [MemberData(nameof(Archetypes))]
    public void ReadPaths_ArchetypeFolder_PairsTheKubernetesFileWithItsCluster(string archetype)
    {
        var snapshot = Snapshot(archetype);
        var kubernetesFile = Path.Combine(FolderPath, $"{archetype}.k8s.json");

        if (archetype == "stopped")
        {
            // A stopped cluster's API server does not answer, so there are no objects to pair.
            Assert.False(File.Exists(kubernetesFile));
            Assert.Null(snapshot.Kubernetes);
            return;
        }

        var items = JsonNode.Parse(File.ReadAllText(kubernetesFile))!["items"]!.AsArray();
        var inventory = Assert.IsType<KubernetesInventory>(snapshot.Kubernetes);
        Assert.Equal(items.Count, inventory.Count);
        Assert.Null(snapshot.KubernetesProblem);
        Assert.DoesNotContain("Secret", inventory.Kinds);
        Assert.All(new[] { "Namespace", "Node", "Deployment", "Service", "ServiceAccount", "NetworkPolicy", "ClusterRoleBinding" },
            kind => Assert.True(inventory.Has(kind), $"{archetype}: no {kind} objects"));
    }

    [Theory]
    [MemberData(nameof(Archetypes))]
    public void Assess_FullCatalog_EvaluatesEveryRuleWithoutError(string archetype)
    {
        var assessment = ClusterAssessor.Assess(Snapshot(archetype), Settings);

        Assert.Equal(RuleCatalog.All.Select(r => r.Definition.Id), assessment.Results.Where(r => !r.IsObjectResult).Select(r => r.RuleId));
        Assert.Empty(assessment.Results.Where(r => r.Status == Error).Select(r => $"{r.RuleId} {r.ObjectKey}: {r.Message}"));
    }

    [Fact]
    public void Kubenet_NetworkPlugin_IsFlaggedForMigration()
    {
        var result = Evaluate("kubenet", "AKS-REL-07");

        Assert.Contains(result.Status, new[] { Warn, Fail });
        Assert.Contains(result.Evidence, e => e.Path == "properties.networkProfile.networkPlugin" && e.Value == "\"kubenet\"");
    }

    [Fact]
    public void WindowsOnCniOverlay_NetworkPlugin_Passes()
    {
        var snapshot = Snapshot("windows-overlay");
        Assert.Contains(Pools(snapshot), p => (string?)p["osType"] == "Windows");
        Assert.Equal("overlay", (string?)snapshot.Resource["properties"]!["networkProfile"]!["networkPluginMode"]);

        Assert.Equal(Pass, Evaluate("windows-overlay", "AKS-REL-07").Status);
    }

    [Fact]
    public void CniOverlay_NetworkPlugin_Passes()
    {
        var result = Evaluate("cni-overlay", "AKS-REL-07");

        Assert.Equal(Pass, result.Status);
        Assert.Contains(result.Evidence, e => e.Path == "properties.networkProfile.networkPluginMode" && e.Value == "\"overlay\"");
    }

    [Fact]
    public void PrivateCluster_ApiServerRules_PassPrivateAndSkipTheAllowlist()
    {
        Assert.Equal(Pass, Evaluate("private", "AKS-SEC-10").Status);
        Assert.Equal(NotApplicable, Evaluate("private", "AKS-SEC-11").Status);
        Assert.Equal(Pass, Evaluate("private", "AKS-POL-04").Status);
    }

    [Fact]
    public void OlderApiVersion_NodeAutoProvisioning_IsNotApplicable()
    {
        var properties = Snapshot("older-api").Resource["properties"]!.AsObject();
        Assert.All(new[] { "nodeProvisioningProfile", "bootstrapProfile", "aiToolchainOperatorProfile", "status" },
            key => Assert.False(properties.ContainsKey(key), $"the 2024-09-01 shape has no '{key}'"));

        Assert.Equal(NotApplicable, Evaluate("older-api", "AKS-COST-10").Status);
        // metricsProfile is in 2024-09-01, so cost analysis is still judged from it.
        Assert.Equal(Pass, Evaluate("older-api", "AKS-COST-13").Status);
    }

    [Fact]
    public void Automatic_ClusterAutoscalerRule_PassesThroughNodeAutoProvisioning()
    {
        var snapshot = Snapshot("automatic");
        Assert.Equal("Automatic", (string?)snapshot.Resource["sku"]!["name"]);
        Assert.DoesNotContain(Pools(snapshot), p => (string?)p["mode"] == "User");

        var result = Evaluate("automatic", "AKS-COST-09");

        Assert.Equal(Pass, result.Status);
        Assert.Contains(result.Evidence, e => e.Path == "properties.nodeProvisioningProfile.mode" && e.Value == "\"Auto\"");
        Assert.Equal(Pass, Evaluate("automatic", "AKS-COST-10").Status);
        Assert.Equal(Pass, Evaluate("automatic", "AKS-REL-03").Status);
    }

    [Fact]
    public void Stopped_WorkloadRules_AreNotApplicableBecauseTheClusterIsStopped()
    {
        var stopped = Snapshot("stopped");
        var outcome = new Probe(stopped, Settings).WithoutKubernetes();
        Assert.Equal(NotApplicable, outcome.Status);
        Assert.Contains("stopped", outcome.Message, StringComparison.OrdinalIgnoreCase);

        // The workload rules are the ones that, on the same cluster running, report that its Kubernetes objects are missing.
        var running = Running(stopped);
        var workloadRules = RuleCatalog.All
            .Where(rule => rule.Evaluate(running, Settings) is { Status: NotApplicable } result && result.Message.Contains("Kubernetes objects", StringComparison.Ordinal))
            .ToList();
        Assert.Contains(workloadRules, r => r.Definition.Id == "AKS-POL-13");
        Assert.Contains(workloadRules, r => r.Definition.Id == "AKS-COST-11");

        Assert.All(workloadRules, rule =>
        {
            var result = rule.Evaluate(stopped, Settings);
            Assert.True(result.Status == NotApplicable, $"{rule.Definition.Id}: {result.Status.Code()} {result.Message}");
            Assert.Contains("stopped", result.Message, StringComparison.OrdinalIgnoreCase);
        });
    }

    private static ClusterSnapshot Snapshot(string archetype) =>
        Folder.Value.Snapshots.Single(s => s.Name == ClusterOf[archetype]);

    private static RuleResult Evaluate(string archetype, string ruleId)
    {
        var rule = RuleCatalog.Find(ruleId) ?? throw new ArgumentException($"No rule '{ruleId}' in the catalog.", nameof(ruleId));
        return rule.Evaluate(Snapshot(archetype), Settings);
    }

    private static IEnumerable<JsonObject> Pools(ClusterSnapshot snapshot) =>
        snapshot.Resource["properties"]!["agentPoolProfiles"]!.AsArray().OfType<JsonObject>();

    /// <summary>The same cluster with its power state set to Running, still without Kubernetes objects.</summary>
    private static ClusterSnapshot Running(ClusterSnapshot stopped)
    {
        var resource = JsonNode.Parse(stopped.Resource.ToJsonString())!;
        resource["properties"]!["powerState"]!["code"] = "Running";
        return Assert.Single(SnapshotReader.Read(resource.ToJsonString(), "running").Snapshots);
    }
}
