using System.Text.Json.Nodes;
using AksPosture.Engine.Snapshots;
using static AksPosture.Engine.Rules.Probe;

namespace AksPosture.Engine.Rules.Catalog.AzureData;

/// <summary>Microsoft Defender for Containers: one check the guide names as a recommendation and in the Azure policies list.</summary>
internal static class DefenderRules
{
    public const string SensorPath = "properties.securityProfile.defender.securityMonitoring.enabled";
    private const string CheckId = "defender";
    private const string Rationale =
        "Defender for Containers watches the cluster's audit stream and nodes for attacks, scans images for vulnerabilities and checks the configuration; without the plan and the sensor none of this runs.";
    private const string Command = "az aks update -g <rg> -n <cluster> --enable-defender";
    private const string Property = $"{SensorPath} = true; Microsoft.Security/pricings/Containers pricingTier = Standard";
    private const string LearnMore = "https://learn.microsoft.com/azure/defender-for-cloud/defender-for-containers-introduction";

    public static IEnumerable<Rule> All() =>
    [
        new(new RuleDefinition
        {
            Id = "AKS-SEC-18",
            Pillar = Pillar.Security,
            Severity = Severity.High,
            Title = "Use Microsoft Defender for Containers",
            Rationale = Rationale,
            Remediation = "Enable the Defender for Containers plan on the subscription and the Defender sensor on the cluster.",
            RemediationCommand = Command,
            RemediationProperty = Property,
            SeedReference = "Security recommendation 12",
            CheckId = CheckId,
            Lineage = ["Azure Policy a1840de2-8088-4ea8-b153-b4c723e9cb01", "PSRule: Azure.AKS.DefenderProfile"],
            LearnMoreUrl = LearnMore,
        }, Evaluate),
        new(new RuleDefinition
        {
            Id = "AKS-POL-02",
            Pillar = Pillar.Security,
            Severity = Severity.High,
            Title = "Microsoft Defender for Cloud-based policies: Defender profile enabled",
            Rationale = Rationale,
            Remediation = "Enable the Defender profile on the cluster and keep the Containers plan on Standard.",
            RemediationCommand = Command,
            RemediationProperty = Property,
            SeedReference = "Azure policies: Microsoft Defender for Cloud-based policies",
            CheckId = CheckId,
            Lineage = ["Azure Policy a1840de2-8088-4ea8-b153-b4c723e9cb01", "PSRule: Azure.AKS.DefenderProfile"],
            LearnMoreUrl = LearnMore,
        }, Evaluate),
    ];

    public static Outcome Evaluate(Probe probe)
    {
        var findings = new Findings();
        Check(probe, findings);
        return findings.Decide(() => Pass("The Defender sensor runs on the cluster and the Containers plan is Standard."));
    }

    /// <summary>Adds the sensor and plan findings; shared with AKS-SEC-02, which builds on them.</summary>
    public static void Check(Probe probe, Findings findings)
    {
        if (probe.Bool(SensorPath) != true)
        {
            findings.Fail("the Defender sensor is not enabled on the cluster");
        }

        if (!probe.TryDataSet(AzureDataSets.DefenderPlan, out var data, out var missing))
        {
            findings.Missing(missing);
            return;
        }

        var plan = Containers(AzureJson.Items(data));
        var tier = plan is null ? null : AzureJson.Text(plan, "properties.pricingTier");
        probe.Note("azure.defenderPlan.properties.pricingTier", tier);
        switch (tier?.ToLowerInvariant())
        {
            case "standard":
                break;
            case "free":
                findings.Fail("the subscription's Defender for Containers plan is Free (off)");
                break;
            case null:
                findings.Missing(NotApplicable("The 'defenderPlan' data set holds no Containers pricing, so the plan cannot be judged."));
                break;
            default:
                findings.Warn($"unrecognised Defender pricing tier '{tier}'");
                break;
        }
    }

    private static JsonObject? Containers(IReadOnlyList<JsonObject> pricings) =>
        pricings.Count == 1 ? pricings[0] : pricings.FirstOrDefault(p => string.Equals(AzureJson.Text(p, "name"), "Containers", StringComparison.OrdinalIgnoreCase));
}
