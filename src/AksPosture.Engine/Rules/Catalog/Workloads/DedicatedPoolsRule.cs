using static AksPosture.Engine.Rules.Probe;

namespace AksPosture.Engine.Rules.Catalog.Workloads;

/// <summary>AKS-REL-12: special-purpose pools are reserved for their workloads, and the pool count stays manageable.</summary>
internal static class DedicatedPoolsRule
{
    public static readonly Rule Rule = new(new RuleDefinition
    {
        Id = "AKS-REL-12",
        Pillar = Pillar.Reliability,
        Severity = Severity.Medium,
        Title = "Dedicate node pools to specific needs; avoid too many pools",
        Rationale = "GPU nodes are expensive and scarce: an untainted GPU pool fills with ordinary pods and GPU work then waits. Every extra pool also adds upgrades, quotas and capacity to manage.",
        Remediation = "Taint GPU and other special-hardware pools so only workloads that tolerate the taint run there, and merge pools that serve the same need.",
        RemediationCommand = "az aks nodepool update -g <rg> --cluster-name <cluster> -n <gpupool> --node-taints sku=gpu:NoSchedule",
        RemediationProperty = "properties.agentPoolProfiles[].nodeTaints (GPU pools); number of agentPoolProfiles",
        SeedReference = "Reliability recommendation 7",
        Scope = RuleScope.ClusterAndWorkload,
        Automation = Automation.Partial,
        LearnMoreUrl = ClusterFacts.LearnBase + "create-node-pools",
    }, Evaluate);

    private static Outcome Evaluate(Probe probe)
    {
        var pools = probe.Pools();
        if (pools.Count == 0)
        {
            return NotApplicable("The snapshot lists no agent pools.");
        }

        var verdict = new Verdict();
        if (pools.Count > probe.Settings.MaxNodePools)
        {
            verdict.Warn($"the cluster has {pools.Count} node pools, more than the {probe.Settings.MaxNodePools} that stay easy to upgrade and reason about");
        }

        var gpuPools = pools.Where(p => IsGpuPool(probe, p)).ToList();
        probe.Note("pools.gpu", gpuPools.Count == 0 ? "none" : string.Join(", ", gpuPools.Select(p => p.Name)));
        var untainted = gpuPools.Where(p => p.TextList("nodeTaints").Count == 0).Select(p => p.Name).ToList();
        if (untainted.Count > 0)
        {
            verdict.Warn($"GPU pool(s) {RuleText.List(untainted)} carry no taint, so any pod can take their nodes");
        }

        if (probe.Kubernetes() is { } inventory)
        {
            var misplaced = GpuPlacement.Misplaced(probe, inventory, gpuPools.Select(p => p.Name).ToHashSet(StringComparer.Ordinal));
            verdict.Objects(misplaced);
            if (misplaced.Count > 0)
            {
                verdict.Warn($"{misplaced.Count} pod(s) are on the wrong side of the GPU boundary ({RuleText.List(misplaced.Select(f => f.ObjectKey))})");
            }
        }
        else
        {
            verdict.Missing(probe.WithoutKubernetes("Checking where GPU pods run"));
        }

        var userPools = pools.Where(p => p.IsUserPool).Select(p => p.Name).ToList();
        return verdict.Decide(() => userPools.Count >= 2
            ? Manual($"{pools.Count} pool(s), GPU pools tainted and GPU pods on GPU nodes. Confirm each user pool ({RuleText.List(userPools)}) serves a distinct requirement (hardware, scaling, isolation) and none could be merged.")
            : Pass($"{pools.Count} pool(s) with at most one user pool; no special-hardware pool is left open to ordinary pods."));
    }

    /// <summary>N-series sizes, or a pool that declares a <c>gpuProfile</c>.</summary>
    private static bool IsGpuPool(Probe probe, AgentPool pool) =>
        VmSizes.IsAccelerated(pool.Text("vmSize"))
        || probe.Record($"properties.agentPoolProfiles[{pool.Name}].gpuProfile", pool.Raw?["gpuProfile"]) is not null;
}
