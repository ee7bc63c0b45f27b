namespace AksPosture.Engine.Assessment;

/// <summary>
/// How an organisation labels its clusters, and the thresholds the rules use. The defaults match common
/// conventions and the rule catalog spec; every value can be changed in configuration (docs/rules.md lists them).
/// </summary>
public sealed record AssessmentSettings
{
    /// <summary>Tag keys read, in order, to decide a cluster's environment.</summary>
    public IReadOnlyList<string> EnvironmentTagKeys { get; init; } = ["environment", "env", "stage"];

    /// <summary>Tag values (case-insensitive) that mark a production cluster.</summary>
    public IReadOnlyList<string> ProductionValues { get; init; } = ["production", "prod", "prd", "live"];

    /// <summary>Tag values (case-insensitive) that mark a non-production cluster.</summary>
    public IReadOnlyList<string> NonProductionValues { get; init; } =
        ["development", "dev", "test", "testing", "qa", "staging", "stage", "uat", "sandbox", "nonprod", "non-production", "demo", "lab"];

    /// <summary>Tag keys whose truthy value (true, yes, high, critical, mission-critical) marks a critical workload.</summary>
    public IReadOnlyList<string> CriticalTagKeys { get; init; } = ["criticality", "business-criticality", "critical"];

    /// <summary>Tag keys whose truthy value (or a named regime such as pci-dss) marks a regulated cluster.</summary>
    public IReadOnlyList<string> RegulatedTagKeys { get; init; } = ["regulated", "compliance"];

    /// <summary>Tag keys whose truthy value says the API server must be private.</summary>
    public IReadOnlyList<string> PrivateApiRequiredTagKeys { get; init; } = ["private-api-required"];

    /// <summary>Tag keys whose truthy value says egress must be inspected by a firewall or proxy.</summary>
    public IReadOnlyList<string> EgressControlRequiredTagKeys { get; init; } = ["egress-control-required"];

    /// <summary>Tag keys naming the workload a cluster belongs to, to find its sibling clusters in other regions.</summary>
    public IReadOnlyList<string> WorkloadTagKeys { get; init; } = ["workload", "application", "app"];

    /// <summary>Context given explicitly (a context file), by cluster ARM id or name; it wins over tags.</summary>
    public IReadOnlyDictionary<string, ClusterContextOverride> ContextOverrides { get; init; } =
        new Dictionary<string, ClusterContextOverride>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Namespaces whose workloads belong to the platform, not the application teams.</summary>
    public IReadOnlyList<string> SystemNamespaces { get; init; } =
    [
        "kube-system", "kube-public", "kube-node-lease", "gatekeeper-system", "azure-arc", "calico-system",
        "tigera-operator", "app-routing-system", "dataprotection-microsoft", "aks-command", "kube-egress-gateway-system",
    ];

    /// <summary>
    /// The oldest Kubernetes minor version accepted (e.g. "1.33"). Null means the oldest minor AKS still supports on
    /// <see cref="AsOf"/>, from the AKS release calendar built into the engine.
    /// </summary>
    public string? MinimumKubernetesVersion { get; init; }

    /// <summary>The date rules judge time-dependent facts against (version support). Null means today (UTC).</summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>Share of user containers that must have probes, limits … before a coverage rule passes.</summary>
    public double CoverageThreshold { get; init; } = 0.9;

    /// <summary>Share of multi-replica Deployments/StatefulSets that must be autoscaled (AKS-COST-11).</summary>
    public double AutoscaledWorkloadThreshold { get; init; } = 0.8;

    /// <summary>More node pools than this draws a warning (AKS-REL-12).</summary>
    public int MaxNodePools { get; init; } = 10;

    /// <summary>Container images from registries matching these host patterns count as trusted (AKS-SEC-05).</summary>
    public IReadOnlyList<string> AllowedRegistries { get; init; } = ["*.azurecr.io", "mcr.microsoft.com"];

    /// <summary>Images larger than this draw a cost warning (AKS-COST-03).</summary>
    public long LargeImageBytes { get; init; } = 1L << 30;

    /// <summary>More non-system cluster-admin bindings than this draws a warning (AKS-SEC-01).</summary>
    public int MaxClusterAdminBindings { get; init; } = 3;

    public static AssessmentSettings Default { get; } = new();

    public DateOnly Today => AsOf ?? DateOnly.FromDateTime(DateTime.UtcNow);
}

/// <summary>What a context file says about one cluster; null leaves the tag-derived value in place.</summary>
public sealed record ClusterContextOverride
{
    public bool? Production { get; init; }
    public bool? Critical { get; init; }
    public bool? Regulated { get; init; }
    public bool? PrivateApiRequired { get; init; }
    public bool? EgressControlRequired { get; init; }
    public string? WorkloadGroup { get; init; }
}
