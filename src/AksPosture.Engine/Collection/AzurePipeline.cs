using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Azure.Core;
using Azure.Core.Pipeline;

namespace AksPosture.Engine.Collection;

/// <summary>
/// Builds the Azure.Core pipeline every ARM and Resource Graph call goes through: retries with exponential back-off
/// and jitter that honour <c>Retry-After</c> (and <c>retry-after-ms</c>), a timeout per attempt, cancellation, the
/// client-side limits (Resource Graph quota, ARM reads per subscription), call counting, then the bearer token.
/// </summary>
internal static class AzurePipeline
{
    public static HttpPipeline Create(AzureConnectionOptions options, TokenCredential credential, IEnumerable<HttpPipelinePolicy> perRetryPolicies)
    {
        var clientOptions = new CollectorClientOptions();
        clientOptions.Retry.Mode = RetryMode.Exponential;
        clientOptions.Retry.MaxRetries = options.MaxRetries;
        clientOptions.Retry.Delay = options.RetryDelay;
        clientOptions.Retry.MaxDelay = options.MaxRetryDelay;
        clientOptions.Retry.NetworkTimeout = options.CallTimeout;
        clientOptions.Diagnostics.ApplicationId = "AksPosture";
        clientOptions.Diagnostics.IsDistributedTracingEnabled = false;

        var transport = new HttpPipelineTransportOptions();
        if (TrustedRoot.Load(options.TrustedRootCertificateFile) is { } root)
        {
            transport.ServerCertificateCustomValidationCallback = args => TrustedRoot.Validate(args.Certificate, args.SslPolicyErrors, root);
        }

        HttpPipelinePolicy[] perRetry = [.. perRetryPolicies, new BearerTokenAuthenticationPolicy(credential, options.TokenScope)];
        return HttpPipelineBuilder.Build(clientOptions, [], perRetry, transport, new ResponseClassifier());
    }

    private sealed class CollectorClientOptions : ClientOptions;
}

/// <summary>An extra root certificate to trust besides the system roots (a private proxy, the test emulator).</summary>
internal static class TrustedRoot
{
    public static X509Certificate2? Load(string? pemFile) =>
        pemFile is null ? null : X509Certificate2.CreateFromPem(File.ReadAllText(pemFile));

    /// <summary>Accepts what the system accepts, or a chain that ends in <paramref name="root"/> for the right host name.</summary>
    public static bool Validate(X509Certificate2? certificate, SslPolicyErrors errors, X509Certificate2 root)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch) || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(root);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }
}
