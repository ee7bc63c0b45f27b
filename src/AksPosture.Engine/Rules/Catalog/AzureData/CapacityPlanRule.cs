using static AksPosture.Engine.Rules.Probe;
using static AksPosture.Engine.Rules.Catalog.AzureData.PoolUtilisation;

namespace AksPosture.Engine.Rules.Catalog.AzureData;

/// <summary>AKS-PERF-01: headroom in node counts, measured use and subnet addresses, plus a capacity plan.</summary>
internal static class CapacityPlanRule
{
    public static readonly Rule Rule = new(new RuleDefinition
    {
        Id = "AKS-PERF-01",
        Pillar = Pillar.PerformanceEfficiency,
        Severity = Severity.Medium,
        Title = "Plan capacity and keep headroom in nodes, usage and IP addresses",
        Rationale = "A pool near its autoscaler maximum, nodes near saturation or a subnet near exhaustion turn the next traffic peak or zone failure into pending pods.",
        Remediation = "Keep pools below 80 % of maxCount and of CPU/memory at peak, size node subnets with 20 % spare addresses, and review the capacity plan against measured use.",
        RemediationCommand = "az aks nodepool update -g <rg> --cluster-name <cluster> -n <pool> --update-cluster-autoscaler --min-count 3 --max-count 20",
        RemediationProperty = "properties.agentPoolProfiles[].maxCount / vmSize; node subnet addressPrefix",
        SeedReference = "Performance Efficiency checklist 1",
        Scope = RuleScope.ClusterAndWorkload,
        Automation = Automation.Partial,
        LearnMoreUrl = ClusterFacts.LearnBase + "cluster-autoscaler",
    }, Evaluate);

    private static Outcome Evaluate(Probe probe)
    {
        var findings = new Findings();
        foreach (var pool in probe.Pools().Where(p => p.Autoscaled))
        {
            if (pool.Int("count") is { } count && pool.Int("maxCount") is { } max and > 0 && (double)count / max > Thresholds.MaxNodeShareOfMaxCount)
            {
                findings.Warn($"pool '{pool.Name}' runs {count} of at most {max} nodes (over {Percent(100 * Thresholds.MaxNodeShareOfMaxCount)} of maxCount)");
            }
        }

        var plan = SubnetCapacity.Evaluate(probe);
        if (plan.Missing is { } subnetsMissing)
        {
            findings.Missing(subnetsMissing);
        }

        foreach (var subnet in plan.Subnets.Where(s => s.Headroom < Thresholds.MinSubnetHeadroom))
        {
            findings.Warn($"subnet '{subnet.Name}' keeps {Percent(100 * Math.Max(0, subnet.Headroom))} of its addresses free at full scale ({subnet.Required} needed of {subnet.Available}); keep at least {Percent(100 * Thresholds.MinSubnetHeadroom)}");
        }

        if (!PoolUtilisation.TryRead(probe, Aggregation.Maximum, out var usage, out var problem))
        {
            findings.Missing(problem);
            return findings.Decide(() => problem);
        }

        foreach (var pool in usage)
        {
            var peak = Math.Max(pool.Cpu, pool.Memory);
            if (peak > Thresholds.HighUtilisationPercent)
            {
                findings.Warn($"pool '{pool.Pool}' peaks at {Percent(peak)} (P95 of interval maxima), over {Thresholds.HighUtilisationPercent} %");
            }
        }

        return findings.Decide(() => Manual(
            "Node counts, peak use" + (plan.Applies ? " and subnet addresses" : "") + " leave headroom. Confirm a capacity plan covers SKU choice, autoscaler limits, IP addresses and the loss of a zone, and is reviewed against measured use."));
    }
}
