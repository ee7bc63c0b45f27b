namespace AksPosture.Engine.Collection;

/// <summary>
/// The Kubernetes lists the workload rules read (rule catalog spec §3.7). Secrets are never listed. Custom resources
/// are listed only when their CustomResourceDefinition is installed; an optional list the identity may not read is
/// left out, while a refused core list (pods, nodes) makes the whole inventory a collection problem.
/// </summary>
internal sealed record KubernetesKind(string Kind, string Group, string Version, string Plural, bool Required = false, bool Custom = false)
{
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    public string Path => Group.Length == 0 ? $"api/{Version}/{Plural}" : $"apis/{Group}/{Version}/{Plural}";

    /// <summary>The CRD name that must exist before a custom kind is listed.</summary>
    public string CrdName => $"{Plural}.{Group}";

    public static readonly IReadOnlyList<KubernetesKind> All =
    [
        new("Node", "", "v1", "nodes", Required: true),
        new("Namespace", "", "v1", "namespaces", Required: true),
        new("Pod", "", "v1", "pods", Required: true),
        new("Service", "", "v1", "services"),
        new("ServiceAccount", "", "v1", "serviceaccounts"),
        new("Deployment", "apps", "v1", "deployments", Required: true),
        new("StatefulSet", "apps", "v1", "statefulsets"),
        new("DaemonSet", "apps", "v1", "daemonsets"),
        new("Job", "batch", "v1", "jobs"),
        new("CronJob", "batch", "v1", "cronjobs"),
        new("HorizontalPodAutoscaler", "autoscaling", "v2", "horizontalpodautoscalers"),
        new("PodDisruptionBudget", "policy", "v1", "poddisruptionbudgets"),
        new("NetworkPolicy", "networking.k8s.io", "v1", "networkpolicies"),
        new("Ingress", "networking.k8s.io", "v1", "ingresses"),
        new("ClusterRoleBinding", "rbac.authorization.k8s.io", "v1", "clusterrolebindings"),
        new("CustomResourceDefinition", "apiextensions.k8s.io", "v1", "customresourcedefinitions"),
        new("VerticalPodAutoscaler", "autoscaling.k8s.io", "v1", "verticalpodautoscalers", Custom: true),
        new("ScaledObject", "keda.sh", "v1alpha1", "scaledobjects", Custom: true),
        new("ScaledJob", "keda.sh", "v1alpha1", "scaledjobs", Custom: true),
        new("SecretProviderClass", "secrets-store.csi.x-k8s.io", "v1", "secretproviderclasses", Custom: true),
        new("NodePool", "karpenter.sh", "v1", "nodepools", Custom: true),
        new("Kustomization", "kustomize.toolkit.fluxcd.io", "v1", "kustomizations", Custom: true),
        new("GitRepository", "source.toolkit.fluxcd.io", "v1", "gitrepositories", Custom: true),
        new("Application", "argoproj.io", "v1alpha1", "applications", Custom: true),
    ];
}
