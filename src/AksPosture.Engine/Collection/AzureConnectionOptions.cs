using System.ComponentModel.DataAnnotations;

namespace AksPosture.Engine.Collection;

/// <summary>
/// Where and how to reach Azure. The defaults are the public cloud; a sovereign cloud sets its own ARM endpoint,
/// token scope and authority host (e.g. Azure China: https://management.chinacloudapi.cn,
/// https://management.chinacloudapi.cn/.default, https://login.chinacloudapi.cn). Tests point the endpoint at the emulator.
/// </summary>
public sealed class AzureConnectionOptions
{
    public const string SectionName = "Azure";

    /// <summary>The AKS Entra server application: kubelogin asks for a token for it to call an Entra-enabled API server.</summary>
    public const string AksServerApplicationId = "6dae42f8-4368-4678-94ff-3960e28e3630";

    [Required]
    public Uri ArmEndpoint { get; set; } = new("https://management.azure.com");

    [Required]
    public string TokenScope { get; set; } = "https://management.azure.com/.default";

    /// <summary>Authority for <c>DefaultAzureCredential</c> in a sovereign cloud; null is the public cloud.</summary>
    public Uri? AuthorityHost { get; set; }

    /// <summary>Tenant to sign in to; null lets the credential choose (workload identity and az login know theirs).</summary>
    public string? TenantId { get; set; }

    /// <summary>
    /// Name of an environment variable holding a pre-acquired ARM bearer token (pipelines: <c>az account get-access-token</c>).
    /// When null, <c>DefaultAzureCredential</c> is used.
    /// </summary>
    public string? TokenEnvironmentVariable { get; set; }

    /// <summary>
    /// Name of an environment variable holding a token for the AKS server application, used to read Entra-enabled
    /// clusters when <see cref="TokenEnvironmentVariable"/> is set (a token for ARM is not accepted by the API server).
    /// </summary>
    public string? KubernetesTokenEnvironmentVariable { get; set; }

    /// <summary>Scope of the token sent to Entra-enabled Kubernetes API servers.</summary>
    [Required]
    public string KubernetesTokenScope { get; set; } = $"{AksServerApplicationId}/.default";

    /// <summary>Retries after the first attempt, for 408, 429, 5xx and network failures (exponential with jitter, honouring Retry-After).</summary>
    [Range(0, 20)]
    public int MaxRetries { get; set; } = 6;

    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(800);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Time allowed for one attempt of one call.</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Reads per second per subscription, and the burst, that the client allows itself. ARM's token bucket grants 25
    /// reads a second with a bucket of 250 per subscription and principal; staying under it avoids 429s altogether.
    /// </summary>
    [Range(1, 1000)]
    public double ReadsPerSecondPerSubscription { get; set; } = 20;

    [Range(1, 1000)]
    public int ReadBurstPerSubscription { get; set; } = 200;

    /// <summary>
    /// A PEM file of an extra root certificate to trust for ARM and Kubernetes calls (a private endpoint proxy, the
    /// test emulator). The system roots are always trusted.
    /// </summary>
    public string? TrustedRootCertificateFile { get; set; }
}
