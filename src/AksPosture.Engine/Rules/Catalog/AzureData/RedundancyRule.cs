using AksPosture.Engine.Assessment;
using static AksPosture.Engine.Rules.Probe;

namespace AksPosture.Engine.Rules.Catalog.AzureData;

/// <summary>
/// AKS-REL-01: redundancy. Zones are judged exactly as AKS-REL-09 (same check id); node subnets must hold the pools at full
/// scale; critical workloads need clusters in more than one region behind a global router.
/// </summary>
internal static class RedundancyRule
{
    public static readonly Rule Rule = new(new RuleDefinition
    {
        Id = "AKS-REL-01",
        Pillar = Pillar.Reliability,
        Severity = Severity.High,
        Title = "Build redundancy: zones, room to scale, and multiple regions for critical workloads",
        Rationale = "Zones protect against a datacentre failure, enough subnet addresses let the cluster scale and fail over, and only a second region behind a global router survives the loss of a whole region.",
        Remediation = "Spread pools over three zones, size node subnets for maximum scale plus upgrade surge, and for critical workloads run clusters in two regions behind Front Door or Traffic Manager.",
        RemediationCommand = "az aks nodepool add -g <rg> --cluster-name <cluster> -n apps2 --zones 1 2 3",
        RemediationProperty = "properties.agentPoolProfiles[].availabilityZones; node subnet addressPrefix; sibling cluster + Microsoft.Cdn/profiles or Microsoft.Network/trafficManagerProfiles",
        SeedReference = "Reliability checklist 1",
        Automation = Automation.Partial,
        CheckId = "availability-zones",
        Lineage = ["PSRule: Azure.AKS.AvailabilityZone", "PSRule: Azure.AKS.CNISubnetSize"],
        LearnMoreUrl = ClusterFacts.LearnBase + "operator-best-practices-multi-region",
    }, Evaluate);

    private static Outcome Evaluate(Probe probe)
    {
        var findings = new Findings();
        var zones = Zones(probe);
        switch (zones.Status)
        {
            case RuleStatus.Error:
                return new Outcome(RuleStatus.Error, zones.Message);
            case RuleStatus.Fail:
                findings.Fail(Lower(zones.Message));
                break;
            case RuleStatus.Warn:
                findings.Warn(Lower(zones.Message));
                break;
        }

        var plan = SubnetCapacity.Evaluate(probe);
        if (plan.Missing is { } subnetsMissing)
        {
            findings.Missing(subnetsMissing);
        }

        foreach (var subnet in plan.Subnets.Where(s => s.Required > s.Available))
        {
            findings.Fail($"subnet '{subnet.Name}' has {subnet.Available} usable addresses but pool(s) {RuleText.List(subnet.Pools)} need {subnet.Required} at full scale with upgrade surge");
        }

        var critical = probe.IsCritical();
        if (critical == true)
        {
            GlobalRedundancy.Check(probe, findings);
        }

        return findings.Decide(() =>
        {
            var ip = plan.Applies ? "node subnets hold the pools at full scale" : $"IP planning does not apply ({plan.Reason})";
            if (critical == true)
            {
                return Manual($"Zones, subnets and a second region behind a global router are in place; {ip}. Confirm each region's IP plan can absorb the other's traffic on failover.");
            }

            if (zones.Status == RuleStatus.NotApplicable && !plan.Applies)
            {
                return NotApplicable($"{zones.Message} {char.ToUpperInvariant(ip[0])}{ip[1..]}; multi-region applies to critical workloads only.");
            }

            var region = critical == false ? "the workload is declared not critical, so one region suffices" : "criticality is not declared, so multi-region is not required";
            return Pass($"{(zones.Status == RuleStatus.Pass ? "Pools span availability zones" : zones.Message.TrimEnd('.'))}; {ip}; {region}.");
        });
    }

    // The same predicate as AKS-REL-09, run on the same snapshot; its evidence is copied so this result shows it too.
    private static RuleResult Zones(Probe probe)
    {
        var result = AvailabilityZones.Rule.Evaluate(probe.Snapshot, probe.Settings);
        foreach (var evidence in result.Evidence)
        {
            probe.Note(evidence.Path, evidence.Value);
        }

        return result;
    }

    private static string Lower(string message) => message.Length == 0 ? message : char.ToLowerInvariant(message[0]) + message[1..].TrimEnd('.');
}
