using System.Globalization;
using System.Text.Json.Nodes;
using static AksPosture.Engine.Rules.Probe;

namespace AksPosture.Engine.Rules.Catalog.AzureData;

/// <summary>AKS-REL-11: the system pool is isolated and sized for the critical add-ons.</summary>
internal static class SystemPoolSizeRule
{
    private const double MinVCpus = 2;
    private const double RecommendedVCpus = 4;
    private const double MinMemoryGb = 4;
    private const string IsolationTaint = "CriticalAddonsOnly=true";

    public static readonly Rule Rule = new(new RuleDefinition
    {
        Id = "AKS-REL-11",
        Pillar = Pillar.Reliability,
        Severity = Severity.Medium,
        Title = "Keep the system pool isolated and sized for system pods (4 vCPUs recommended, not B-series)",
        Rationale = "CoreDNS, konnectivity and the other add-ons on the system pool need steady CPU and memory; burstable or tiny sizes throttle them, and application pods on those nodes compete for the same capacity.",
        Remediation = "Run the system pool on a size with at least 4 vCPUs and 4 GB (never B-series) and taint it CriticalAddonsOnly=true:NoSchedule.",
        RemediationCommand = "az aks nodepool add -g <rg> --cluster-name <cluster> -n sys2 --mode System --node-vm-size Standard_D4ds_v5 --node-taints CriticalAddonsOnly=true:NoSchedule --zones 1 2 3",
        RemediationProperty = "properties.agentPoolProfiles[mode=System].vmSize / nodeTaints",
        SeedReference = "Reliability recommendation 6",
        Scope = RuleScope.ClusterAndWorkload,
        LearnMoreUrl = ClusterFacts.LearnBase + "use-system-pools",
    }, Evaluate);

    private static Outcome Evaluate(Probe probe)
    {
        var systemPools = probe.Pools().Where(p => p.IsSystem).ToList();
        if (systemPools.Count == 0)
        {
            return NotApplicable("The snapshot lists no system node pool.");
        }

        var skusCollected = probe.TryDataSet(DataSetNames.VmSkus, out var data, out var missing);
        var skus = skusCollected ? AzureJson.Items(data) : [];
        var failures = new List<string>();
        var warnings = new List<string>();
        var unknown = new List<string>();
        foreach (var pool in systemPools)
        {
            Judge(probe, pool, skusCollected ? skus : null, failures, warnings, unknown);
        }

        // The size name alone can fail or warn; only a clean result needs the SKU list to confirm memory.
        if (failures.Count > 0)
        {
            return Fail(RuleText.Sentence(failures.Concat(warnings)));
        }

        if (warnings.Count > 0)
        {
            return Warn(RuleText.Sentence(warnings.Concat(unknown)));
        }

        if (unknown.Count > 0)
        {
            var reason = RuleText.Sentence(unknown);
            return skusCollected ? NotApplicable(reason) : missing with { Message = $"{reason} {missing.Message}" };
        }

        return Pass($"System pool(s) {RuleText.List(systemPools.Select(p => p.Name))} have at least {RecommendedVCpus} vCPUs and {MinMemoryGb} GB and are tainted for system pods.");
    }

    private static void Judge(Probe probe, AgentPool pool, IReadOnlyList<JsonObject>? skus, List<string> failures, List<string> warnings, List<string> unknown)
    {
        var size = pool.Text("vmSize") ?? "";
        if (!pool.TextList("nodeTaints").Any(t => t.StartsWith(IsolationTaint + ":", StringComparison.OrdinalIgnoreCase)))
        {
            warnings.Add($"system pool '{pool.Name}' is not tainted {IsolationTaint}:NoSchedule, so application pods can land on it");
        }

        if (VmSizes.IsBurstable(size))
        {
            failures.Add($"system pool '{pool.Name}' uses the burstable size {size}, which AKS does not support for system pools");
            return;
        }

        var sku = skus is null ? null : VmSizes.FindSku(skus, size, probe.Snapshot.Location);
        var facts = sku is not null ? VmSizes.FromSku(sku) : new VmSizes.Facts(VmSizes.VCpusFromName(size), null, false);
        probe.Note($"vmSize[{size}].vCPUs", facts.VCpus is not { } v ? null
            : facts.FromSkuList ? Format(v) : $"{Format(v)} (derived from the size name; no Compute SKU entry)");
        probe.Note($"vmSize[{size}].MemoryGB", facts.MemoryGb is { } m ? Format(m) : null);

        switch (facts.VCpus)
        {
            case null:
                unknown.Add($"the vCPU count of {size} (pool '{pool.Name}') could not be determined");
                break;
            case < MinVCpus:
                failures.Add($"system pool '{pool.Name}' has {Format(facts.VCpus.Value)} vCPU ({size}); at least {MinVCpus} are required");
                break;
            case < RecommendedVCpus:
                warnings.Add($"system pool '{pool.Name}' has {Format(facts.VCpus.Value)} vCPUs ({size}); {RecommendedVCpus} are recommended");
                break;
        }

        if (facts.MemoryGb is < MinMemoryGb)
        {
            failures.Add($"system pool '{pool.Name}' has {Format(facts.MemoryGb.Value)} GB of memory ({size}); at least {MinMemoryGb} GB are required");
        }
        else if (facts.MemoryGb is null && facts.VCpus is not null)
        {
            unknown.Add($"the memory of {size} (pool '{pool.Name}') is unknown without its Compute SKU entry");
        }
    }

    private static string Format(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
