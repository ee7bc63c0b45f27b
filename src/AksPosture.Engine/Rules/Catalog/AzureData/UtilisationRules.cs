using static AksPosture.Engine.Rules.Probe;
using static AksPosture.Engine.Rules.Catalog.AzureData.PoolUtilisation;

namespace AksPosture.Engine.Rules.Catalog.AzureData;

/// <summary>Right-sizing from measured use: best rates (AKS-COST-02) and right VM types per pool (AKS-COST-07).</summary>
internal static class UtilisationRules
{
    public static IEnumerable<Rule> All() => [BestRates, RightSizedPools];

    private static readonly Rule BestRates = new(new RuleDefinition
    {
        Id = "AKS-COST-02",
        Pillar = Pillar.CostOptimization,
        Severity = Severity.Medium,
        Title = "Get the best rates: right-size pools, use Spot, reservations and Hybrid Benefit",
        Rationale = "Pools that idle below a fifth of their capacity pay for VMs nobody uses; discounts from reservations, savings plans, Spot and Hybrid Benefit only help once the pool size is right.",
        Remediation = "Shrink or resize pools whose P95 CPU and memory stay under 20 %, move interruptible work to Spot pools, enable Azure Hybrid Benefit for licensed Windows nodes, and buy reservations for the steady base.",
        RemediationCommand = "az aks nodepool add -g <rg> --cluster-name <cluster> -n spot --priority Spot --eviction-policy Delete --spot-max-price -1 --enable-cluster-autoscaler --min-count 0 --max-count 5",
        RemediationProperty = "properties.agentPoolProfiles[].vmSize / scaleSetPriority; properties.windowsProfile.licenseType = Windows_Server",
        SeedReference = "Cost Optimization checklist 2",
        Automation = Automation.Partial,
        LearnMoreUrl = "https://learn.microsoft.com/azure/aks/best-practices-cost",
    }, EvaluateBestRates);

    private static readonly Rule RightSizedPools = new(new RuleDefinition
    {
        Id = "AKS-COST-07",
        Pillar = Pillar.CostOptimization,
        Severity = Severity.Medium,
        Title = "Choose VM sizes that keep node pools neither idle nor saturated",
        Rationale = "A pool that runs below 20 % wastes most of what it pays for; one above 80 % has no room for spikes. Requests that fill little of a node's allocatable capacity mean the size does not fit the pods.",
        Remediation = "Resize pools whose P95 use is outside 20–80 %, and pick node sizes that the pods' requests fill well.",
        RemediationCommand = "az aks nodepool add -g <rg> --cluster-name <cluster> -n apps2 --node-vm-size <size> --enable-cluster-autoscaler --min-count 2 --max-count 10",
        RemediationProperty = "properties.agentPoolProfiles[].vmSize",
        SeedReference = "Cost Optimization recommendation 2",
        LearnMoreUrl = ClusterFacts.LearnBase + "create-node-pools",
    }, EvaluateRightSizing);

    private static Outcome EvaluateBestRates(Probe probe)
    {
        var findings = new Findings();
        var pools = probe.Pools();
        var windows = pools.Where(p => string.Equals(p.Text("osType"), "Windows", StringComparison.OrdinalIgnoreCase)).Select(p => p.Name).ToList();
        if (windows.Count > 0 && !string.Equals(probe.Text("properties.windowsProfile.licenseType"), "Windows_Server", StringComparison.OrdinalIgnoreCase))
        {
            findings.Warn($"Windows pool(s) {RuleText.List(windows)} pay for Windows licences; enable Azure Hybrid Benefit if you hold eligible licences");
        }

        if (!PoolUtilisation.TryRead(probe, Aggregation.Average, out var usage, out var problem))
        {
            findings.Missing(problem);
            return findings.Decide(() => problem);
        }

        foreach (var pool in usage.Where(p => p.Cpu < Thresholds.LowUtilisationPercent && p.Memory < Thresholds.LowUtilisationPercent))
        {
            findings.Warn($"pool '{pool.Pool}' is oversized: P95 CPU {Percent(pool.Cpu)} and memory {Percent(pool.Memory)} stay under {Thresholds.LowUtilisationPercent} %");
        }

        var spot = pools.Where(p => p.IsSpot).Select(p => p.Name).ToList();
        return findings.Decide(() => Manual(
            $"No pool is oversized. {(spot.Count > 0 ? $"Spot pool(s) {RuleText.List(spot)} take interruptible work." : "No Spot pool: consider one for interruptible work.")} "
            + $"{(windows.Count == 0 ? "Hybrid Benefit does not apply (no Windows pools). " : "")}Confirm reservations or a savings plan cover the steady node count."));
    }

    private static Outcome EvaluateRightSizing(Probe probe)
    {
        if (!PoolUtilisation.TryRead(probe, Aggregation.Average, out var usage, out var problem))
        {
            return problem;
        }

        var findings = new Findings();
        foreach (var pool in usage)
        {
            foreach (var (resource, value) in new[] { ("CPU", pool.Cpu), ("memory", pool.Memory) })
            {
                if (value < Thresholds.LowUtilisationPercent)
                {
                    findings.Warn($"pool '{pool.Pool}' P95 {resource} is {Percent(value)}, under {Thresholds.LowUtilisationPercent} % (idle capacity)");
                }
                else if (value > Thresholds.HighUtilisationPercent)
                {
                    findings.Warn($"pool '{pool.Pool}' P95 {resource} is {Percent(value)}, over {Thresholds.HighUtilisationPercent} % (no headroom)");
                }
            }
        }

        // System pools are sized for the add-ons' reliability, not to pack application requests.
        var systemPools = probe.Pools().Where(p => p.IsSystem).Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var packingNote = CheckPacking(probe, usage.Select(u => u.Pool).Where(p => !systemPools.Contains(p)).ToList(), findings);
        return findings.Decide(() => Pass(
            $"P95 CPU and memory of pool(s) {RuleText.List(usage.Select(u => u.Pool))} stay within {Thresholds.LowUtilisationPercent}–{Thresholds.HighUtilisationPercent} %{packingNote}."));
    }

    // Request packing needs Nodes and Pods; without them the metric bands decide alone.
    private static string CheckPacking(Probe probe, IReadOnlyList<string> pools, Findings findings)
    {
        if (probe.Snapshot.Kubernetes is not { } inventory || !inventory.Has("Node") || !inventory.Has("Pod"))
        {
            probe.Note("kubernetes.requestPacking", null);
            return " (request packing not judged: Nodes and Pods were not collected)";
        }

        var packing = RequestPacking.ByPool(inventory);
        foreach (var pool in pools.Where(packing.ContainsKey))
        {
            probe.Note($"kubernetes.requestPacking[{pool}]", Percent(packing[pool]));
            if (packing[pool] < Thresholds.MinRequestPackingPercent)
            {
                findings.Warn($"pod requests fill only {Percent(packing[pool])} of pool '{pool}' allocatable capacity (under {Thresholds.MinRequestPackingPercent} %)");
            }
        }

        return $" and pod requests fill at least {Thresholds.MinRequestPackingPercent} % of user pools' allocatable capacity";
    }
}
