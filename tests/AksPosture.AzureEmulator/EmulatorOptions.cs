namespace AksPosture.AzureEmulator;

/// <summary>The emulated fleet and how badly the emulated Azure behaves.</summary>
public sealed class EmulatorOptions
{
    public int Clusters { get; init; } = 24;

    public int Subscriptions { get; init; } = 3;

    /// <summary>Added to every answer, as a round trip to Azure would be.</summary>
    public TimeSpan Latency { get; init; } = TimeSpan.Zero;

    /// <summary>Share of ARM calls (not Resource Graph) answered 429 with <c>Retry-After</c>.</summary>
    public double ThrottleRate { get; init; }

    /// <summary>Share of calls answered 500 or 503.</summary>
    public double ServerErrorRate { get; init; }

    public int RetryAfterSeconds { get; init; } = 1;

    public int Seed { get; init; } = 1;

    /// <summary>Resource Graph's per-user quota: this many queries in any window of <see cref="ResourceGraphWindow"/>.</summary>
    public int ResourceGraphQuota { get; init; } = 15;

    public TimeSpan ResourceGraphWindow { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Cluster names whose API server cannot be reached (their kubeconfig points at a closed port).</summary>
    public IReadOnlySet<string> UnreachableClusters { get; init; } = new HashSet<string>();

    /// <summary>Folder of the sample fleet JSON; by default the copy next to this assembly.</summary>
    public string SampleFolder { get; init; } = Path.Combine(AppContext.BaseDirectory, "SampleFleet");
}
