using static AksPosture.Engine.Rules.Probe;

namespace AksPosture.Engine.Rules.Catalog;

internal static class AvailabilityZones
{
    public static readonly Rule Rule = new(new RuleDefinition
    {
        Id = "AKS-REL-09",
        Pillar = Pillar.Reliability,
        Severity = Severity.High,
        Title = "Spread node pools across availability zones",
        Rationale = "A pool in one zone goes down with that zone's datacentre. Pools spread over three zones keep serving through the loss of one.",
        Remediation = "Create node pools with --zones 1 2 3 (zones are set at pool creation: add a zonal pool and move workloads to it).",
        RemediationCommand = "az aks nodepool add -g <rg> --cluster-name <cluster> -n apps2 --zones 1 2 3",
        RemediationProperty = "properties.agentPoolProfiles[].availabilityZones = [\"1\",\"2\",\"3\"]",
        SeedReference = "Reliability recommendation 4 (and checklist 1)",
        CheckId = "availability-zones",
        Lineage = ["PSRule: Azure.AKS.AvailabilityZone"],
        LearnMoreUrl = ClusterFacts.LearnBase + "availability-zones",
    }, Evaluate);

    private static Outcome Evaluate(Probe probe)
    {
        var pools = probe.Pools().Where(p => p.Text("proximityPlacementGroupID") is null).ToList();
        if (pools.Count == 0)
        {
            return NotApplicable("No agent pools to judge (none listed, or all pinned to a proximity placement group for co-location).");
        }

        var location = probe.Text("location") ?? "";
        var regionHasZones = ZonalRegions.HasZones(location);
        if (regionHasZones == false)
        {
            return NotApplicable($"Region '{location}' has no availability zones.");
        }

        var zoneCounts = pools.Select(p => (Pool: p, Zones: p.TextList("availabilityZones").Distinct().Count())).ToList();
        var unspread = zoneCounts.Where(z => z.Zones < 2).Select(z => z.Pool.Name).ToList();
        var twoZones = zoneCounts.Where(z => z.Zones == 2).Select(z => z.Pool.Name).ToList();
        if (unspread.Count > 0)
        {
            return regionHasZones == true
                ? Fail($"Pool(s) {string.Join(", ", unspread)} are not spread across zones in {location}, a region with zones.")
                : Warn($"Pool(s) {string.Join(", ", unspread)} are not spread across zones; zone support of region '{location}' is unknown.");
        }

        return twoZones.Count > 0
            ? Warn($"Pool(s) {string.Join(", ", twoZones)} use two zones; three survive a zone loss with more headroom.")
            : Pass("Every node pool spans three availability zones.");
    }
}
