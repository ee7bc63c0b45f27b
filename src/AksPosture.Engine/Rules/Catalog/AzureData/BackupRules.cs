using System.Text.Json.Nodes;
using AksPosture.Engine.Snapshots;
using static AksPosture.Engine.Rules.Probe;

namespace AksPosture.Engine.Rules.Catalog.AzureData;

/// <summary>Azure Backup for AKS: protection in place (AKS-REL-05) and restorable in another region (AKS-REL-14).</summary>
internal static class BackupRules
{
    private const string BackupExtension = "microsoft.dataprotection.kubernetes";
    private const string BackupOperatorRole = "Microsoft.DataProtection/backupVaults/backup-operator";
    private const string LearnMore = "https://learn.microsoft.com/azure/backup/azure-kubernetes-service-backup-overview";

    public static IEnumerable<Rule> All() => [Protection, CrossRegion];

    private static readonly Rule Protection = new(new RuleDefinition
    {
        Id = "AKS-REL-05",
        Pillar = Pillar.Reliability,
        Severity = Severity.High,
        Title = "Protect the cluster with Azure Backup and rehearse restores",
        Rationale = "Cluster state and persistent volumes are lost with the cluster unless something copies them elsewhere; a backup that was never restored is only a hope.",
        Remediation = "Install the backup extension, grant the Backup vault trusted access to the cluster, configure a backup instance, and run a restore drill.",
        RemediationCommand = "az dataprotection backup-instance create -g <rg> --vault-name <vault> --backup-instance @backup-instance.json",
        RemediationProperty = "Microsoft.DataProtection/backupVaults/backupInstances (dataSourceInfo.resourceID = cluster id); extension microsoft.dataprotection.kubernetes; trustedAccessRoleBindings role backup-operator",
        SeedReference = "Reliability checklist 5",
        Scope = RuleScope.ClusterAndWorkload,
        Automation = Automation.Partial,
        LearnMoreUrl = LearnMore,
    }, EvaluateProtection);

    private static readonly Rule CrossRegion = new(new RuleDefinition
    {
        Id = "AKS-REL-14",
        Pillar = Pillar.Reliability,
        Severity = Severity.Medium,
        Title = "Keep backups restorable in another region",
        Rationale = "A regional disaster takes the cluster and a locally redundant vault with it; only geo-redundant vault storage with cross-region restore brings the workload back elsewhere.",
        Remediation = "Protect the cluster from a geo-redundant Backup vault with cross-region restore enabled, keep vault-tier recovery points, and test a restore in the paired region.",
        RemediationCommand = "az dataprotection backup-vault update -g <rg> --vault-name <vault> --cross-region-restore-state Enabled",
        RemediationProperty = "backupVaults properties.storageSettings[].type = GeoRedundant, properties.featureSettings.crossRegionRestoreSettings.state = Enabled",
        SeedReference = "Reliability recommendation 9",
        Scope = RuleScope.ClusterAndWorkload,
        Automation = Automation.Partial,
        LearnMoreUrl = "https://learn.microsoft.com/azure/backup/azure-kubernetes-service-cluster-restore",
    }, EvaluateCrossRegion);

    private static Outcome EvaluateProtection(Probe probe)
    {
        if (!BackupInstances.TryFind(probe, out var instances, out var missing))
        {
            return missing;
        }

        if (instances.Count == 0)
        {
            return Fail("No Azure Backup instance protects this cluster.");
        }

        var findings = new Findings();
        BackupInstances.CheckStatus(instances, findings);
        CheckExtension(probe, findings);
        CheckTrustedAccess(probe, instances, findings);
        return findings.Decide(() => Manual(
            $"Backup instance(s) {RuleText.List(instances.Select(AzureJson.Name))} protect the cluster. Confirm a restore drill was run and its date recorded."));
    }

    private static Outcome EvaluateCrossRegion(Probe probe)
    {
        if (!BackupInstances.TryFind(probe, out var instances, out var missing))
        {
            return missing;
        }

        if (instances.Count == 0)
        {
            return Fail("No Azure Backup instance protects this cluster, so nothing can be restored in another region.");
        }

        var findings = new Findings();
        BackupInstances.CheckStatus(instances, findings);
        if (!probe.TryDataSet(DataSetNames.BackupVaults, out var data, out var vaultsMissing))
        {
            findings.Missing(vaultsMissing);
            return findings.Decide(() => vaultsMissing);
        }

        var vaults = AzureJson.Items(data);
        foreach (var vaultId in instances.Select(BackupInstances.Vault).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var vault = vaults.FirstOrDefault(v => AzureJson.SameId(AzureJson.Text(v, "id"), vaultId));
            if (vault is null)
            {
                findings.Missing(NotApplicable($"Vault '{vaultId}' that holds the cluster's backups is not in the '{DataSetNames.BackupVaults}' data set."));
                continue;
            }

            CheckVault(probe, vault, findings);
        }

        return findings.Decide(() => Manual(
            "The vault is geo-redundant with cross-region restore enabled. Confirm the backup policy keeps vault-tier recovery points and a restore in the secondary region was tested."));
    }

    private static void CheckVault(Probe probe, JsonObject vault, Findings findings)
    {
        var name = AzureJson.Name(vault);
        var crr = AzureJson.Text(vault, "properties.featureSettings.crossRegionRestoreSettings.state");
        var redundancy = AzureJson.Objects(vault, "properties.storageSettings").Select(s => AzureJson.Text(s, "type")).OfType<string>().ToList();
        probe.Note($"azure.backupVaults[{name}].properties.featureSettings.crossRegionRestoreSettings.state", crr);
        probe.Note($"azure.backupVaults[{name}].properties.storageSettings[].type", string.Join(", ", redundancy));
        if (!redundancy.Contains("GeoRedundant", StringComparer.OrdinalIgnoreCase))
        {
            findings.Fail($"vault '{name}' stores backups {(redundancy.Count == 0 ? "without a declared redundancy" : string.Join("/", redundancy))}, not GeoRedundant");
        }

        if (!string.Equals(crr, "Enabled", StringComparison.OrdinalIgnoreCase))
        {
            findings.Fail($"cross-region restore is {crr ?? "not set"} on vault '{name}'");
        }
    }

    private static void CheckExtension(Probe probe, Findings findings)
    {
        if (!probe.TryDataSet(AzureDataSets.Extensions, out var data, out var missing))
        {
            findings.Missing(missing);
            return;
        }

        var extension = AzureJson.Items(data)
            .FirstOrDefault(e => string.Equals(AzureJson.Text(e, "properties.extensionType"), BackupExtension, StringComparison.OrdinalIgnoreCase));
        var state = extension is null ? null : AzureJson.Text(extension, "properties.provisioningState");
        probe.Note($"azure.extensions[{BackupExtension}].properties.provisioningState", state);
        if (extension is null)
        {
            findings.Warn($"the backup extension ({BackupExtension}) is not installed");
        }
        else if (!string.Equals(state, "Succeeded", StringComparison.OrdinalIgnoreCase))
        {
            findings.Warn($"the backup extension is {state ?? "in an unknown state"}, not Succeeded");
        }
    }

    private static void CheckTrustedAccess(Probe probe, IReadOnlyList<JsonObject> instances, Findings findings)
    {
        if (!probe.TryDataSet(DataSetNames.TrustedAccessRoleBindings, out var data, out var missing))
        {
            findings.Missing(missing);
            return;
        }

        var bindings = AzureJson.Items(data)
            .Where(b => AzureJson.TextList(b, "properties.roles").Contains(BackupOperatorRole, StringComparer.OrdinalIgnoreCase))
            .ToList();
        foreach (var vault in instances.Select(BackupInstances.Vault).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var bound = bindings.Any(b => AzureJson.SameId(AzureJson.Text(b, "properties.sourceResourceId"), vault));
            probe.Note($"azure.trustedAccessRoleBindings[{vault[(vault.LastIndexOf('/') + 1)..]}]", bound ? BackupOperatorRole : null);
            if (!bound)
            {
                findings.Warn($"vault '{vault[(vault.LastIndexOf('/') + 1)..]}' has no trusted-access binding with the backup-operator role on the cluster");
            }
        }
    }
}
