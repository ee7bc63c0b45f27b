using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;
using AksPosture.Engine.Collection;
using Microsoft.Extensions.Options;

namespace AksPosture.Web.Features.Collection;

/// <summary>
/// What the portal reads from live Azure: section <c>Azure</c>, the same section that holds the connection settings
/// (<see cref="AzureConnectionOptions"/>: tenant, ARM endpoint, token scope, authority, retries). Without a
/// <see cref="Scope"/> the portal does not call Azure and runs re-assess stored snapshots.
/// </summary>
public sealed class LiveAzureOptions
{
    public const string SectionName = AzureConnectionOptions.SectionName;

    public const string ScopeGrammar = "'all', 'subscription:<GUID>[,<GUID>…]' or 'management-group:<id>[,<id>…]'";

    /// <summary>The clusters the portal reads: every subscription the identity sees, some subscriptions, or management groups.</summary>
    public string? Scope { get; set; }

    /// <summary>Read each cluster's Kubernetes objects (needs network reach to the API servers and the in-cluster read role).</summary>
    public bool CollectKubernetes { get; set; } = true;

    /// <summary>Clusters whose Azure data is read at once.</summary>
    [Range(1, 1024)]
    public int MaxConcurrency { get; set; } = 64;

    /// <summary>Clusters whose Kubernetes objects are read at once.</summary>
    [Range(1, 256)]
    public int KubernetesConcurrency { get; set; } = 8;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Scope);

    public static bool IsConfiguredIn(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[$"{SectionName}:{nameof(Scope)}"]);

    /// <summary>The configured scope as Resource Graph takes it (a method, not a property: validation reads every property).</summary>
    public FleetScope ToFleetScope() => TryParseScope(Scope, out var scope) ? scope : throw new InvalidOperationException($"Azure:Scope '{Scope}' is not valid.");

    public static bool TryParseScope(string? text, [NotNullWhen(true)] out FleetScope? scope)
    {
        scope = null;
        text = text?.Trim();
        if (string.Equals(text, "all", StringComparison.OrdinalIgnoreCase))
        {
            scope = FleetScope.AllSubscriptions;
            return true;
        }

        var colon = text?.IndexOf(':') ?? -1;
        if (colon < 0)
        {
            return false;
        }

        var kind = text![..colon].Trim();
        var ids = text[(colon + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (ids.Length == 0)
        {
            return false;
        }

        if (kind.Equals("subscription", StringComparison.OrdinalIgnoreCase))
        {
            scope = ids.All(id => Guid.TryParse(id, out _)) ? FleetScope.OfSubscriptions(ids.Select(id => Guid.Parse(id).ToString("D")).Distinct()) : null;
        }
        else if (kind.Equals("management-group", StringComparison.OrdinalIgnoreCase))
        {
            scope = FleetScope.OfManagementGroups(ids.Distinct(StringComparer.OrdinalIgnoreCase));
        }

        return scope is not null;
    }
}

/// <summary>Refuses to start with Azure settings that cannot work, saying which setting to fix.</summary>
public sealed class LiveAzureOptionsValidator(IOptions<AzureConnectionOptions> connection) : IValidateOptions<LiveAzureOptions>
{
    public ValidateOptionsResult Validate(string? name, LiveAzureOptions options)
    {
        if (!options.IsConfigured)
        {
            return ValidateOptionsResult.Success;
        }

        var errors = new List<string>();
        if (!LiveAzureOptions.TryParseScope(options.Scope, out _))
        {
            errors.Add($"Azure:Scope '{options.Scope}' is not a scope: use {LiveAzureOptions.ScopeGrammar}.");
        }

        var settings = connection.Value;
        if (!settings.ArmEndpoint.IsAbsoluteUri || settings.ArmEndpoint.Scheme != Uri.UriSchemeHttps)
        {
            errors.Add($"Azure:ArmEndpoint must be an https URL, not '{settings.ArmEndpoint}': bearer tokens are never sent in clear.");
        }

        if (settings.TrustedRootCertificateFile is { } file && !File.Exists(file))
        {
            errors.Add($"Azure:TrustedRootCertificateFile {file}: no such file.");
        }

        if (settings.TokenEnvironmentVariable is { } variable && string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(variable)))
        {
            errors.Add($"Azure:TokenEnvironmentVariable names '{variable}', which holds no token; set it or remove the setting to use DefaultAzureCredential.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
