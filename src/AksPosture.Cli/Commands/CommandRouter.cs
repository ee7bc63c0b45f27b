using System.Reflection;
using AksPosture.Cli.Assess;
using AksPosture.Cli.Catalog;

namespace AksPosture.Cli.Commands;

internal static class CommandRouter
{
    public const string Usage = """
        Usage:
          aksposture assess <file-or-folder>... [--kubernetes <objects.json>] [--context <context.json>]
                            [--format json|table] [--fail-under <0-100>] [--output <file>]
          aksposture assess --all-subscriptions | --subscription <id>... | --management-group <id>...
                            [--arm-endpoint <url>] [--token-env <VAR>] [--kubernetes-token-env <VAR>]
                            [--ca-certificate <pem>] [--no-kubernetes] [--context …] [--format …] [--fail-under …] [--output …]
          aksposture rules list [--format table|json|markdown]
          aksposture --version

        assess      Reads clusters from ARM GET responses, `az aks show` / `az aks list` output or Azure Resource
                    Graph results (one object, an array, an ARM list or a Resource Graph response per file;
                    folders contribute their *.json files) and judges them against the Well-Architected rules.
          --kubernetes  `kubectl get … -A -o json` output for the one cluster given (in a folder, NAME.k8s.json
                        pairs with NAME.json by itself).
          --all-subscriptions, --subscription, --management-group
                        Read the clusters from live Azure instead (Resource Graph, ARM, Monitor and each cluster's
                        Kubernetes API; read-only, see docs/permissions.md). Progress goes to stderr.
          --arm-endpoint  ARM endpoint of a sovereign cloud (default https://management.azure.com).
          --token-env     Environment variable holding an ARM bearer token (else DefaultAzureCredential);
                          --kubernetes-token-env holds one for the AKS server app (Entra-enabled clusters).
          --ca-certificate  Extra root certificate (PEM) to trust, e.g. a TLS-inspecting proxy.
          --no-kubernetes   Do not read Kubernetes objects (workload rules are then NA).
          --context     What clusters are for (production, critical, regulated …) and settings; see docs/rules.md.
          --format      json (default) or table.
          --fail-under  Exit with code 2 when any cluster's overall score is below this number.
          --output      Write the report to a file instead of standard output.
        rules list  Lists the rule catalog; markdown is the docs/rules.md reference.

        Exit codes: 0 done; 1 unreadable input or wrong arguments; 2 a cluster scored below --fail-under.
        """;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            return args switch
            {
                [] or ["--help" or "-h" or "help", ..] => Help(stdout),
                ["--version"] => Version(stdout),
                ["assess", .. var rest] => AssessCommand.Run(rest, stdout, stderr),
                ["rules", "list", .. var rest] => RulesCommand.Run(rest, stdout),
                ["rules", ..] => throw new UsageException("'rules' needs a subcommand: rules list"),
                [var unknown, ..] => throw new UsageException($"unknown command '{unknown}'"),
            };
        }
        catch (UsageException ex)
        {
            stderr.WriteLine($"aksposture: {ex.Message}");
            stderr.WriteLine("Run 'aksposture --help' for usage.");
            return ExitCodes.UnreadableInput;
        }
    }

    private static int Help(TextWriter stdout)
    {
        stdout.WriteLine(Usage);
        return ExitCodes.Done;
    }

    private static int Version(TextWriter stdout)
    {
        var version = typeof(CommandRouter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        stdout.WriteLine($"aksposture {version} (rule set {Engine.Rules.RuleCatalog.Version}, scoring {Engine.Scoring.ScoringModel.Version})");
        return ExitCodes.Done;
    }
}
