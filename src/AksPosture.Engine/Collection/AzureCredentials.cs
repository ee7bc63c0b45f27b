using Azure.Core;
using Azure.Identity;

namespace AksPosture.Engine.Collection;

/// <summary>The credential the collectors use: a token from the environment for pipelines, else DefaultAzureCredential.</summary>
public static class AzureCredentials
{
    public static TokenCredential Create(AzureConnectionOptions options)
    {
        if (options.TokenEnvironmentVariable is { } variable)
        {
            return EnvironmentTokenCredential.Read(variable, options.KubernetesTokenEnvironmentVariable, options.KubernetesTokenScope);
        }

        var credentialOptions = new DefaultAzureCredentialOptions();
        if (options.AuthorityHost is { } authority)
        {
            credentialOptions.AuthorityHost = authority;
        }

        if (options.TenantId is { } tenant)
        {
            credentialOptions.TenantId = tenant;
        }

        return new DefaultAzureCredential(credentialOptions);
    }
}

/// <summary>
/// Pre-acquired bearer tokens read from environment variables: one for ARM and, optionally, one for the AKS server
/// application. The token is whatever the pipeline put there; its expiry is unknown, so it is taken to last an hour.
/// </summary>
public sealed class EnvironmentTokenCredential : TokenCredential
{
    private readonly string _armToken;
    private readonly string? _kubernetesToken;
    private readonly string _kubernetesScope;

    public EnvironmentTokenCredential(string armToken, string? kubernetesToken, string kubernetesScope)
    {
        _armToken = armToken;
        _kubernetesToken = kubernetesToken;
        _kubernetesScope = kubernetesScope;
    }

    public static EnvironmentTokenCredential Read(string variable, string? kubernetesVariable, string kubernetesScope)
    {
        var token = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(token))
        {
            throw new CredentialUnavailableException($"Environment variable '{variable}' holds no token.");
        }

        var kubernetes = kubernetesVariable is null ? null : Environment.GetEnvironmentVariable(kubernetesVariable);
        return new EnvironmentTokenCredential(token.Trim(), string.IsNullOrWhiteSpace(kubernetes) ? null : kubernetes.Trim(), kubernetesScope);
    }

    /// <summary>True when a token for the AKS server application is available.</summary>
    public bool HasKubernetesToken => _kubernetesToken is not null;

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        var forKubernetes = requestContext.Scopes.Any(s => s.Equals(_kubernetesScope, StringComparison.OrdinalIgnoreCase));
        var token = forKubernetes
            ? _kubernetesToken ?? throw new CredentialUnavailableException("No token for the AKS server application was given (set the Kubernetes token environment variable).")
            : _armToken;
        return new AccessToken(token, DateTimeOffset.UtcNow.AddHours(1));
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}
