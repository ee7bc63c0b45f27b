using static AksPosture.Engine.Rules.Probe;

namespace AksPosture.Engine.Rules.Catalog;

/// <summary>Node autoscaling: one check that the guide names under Cost (COST-09) and three times under Performance.</summary>
internal static class NodeAutoscaling
{
    public const string CheckId = "node-autoscaling";
    public const string Command = "az aks nodepool update -g <rg> --cluster-name <cluster> -n <pool> --enable-cluster-autoscaler --min-count 2 --max-count 10";
    public const string Property = "properties.agentPoolProfiles[].enableAutoScaling = true with minCount < maxCount (or nodeProvisioningProfile.mode = Auto)";
    public const string LearnMore = ClusterFacts.LearnBase + "cluster-autoscaler";

    /// <summary>The cost view: a cluster without user pools is AKS-REL-03's finding, not an autoscaling one.</summary>
    public static Outcome EvaluateUserPools(Probe probe) =>
        !probe.NodeAutoProvisioning() && !probe.Pools().Any(p => p.IsUserPool)
            ? NotApplicable("There is no user node pool to autoscale (AKS-REL-03 reports the missing pool).")
            : Evaluate(probe);

    public static Outcome Evaluate(Probe probe)
    {
        if (probe.NodeAutoProvisioning())
        {
            return Pass("Node auto-provisioning adds and removes nodes as pods need them.");
        }

        var userPools = probe.Pools().Where(p => p.IsUserPool).ToList();
        if (userPools.Count == 0)
        {
            return Fail("There is no user node pool and node auto-provisioning is off, so nothing scales workload nodes.");
        }

        var fixedPools = userPools.Where(p => !p.Autoscaled).Select(p => p.Name).ToList();
        var pinned = userPools.Where(p => p.Autoscaled && p.Int("minCount") is { } min && p.Int("maxCount") is { } max && min >= max)
            .Select(p => p.Name).ToList();
        if (fixedPools.Count > 0)
        {
            return Fail($"User pool(s) {RuleText.List(fixedPools)} have a fixed node count and cannot scale in when idle or out under load.");
        }

        return pinned.Count > 0
            ? Fail($"User pool(s) {RuleText.List(pinned)} have the autoscaler on with minCount equal to maxCount, so they cannot scale.")
            : Pass($"All {userPools.Count} user pool(s) are autoscaled.");
    }
}
