using AksPosture.Cli.Commands;

namespace AksPosture.Cli.Tests;

/// <summary>Runs the CLI in-process and captures what it prints.</summary>
internal sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    public static CliRun Of(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exitCode = CommandRouter.Run(args, stdout, stderr);
        return new CliRun(exitCode, stdout.ToString(), stderr.ToString());
    }
}

/// <summary>A temporary folder of input files, deleted afterwards.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("aksposture-cli-").FullName;

    public string Write(string name, string content)
    {
        var file = System.IO.Path.Combine(Path, name);
        File.WriteAllText(file, content);
        return file;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}

internal static class Samples
{
    public static string Compliant => File.ReadAllText(System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", "managedcluster-mostly-compliant.json"));

    /// <summary>A neglected cluster in az CLI shape: properties flattened beside the envelope.</summary>
    public const string NeglectedAzCli = """
        {
          "id": "/subscriptions/9b1d3c5e-7f00-4a2b-8c4d-6e8f0a1b2c3d/resourcegroups/rg-dev/providers/Microsoft.ContainerService/managedClusters/aks-dev",
          "name": "aks-dev",
          "type": "Microsoft.ContainerService/ManagedClusters",
          "location": "westeurope",
          "resourceGroup": "rg-dev",
          "tags": { "environment": "dev" },
          "sku": { "name": "Base", "tier": "Free" },
          "kubernetesVersion": "1.29.4",
          "enableRbac": true,
          "servicePrincipalProfile": { "clientId": "1b2c3d4e-0000-4000-8000-000000000001" },
          "networkProfile": { "networkPlugin": "kubenet" },
          "agentPoolProfiles": [ { "name": "nodepool1", "mode": "System", "count": 1, "vmSize": "Standard_B2s" } ]
        }
        """;
}
