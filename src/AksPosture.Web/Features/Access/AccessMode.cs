namespace AksPosture.Web.Features.Access;

/// <summary>
/// How people sign in: through Entra ID (the <c>AzureAd</c> section), or — only in Development without that section —
/// as the invented sample users. Any other environment without Entra ID refuses to start, so a portal holding real
/// posture data can never be left open by a missing setting.
/// </summary>
public sealed record AccessMode(bool IsSample)
{
    public const string EntraSectionName = "AzureAd";

    // Multi-tenant authorities would let any organisation's users in; teams map groups of one directory.
    private static readonly string[] SharedTenants = ["common", "organizations", "consumers"];

    public static string NotConfiguredMessage =>
        "AksPosture needs Entra ID sign-in outside Development and none is configured. Set AzureAd__Instance " +
        "(https://login.microsoftonline.com/), AzureAd__TenantId (the directory id), AzureAd__ClientId (the application id of " +
        "the app registration) and AzureAd__ClientSecret (or a certificate under AzureAd__ClientCredentials); the README's " +
        "'Sign-in and roles' section lists the steps. To try the portal without a tenant, run it with " +
        "ASPNETCORE_ENVIRONMENT=Development: it then opens in the sample mode with invented users.";

    /// <summary>Entra ID when configured; the sample mode in Development without it; otherwise an error saying what to set.</summary>
    public static AccessMode Resolve(IConfiguration configuration, IHostEnvironment environment)
    {
        var entra = configuration.GetSection(EntraSectionName);
        if (string.IsNullOrWhiteSpace(entra["ClientId"]))
        {
            return environment.IsDevelopment() ? new AccessMode(IsSample: true) : throw new InvalidOperationException(NotConfiguredMessage);
        }

        var problems = Problems(entra);
        return problems.Count == 0
            ? new AccessMode(IsSample: false)
            : throw new InvalidOperationException($"The AzureAd configuration is incomplete: {string.Join("; ", problems)}.");
    }

    private static List<string> Problems(IConfigurationSection entra)
    {
        var problems = new List<string>();
        if (!Uri.TryCreate(entra["Instance"], UriKind.Absolute, out var instance) || instance.Scheme != Uri.UriSchemeHttps)
        {
            problems.Add("set AzureAd__Instance to the sign-in authority, e.g. https://login.microsoftonline.com/");
        }

        var tenant = entra["TenantId"];
        if (string.IsNullOrWhiteSpace(tenant))
        {
            problems.Add("set AzureAd__TenantId to the directory (tenant) id of the app registration");
        }
        else if (SharedTenants.Contains(tenant.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            problems.Add($"AzureAd__TenantId is '{tenant}': use your own directory (tenant) id, since teams map that directory's groups");
        }

        if (string.IsNullOrWhiteSpace(entra["ClientSecret"]) && !HasClientCredentials(entra))
        {
            problems.Add("set AzureAd__ClientSecret, or a certificate under AzureAd__ClientCredentials, so the portal can redeem sign-in codes");
        }

        return problems;
    }

    /// <summary>Whether credentials other than a plain secret (certificates, managed identity) are configured.</summary>
    public static bool HasClientCredentials(IConfigurationSection entra) => entra.GetSection("ClientCredentials").GetChildren().Any();
}
