namespace AksPosture.Web.Tests.Infrastructure;

/// <summary>Cluster documents copied to the test output (Fixtures/).</summary>
public static class Fixtures
{
    /// <summary>An ARM GET of a mostly compliant production cluster (shared/fixtures).</summary>
    public const string MostlyCompliant = "managedcluster-mostly-compliant.json";

    /// <summary>An <c>az aks show</c> object (properties flattened, keys sorted) of a weaker test cluster in another subscription.</summary>
    public const string AzCliFlattened = "az-aks-show-flattened.json";

    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static string Read(string name) => File.ReadAllText(PathOf(name));
}
