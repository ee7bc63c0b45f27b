using AksPosture.AzureEmulator;
using AksPosture.Engine.Assessment;
using AksPosture.Engine.Collection;
using AksPosture.Engine.Rules;
using AksPosture.Engine.Snapshots;

namespace AksPosture.Engine.Tests.Collection;

public sealed class KubernetesCollectorTests
{
    [Fact]
    public async Task CollectAsync_ReachableCluster_ListsItsObjectsThroughTheApiButNeverSecrets()
    {
        await using var azure = await EmulatedAzure.StartAsync();
        var source = azure.Emulator.Fleet.Clusters.First(c => c.KubernetesObjects.Count > 0 && !c.IsStopped);

        var fleet = await azure.CollectAsync(kubernetes: true);

        var cluster = Assert.Single(fleet.Clusters, c => c.Id == source.Id);
        Assert.Null(cluster.KubernetesProblem);
        var inventory = Assert.IsType<KubernetesInventory>(cluster.Kubernetes);
        var listed = KubernetesKind.All.Select(k => k.Kind).ToHashSet();
        foreach (var kind in source.KubernetesObjects.GroupBy(o => (string)o["kind"]!).Where(g => listed.Contains(g.Key)))
        {
            Assert.Equal(kind.Count(), inventory.OfKind(kind.Key).Count);
        }

        Assert.True(inventory.Has("Pod") && inventory.Has("Deployment") && inventory.Has("Node"));
        Assert.False(inventory.Has("Secret"));
        Assert.DoesNotContain(azure.Emulator.Log.Calls, c => c.Path.Split('?')[0].EndsWith("/secrets", StringComparison.OrdinalIgnoreCase));
        Assert.All(inventory.OfKind("Deployment"), d => Assert.Equal("apps/v1", (string?)d.Json["apiVersion"]));
    }

    [Fact]
    public async Task CollectAsync_EntraCluster_UsesATokenForTheAksServerApplication()
    {
        await using var azure = await EmulatedAzure.StartAsync();
        Assert.Contains(azure.Emulator.Fleet.Clusters, c => c.UsesEntra && !c.IsStopped);

        var fleet = await azure.CollectAsync(kubernetes: true);

        Assert.Contains($"{AzureConnectionOptions.AksServerApplicationId}/.default", azure.Credential.Scopes);
        Assert.All(fleet.Clusters.Where(c => !IsStopped(c)), c => Assert.NotNull(c.Kubernetes));
    }

    [Fact]
    public async Task CollectAsync_UnreachableCluster_WorkloadRulesErrorWithTheReasonAndArmRulesStillCount()
    {
        var options = new EmulatorOptions { Clusters = 8, Subscriptions = 1 };
        var name = new AzureEmulator.Fixtures.FleetFixture(options).Clusters.First(c => c.KubernetesObjects.Count > 0 && !c.IsStopped).Name;
        await using var azure = await EmulatedAzure.StartAsync(new EmulatorOptions { Clusters = 8, Subscriptions = 1, UnreachableClusters = new HashSet<string> { name } }, callTimeout: TimeSpan.FromSeconds(5));

        var fleet = await azure.CollectAsync(kubernetes: true);

        var cluster = Assert.Single(fleet.Clusters, c => c.Name == name);
        Assert.Null(cluster.Kubernetes);
        Assert.Contains("not reachable", cluster.KubernetesProblem?.Message, StringComparison.Ordinal);
        var results = ClusterAssessor.Assess(cluster).Results;
        Assert.Contains(results, r => r.Status == RuleStatus.Error && r.Message.Contains("not reachable", StringComparison.Ordinal));
        Assert.Contains(results, r => r.Status is RuleStatus.Pass or RuleStatus.Fail);
        Assert.All(fleet.Clusters.Where(c => c.Name != name && !IsStopped(c)), c => Assert.NotNull(c.Kubernetes));
    }

    [Fact]
    public async Task CollectAsync_ApiServerRefuses_ProblemNamesTheInClusterReadRole()
    {
        await using var azure = await EmulatedAzure.StartAsync(new EmulatorOptions { Clusters = 3, Subscriptions = 1 });
        var name = azure.Emulator.Fleet.Clusters[0].Name;
        azure.Emulator.Faults.ForbidKubernetes(name);

        var fleet = await azure.CollectAsync(kubernetes: true);

        var problem = Assert.Single(fleet.Clusters, c => c.Name == name).KubernetesProblem;
        Assert.NotNull(problem);
        Assert.Contains("refused", problem.Message, StringComparison.Ordinal);
        Assert.Contains("Azure Kubernetes Service RBAC Reader", problem.MissingPermission, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CollectAsync_CredentialForbidden_ProblemNamesListClusterUserCredential()
    {
        await using var azure = await EmulatedAzure.StartAsync(new EmulatorOptions { Clusters = 3, Subscriptions = 1 });
        azure.Emulator.Faults.Forbid(CallKind.ListClusterUserCredential);

        var fleet = await azure.CollectAsync(kubernetes: true);

        Assert.All(fleet.Clusters.Where(c => !IsStopped(c)), c =>
        {
            Assert.Null(c.Kubernetes);
            Assert.Equal(KubernetesCollector.ListCredentialAction, c.KubernetesProblem?.MissingPermission);
        });
        Assert.All(fleet.Clusters, c => Assert.Empty(c.Azure.Problems));
    }

    private static bool IsStopped(ClusterSnapshot cluster) =>
        string.Equals((string?)cluster.Resource["properties"]?["powerState"]?["code"], "Stopped", StringComparison.OrdinalIgnoreCase);
}
