using System.Text.Json.Nodes;
using AksPosture.Engine.Snapshots;
using static AksPosture.Engine.Rules.Probe;

namespace AksPosture.Engine.Rules.Catalog.PodSecurity;

/// <summary>AKS-POL-11: no host paths or FlexVolume drivers; root filesystems read-only where possible.</summary>
internal static class VolumeRule
{
    public static readonly Rule Rule = new(new RuleDefinition
    {
        Id = "AKS-POL-11",
        Pillar = Pillar.Security,
        Severity = Severity.High,
        Title = "Pods mount no host paths or FlexVolume drivers and keep root filesystems read-only",
        Rationale = "A hostPath volume hands a pod the node's filesystem, from container runtime sockets to kubelet credentials; FlexVolume drivers run as root on the node. A read-only root filesystem stops an intruder from dropping tools into the container.",
        Remediation = "Replace hostPath and FlexVolume volumes with persistent volume claims or CSI volumes, and set readOnlyRootFilesystem: true with emptyDir volumes for the paths that must be writable.",
        RemediationCommand = "volumes: [{ name: data, persistentVolumeClaim: { claimName: <pvc> } }]; containers[].securityContext: { readOnlyRootFilesystem: true }",
        RemediationProperty = "spec.volumes[].hostPath / flexVolume; containers[].securityContext.readOnlyRootFilesystem = true",
        SeedReference = "Azure policies: mount, volume drivers and filesystem",
        Scope = RuleScope.ClusterAndWorkload,
        Lineage =
        [
            "Azure Policy 098fc59e-46c7-4d99-9b16-64990e543d75",
            "Azure Policy 16697877-1118-4fb1-9b65-9898ec2509ec",
            "Azure Policy f4a8fce0-2dd5-4c21-9a36-8f0ec809d663",
            "Azure Policy df49d893-a74c-421d-bc95-c663042e5b80",
        ],
        LearnMoreUrl = ClusterFacts.LearnBase + "use-azure-policy",
    }, Evaluate);

    private static Outcome Evaluate(Probe probe)
    {
        if (probe.Kubernetes() is not { } inventory)
        {
            return probe.WithoutKubernetes("The volume check");
        }

        var workloads = probe.UserWorkloads(inventory);
        if (workloads.Count == 0)
        {
            return NotApplicable("No workloads run in user namespaces, so there are no volumes to judge.");
        }

        var findings = workloads.Select(Finding).OfType<ObjectFinding>().ToList();
        var failing = findings.Where(f => f.Status == RuleStatus.Fail).ToList();
        probe.Note("kubernetes.volumes", $"{workloads.Count} user workload(s): {failing.Count} mount host paths or FlexVolumes, {findings.Count - failing.Count} only have writable root filesystems");
        if (failing.Count > 0)
        {
            return Fail($"{failing.Count} user workload(s) mount host paths or FlexVolume drivers: {ObjectIssues.Names(failing)}.") with { Objects = findings };
        }

        return findings.Count > 0
            ? Warn($"No host paths or FlexVolumes, but {findings.Count} user workload(s) have containers with a writable root filesystem: {ObjectIssues.Names(findings)}.") with { Objects = findings }
            : Pass($"None of the {workloads.Count} user workload(s) mount host paths or FlexVolumes, and every container's root filesystem is read-only.");
    }

    private static ObjectFinding? Finding(Workload workload)
    {
        var issues = new List<Issue>();
        foreach (var volume in workload.PodObjects("volumes"))
        {
            var name = VolumeName(workload, volume);
            if (volume["hostPath"] is not null)
            {
                var path = Navigate(volume, "hostPath.path");
                issues.Add(new(RuleStatus.Fail, $"mounts host path {path?.ToJsonString() ?? "?"} (volume '{name}')", new Evidence($"{workload.Object.Key}: volumes[{name}].hostPath.path", path?.ToJsonString())));
            }

            if (volume["flexVolume"] is not null)
            {
                var driver = Navigate(volume, "flexVolume.driver");
                issues.Add(new(RuleStatus.Fail, $"uses FlexVolume driver {driver?.ToJsonString() ?? "?"} (volume '{name}')", new Evidence($"{workload.Object.Key}: volumes[{name}].flexVolume.driver", driver?.ToJsonString())));
            }
        }

        foreach (var container in workload.Containers())
        {
            if (workload.ContainerBool(container, "securityContext.readOnlyRootFilesystem") == true)
            {
                continue;
            }

            issues.Add(new(RuleStatus.Warn, $"container '{workload.ContainerName(container)}' can write to its root filesystem",
                KubernetesProbe.ContainerEvidence(workload, container, "securityContext.readOnlyRootFilesystem")));
        }

        return issues.Count == 0 ? null : ObjectIssues.Finding(workload.Object.Key, issues);
    }

    // The error path names the workload, so it is spelt out only when a name cannot be read.
    private static string VolumeName(Workload workload, JsonObject volume) =>
        (TryText(volume["name"], out var name) ? name : throw new UnreadableValueException($"{workload.Object.Key}: volumes[].name", ExpectedText)) ?? "?";
}
