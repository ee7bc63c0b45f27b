using System.Text.Json.Nodes;

namespace AksPosture.Engine.Snapshots;

/// <summary>The Kubernetes objects collected from one cluster, indexed by kind (case-insensitive).</summary>
public sealed class KubernetesInventory
{
    private readonly Dictionary<string, List<KubernetesObject>> _byKind = new(StringComparer.OrdinalIgnoreCase);
    private List<Workload>? _workloads;
    private (IReadOnlyList<string> SystemNamespaces, IReadOnlyList<Workload> Workloads)? _userWorkloads;

    public KubernetesInventory(IEnumerable<KubernetesObject> objects)
    {
        foreach (var item in objects)
        {
            if (!_byKind.TryGetValue(item.Kind, out var list))
            {
                _byKind[item.Kind] = list = [];
            }

            list.Add(item);
        }
    }

    public int Count => _byKind.Values.Sum(l => l.Count);

    /// <summary>Every object, kind by kind.</summary>
    public IEnumerable<KubernetesObject> All => _byKind.Values.SelectMany(list => list);

    /// <summary>The kinds present, so rules can tell "no HPAs" from "HPAs were not collected".</summary>
    public IReadOnlyCollection<string> Kinds => _byKind.Keys;

    public bool Has(string kind) => _byKind.ContainsKey(kind);

    public IReadOnlyList<KubernetesObject> OfKind(string kind) => _byKind.TryGetValue(kind, out var list) ? list : [];

    /// <summary>
    /// Everything that runs pods, with the pod template it runs: Deployments, StatefulSets, DaemonSets, Jobs,
    /// CronJobs and pods that nothing owns. Pods created by a controller are represented by that controller.
    /// </summary>
    public IReadOnlyList<Workload> Workloads() => _workloads ??= FindWorkloads().ToList();

    /// <summary>Workloads outside the given system namespaces; kept for the last list asked for, as every rule asks the same.</summary>
    public IReadOnlyList<Workload> UserWorkloads(IReadOnlyList<string> systemNamespaces)
    {
        var cached = _userWorkloads;
        if (cached is not null && ReferenceEquals(cached.Value.SystemNamespaces, systemNamespaces))
        {
            return cached.Value.Workloads;
        }

        var excluded = new HashSet<string>(systemNamespaces, StringComparer.OrdinalIgnoreCase);
        var workloads = Workloads().Where(w => w.Object.Namespace.Length > 0 && !excluded.Contains(w.Object.Namespace)).ToList();
        _userWorkloads = (systemNamespaces, workloads);
        return workloads;
    }

    private IEnumerable<Workload> FindWorkloads()
    {
        foreach (var kind in new[] { "Deployment", "StatefulSet", "DaemonSet", "Job" })
        {
            foreach (var item in OfKind(kind).Where(o => !(kind == "Job" && o.HasOwner)))
            {
                yield return new Workload(item, item.Json["spec"]?["template"]?["spec"] as JsonObject);
            }
        }

        foreach (var item in OfKind("CronJob"))
        {
            yield return new Workload(item, item.Json["spec"]?["jobTemplate"]?["spec"]?["template"]?["spec"] as JsonObject);
        }

        foreach (var item in OfKind("Pod").Where(p => !p.HasOwner))
        {
            yield return new Workload(item, item.Json["spec"] as JsonObject);
        }
    }
}

/// <summary>An object that runs pods and the pod spec it runs them with (null when the object has none).</summary>
public sealed class Workload(KubernetesObject item, JsonObject? podSpec)
{
    private IReadOnlyList<JsonObject>? _containers;
    private IReadOnlyList<JsonObject>? _containersAndInit;
    private string?[]? _containerNames;

    public KubernetesObject Object { get; } = item;

    public JsonObject? PodSpec { get; } = podSpec;

    public int? Replicas => Object.Json["spec"]?["replicas"] is JsonValue v && v.TryGetValue<int>(out var n) ? n : null;

    /// <summary>The pod spec's containers, then its init containers; listed once, as most workload rules walk them.</summary>
    public IReadOnlyList<JsonObject> Containers(bool includeInit = true) => includeInit
        ? _containersAndInit ??= [.. Containers(includeInit: false), .. ObjectsIn("initContainers")]
        : _containers ??= ObjectsIn("containers");

    /// <summary>
    /// A container's name, or "?" when it has none (or it is not text); read once per container, as the pod security
    /// and workload rules name containers in most of their messages and evidence paths.
    /// </summary>
    public string ContainerName(JsonObject container)
    {
        var containers = Containers();
        var names = _containerNames ??= new string?[containers.Count];
        for (var i = 0; i < containers.Count; i++)
        {
            if (ReferenceEquals(containers[i], container))
            {
                return names[i] ??= NameOf(container);
            }
        }

        return NameOf(container);
    }

    private static string NameOf(JsonObject container) => ClusterSnapshot.TextOf(container["name"]) ?? "?";

    private List<JsonObject> ObjectsIn(string field) => (PodSpec?[field] as JsonArray ?? []).OfType<JsonObject>().ToList();
}
