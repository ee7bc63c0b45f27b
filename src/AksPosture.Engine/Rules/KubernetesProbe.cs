using System.Text.Json.Nodes;
using AksPosture.Engine.Snapshots;

namespace AksPosture.Engine.Rules;

/// <summary>How rules read Kubernetes objects: only user namespaces, and never a verdict without data.</summary>
public static class KubernetesProbe
{
    /// <summary>The cluster's objects, or null when they were not collected; the object count is recorded as evidence.</summary>
    public static KubernetesInventory? Kubernetes(this Probe probe)
    {
        probe.Record(probe.Snapshot.Reads.Kubernetes);
        return probe.Snapshot.Kubernetes;
    }

    /// <summary>The verdict when Kubernetes data is missing: ERROR when collection failed, NA when it was not attempted.</summary>
    public static Outcome WithoutKubernetes(this Probe probe, string whatNeedsIt = "This workload check")
    {
        if (probe.Snapshot.KubernetesProblem is { } problem)
        {
            return new Outcome(RuleStatus.Error, $"{whatNeedsIt} needs the cluster's Kubernetes objects, which could not be read: {problem.Message}");
        }

        return Probe.NotApplicable(probe.Snapshot.Id.Length > 0 && IsStopped(probe)
            ? "The cluster is stopped, so its Kubernetes objects cannot be read."
            : $"{whatNeedsIt} needs the cluster's Kubernetes objects, which are not in this snapshot.");
    }

    public static bool IsUserNamespace(this Probe probe, string ns)
    {
        if (ns.Length == 0)
        {
            return false;
        }

        var system = probe.Settings.SystemNamespaces;
        for (var i = 0; i < system.Count; i++)
        {
            if (string.Equals(system[i], ns, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Workloads outside the system namespaces.</summary>
    public static IReadOnlyList<Workload> UserWorkloads(this Probe probe, KubernetesInventory inventory) =>
        inventory.UserWorkloads(probe.Settings.SystemNamespaces);

    public static IReadOnlyList<KubernetesObject> UserObjects(this Probe probe, KubernetesInventory inventory, string kind)
    {
        var objects = new List<KubernetesObject>();
        foreach (var item in inventory.OfKind(kind))
        {
            if (probe.IsUserNamespace(item.Namespace))
            {
                objects.Add(item);
            }
        }

        return objects;
    }

    /// <summary>Names the container in evidence paths: <c>ns/Deployment/web: containers[app].readinessProbe</c>.</summary>
    public static Evidence ContainerEvidence(Workload workload, JsonObject container, string field)
    {
        // A name that is not text fails the rule, as converting it to a string does; otherwise the workload's read is reused.
        var name = container["name"] is { } node && !Catalog.Json.IsText(node) ? (string?)node : workload.ContainerName(container);
        return new($"{workload.Object.Key}: containers[{name}].{field}", Probe.Navigate(container, field)?.ToJsonString());
    }

    private static bool IsStopped(Probe probe) =>
        string.Equals(Probe.AsText("properties.powerState.code", Probe.Navigate(probe.Snapshot.Resource, "properties.powerState.code")), "Stopped", StringComparison.OrdinalIgnoreCase);
}

/// <summary>How rules read Azure data sets held outside the cluster resource.</summary>
public static class AzureDataProbe
{
    /// <summary>
    /// Reads a data set. When it is missing, <paramref name="missing"/> is the verdict to return: ERROR naming the
    /// missing permission when collection failed, NA when the set was not collected at all.
    /// </summary>
    public static bool TryDataSet(this Probe probe, string name, out JsonNode? data, out Outcome missing)
    {
        probe.Record(probe.Snapshot.Reads.DataSet(name));
        if (probe.Snapshot.Azure.TryGet(name, out data))
        {
            missing = default;
            return true;
        }

        var problem = probe.Snapshot.Azure.ProblemWith(name);
        missing = problem is null
            ? Probe.NotApplicable($"'{name}' was not collected for this cluster, so this check cannot be judged.")
            : new Outcome(RuleStatus.Error, problem.MissingPermission is null
                ? $"'{name}' could not be collected: {problem.Message}"
                : $"'{name}' could not be collected: {problem.Message} (needs permission {problem.MissingPermission})");
        return false;
    }

    /// <summary>The items of a data set that is a list (an ARM list's <c>value</c> is accepted too).</summary>
    public static IReadOnlyList<JsonObject> Items(JsonNode? data) => data switch
    {
        JsonArray array => array.OfType<JsonObject>().ToList(),
        JsonObject obj when obj["value"] is JsonArray value => value.OfType<JsonObject>().ToList(),
        JsonObject obj => [obj],
        _ => [],
    };
}
