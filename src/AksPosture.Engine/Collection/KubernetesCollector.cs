using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using AksPosture.Engine.Snapshots;
using Azure.Core;
using k8s;
using k8s.Authentication;
using KubernetesObject = AksPosture.Engine.Snapshots.KubernetesObject;

namespace AksPosture.Engine.Collection;

/// <summary>
/// Reads a cluster's Kubernetes objects: <c>listClusterUserCredential</c> for the kubeconfig, an Entra token for the AKS
/// server application when the kubeconfig asks for kubelogin, then the read-only lists in <see cref="KubernetesKind.All"/>.
/// A stopped cluster is not tried (workload rules are then NA); an unreachable, refusing or failing cluster gives a
/// problem with the reason (workload rules ERROR), and its Azure data still counts.
/// </summary>
public sealed class KubernetesCollector(AzureRestClient client)
{
    public const string DataSet = "kubernetes";
    public const string ListCredentialAction = "Microsoft.ContainerService/managedClusters/listClusterUserCredential/action";
    private const int PageSize = 500;

    public async Task<(KubernetesInventory? Inventory, CollectionProblem? Problem)> CollectAsync(ClusterSnapshot cluster, CancellationToken cancellationToken)
    {
        if (ClusterArmCollector.IsStopped(cluster))
        {
            return (null, null);
        }

        var credential = await client.PostAsync($"{cluster.Id.TrimStart('/')}/listClusterUserCredential?api-version={ClusterArmCollector.ManagedClustersApiVersion}&format=exec", null, cancellationToken).ConfigureAwait(false);
        if (!credential.IsSuccess)
        {
            return (null, credential.ToProblem(DataSet, ListCredentialAction));
        }

        if (ClusterSnapshot.TextOf(credential.Body?["kubeconfigs"]?[0]?["value"]) is not { } encoded)
        {
            return (null, new CollectionProblem(DataSet, "listClusterUserCredential returned no kubeconfig"));
        }

        KubernetesClientConfiguration configuration;
        try
        {
            configuration = Configure(Convert.FromBase64String(encoded));
        }
        catch (Exception ex) when (ex is FormatException or k8s.Exceptions.KubeConfigException or ArgumentException or InvalidOperationException)
        {
            return (null, new CollectionProblem(DataSet, $"the kubeconfig from listClusterUserCredential could not be used: {ex.Message}"));
        }

        using var kubernetes = new Kubernetes(configuration);
        try
        {
            return (new KubernetesInventory(await ListAllAsync(kubernetes, cancellationToken).ConfigureAwait(false)), null);
        }
        catch (KubernetesRefusedException ex)
        {
            return (null, new CollectionProblem(DataSet, ex.Message, ex.Status == HttpStatusCode.Forbidden ? $"Kubernetes RBAC: list {ex.Kind.Plural}.{(ex.Kind.Group.Length == 0 ? "core" : ex.Kind.Group)} (Azure Kubernetes Service RBAC Reader)" : null));
        }
        catch (HttpRequestException ex)
        {
            return (null, new CollectionProblem(DataSet, $"the API server {configuration.Host} is not reachable from here ({ex.Message}); a private cluster needs the collector inside its network"));
        }
        catch (Azure.Identity.AuthenticationFailedException ex)
        {
            return (null, new CollectionProblem(DataSet, $"no token for the AKS server application ({ex.Message})"));
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, new CollectionProblem(DataSet, $"the API server {configuration.Host} did not answer within {client.Options.CallTimeout.TotalSeconds:0} s"));
        }
    }

    private KubernetesClientConfiguration Configure(byte[] kubeconfig)
    {
        using var stream = new MemoryStream(kubeconfig);
        var config = KubernetesClientConfiguration.LoadKubeConfig(stream);
        // kubelogin (exec) or the legacy azure auth-provider mean an Entra-enabled cluster: we get the token ourselves
        // rather than run a program named in a downloaded file.
        var entra = false;
        foreach (var user in config.Users ?? [])
        {
            if (user.UserCredentials is { } credentials && (credentials.ExternalExecution is not null || credentials.AuthProvider is not null))
            {
                credentials.ExternalExecution = null;
                credentials.AuthProvider = null;
                credentials.Token = "replaced-by-the-entra-token-provider";
                entra = true;
            }
        }

        var configuration = KubernetesClientConfiguration.BuildConfigFromConfigObject(config);
        configuration.HttpClientTimeout = client.Options.CallTimeout;
        if (entra)
        {
            configuration.AccessToken = null;
            configuration.TokenProvider = new EntraTokenProvider(client.Credential, client.Options.KubernetesTokenScope);
        }

        return configuration;
    }

    private async Task<List<KubernetesObject>> ListAllAsync(Kubernetes kubernetes, CancellationToken cancellationToken)
    {
        var objects = new List<KubernetesObject>();
        var crds = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var kind in KubernetesKind.All)
        {
            if (kind.Custom && !crds.Contains(kind.CrdName))
            {
                continue;
            }

            var items = await ListAsync(kubernetes, kind, cancellationToken).ConfigureAwait(false);
            objects.AddRange(items.Select(i => new KubernetesObject(i)));
            if (kind.Kind == "CustomResourceDefinition")
            {
                crds.UnionWith(items.Select(i => ClusterSnapshot.TextOf(i["metadata"]?["name"]) ?? ""));
            }
        }

        return objects;
    }

    /// <summary>One list, page by page (<c>limit</c> / <c>continue</c>); list items carry no kind, so it is set here.</summary>
    private async Task<List<JsonObject>> ListAsync(Kubernetes kubernetes, KubernetesKind kind, CancellationToken cancellationToken)
    {
        var items = new List<JsonObject>();
        string? next = null;
        do
        {
            var path = $"{kind.Path}?limit={PageSize}" + (next is null ? "" : $"&continue={Uri.EscapeDataString(next)}");
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(BaseOf(kubernetes), path));
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            if (kubernetes.Credentials is { } credentials)
            {
                await credentials.ProcessHttpRequestAsync(request, cancellationToken).ConfigureAwait(false);
            }

            client.Statistics.Count(CallKinds.Kubernetes);
            using var response = await kubernetes.HttpClient.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                if (!kind.Required && response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
                {
                    return items;
                }

                throw new KubernetesRefusedException(kind, response.StatusCode);
            }

            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            var list = await JsonNode.ParseAsync(body, SnapshotReader.NodeOptions, cancellationToken: cancellationToken).ConfigureAwait(false);
            foreach (var item in (list?["items"] as JsonArray ?? []).OfType<JsonObject>().ToList())
            {
                item.Parent!.AsArray().Remove(item);
                item["kind"] ??= kind.Kind;
                item["apiVersion"] ??= kind.ApiVersion;
                items.Add(item);
            }

            next = ClusterSnapshot.TextOf(list?["metadata"]?["continue"]);
        }
        while (!string.IsNullOrEmpty(next));

        return items;
    }

    // A server URL with a path (a proxy) must end in '/' for relative list paths to stay below it.
    private static Uri BaseOf(Kubernetes kubernetes) =>
        kubernetes.BaseUri.AbsoluteUri.EndsWith('/') ? kubernetes.BaseUri : new Uri(kubernetes.BaseUri.AbsoluteUri + "/");

    private sealed class KubernetesRefusedException(KubernetesKind kind, HttpStatusCode status)
        : Exception(status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
            ? $"the API server refused to list {kind.Plural} (HTTP {(int)status}): the identity needs the cluster's read role"
            : $"listing {kind.Plural} failed with HTTP {(int)status}")
    {
        public KubernetesKind Kind { get; } = kind;

        public HttpStatusCode Status { get; } = status;
    }

    /// <summary>Bearer tokens for the AKS server application, from the collectors' Azure credential.</summary>
    private sealed class EntraTokenProvider(TokenCredential credential, string scope) : ITokenProvider
    {
        public async Task<AuthenticationHeaderValue> GetAuthenticationHeaderAsync(CancellationToken cancellationToken)
        {
            var token = await credential.GetTokenAsync(new TokenRequestContext([scope]), cancellationToken).ConfigureAwait(false);
            return new AuthenticationHeaderValue("Bearer", token.Token);
        }
    }
}
