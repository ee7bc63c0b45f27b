using AksPosture.Cli.Commands;
using AksPosture.Engine.Collection;

namespace AksPosture.Cli.Assess;

/// <summary>
/// The live-Azure options of <c>assess</c>: <c>--all-subscriptions</c>, or <c>--subscription</c> /
/// <c>--management-group</c> (repeatable), with <c>--arm-endpoint</c>, <c>--token-env</c>,
/// <c>--kubernetes-token-env</c>, <c>--ca-certificate</c> and <c>--no-kubernetes</c>. They are taken out of the
/// arguments before the file options are parsed, because they repeat or take no value.
/// </summary>
internal sealed record LiveScope(FleetScope Scope, AzureConnectionOptions Connection, bool CollectKubernetes)
{
    private static readonly HashSet<string> Valued = ["--subscription", "--management-group", "--arm-endpoint", "--token-env", "--kubernetes-token-env", "--ca-certificate"];
    private static readonly HashSet<string> Flags = ["--all-subscriptions", "--no-kubernetes"];

    /// <summary>The live options, or null when none was given; <paramref name="rest"/> is everything else.</summary>
    public static LiveScope? Extract(IReadOnlyList<string> args, out List<string> rest)
    {
        rest = [];
        var values = new List<(string Name, string Value)>();
        var flags = new HashSet<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var (name, inline) = args[i].IndexOf('=') is var eq and > 0 ? (args[i][..eq], args[i][(eq + 1)..]) : (args[i], null);
            if (Flags.Contains(name))
            {
                flags.Add(name);
            }
            else if (Valued.Contains(name))
            {
                values.Add((name, inline ?? (i + 1 < args.Count ? args[++i] : throw new UsageException($"option '{name}' needs a value"))));
            }
            else
            {
                rest.Add(args[i]);
            }
        }

        var subscriptions = values.Where(v => v.Name == "--subscription").Select(v => v.Value).ToList();
        var groups = values.Where(v => v.Name == "--management-group").Select(v => v.Value).ToList();
        var all = flags.Contains("--all-subscriptions");
        if (!all && subscriptions.Count == 0 && groups.Count == 0)
        {
            return values.Count > 0 || flags.Count > 0
                ? throw new UsageException($"{string.Join(", ", values.Select(v => v.Name).Concat(flags).Distinct())} only apply with --all-subscriptions, --subscription or --management-group")
                : null;
        }

        if (all && (subscriptions.Count > 0 || groups.Count > 0))
        {
            throw new UsageException("--all-subscriptions cannot be combined with --subscription or --management-group");
        }

        return new LiveScope(new FleetScope(subscriptions, groups), ConnectionFrom(values.GroupBy(v => v.Name).ToDictionary(g => g.Key, g => g.Last().Value)), !flags.Contains("--no-kubernetes"));
    }

    private static AzureConnectionOptions ConnectionFrom(Dictionary<string, string> values)
    {
        var connection = new AzureConnectionOptions
        {
            TokenEnvironmentVariable = values.GetValueOrDefault("--token-env"),
            KubernetesTokenEnvironmentVariable = values.GetValueOrDefault("--kubernetes-token-env"),
            TrustedRootCertificateFile = values.GetValueOrDefault("--ca-certificate"),
        };
        if (values.GetValueOrDefault("--arm-endpoint") is { } endpoint)
        {
            if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
            {
                throw new UsageException($"--arm-endpoint must be an https URL, not '{endpoint}'");
            }

            // A sovereign cloud's token audience is its ARM endpoint (e.g. https://management.chinacloudapi.cn/.default).
            connection.ArmEndpoint = new Uri(uri.GetLeftPart(UriPartial.Authority) + "/");
            connection.TokenScope = $"{uri.GetLeftPart(UriPartial.Authority)}/.default";
        }

        if (connection.TrustedRootCertificateFile is { } file && !File.Exists(file))
        {
            throw new UsageException($"--ca-certificate {file}: no such file");
        }

        return connection;
    }
}
