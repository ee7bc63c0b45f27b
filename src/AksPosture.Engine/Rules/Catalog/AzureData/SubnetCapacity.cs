using System.Globalization;
using System.Text.Json.Nodes;

namespace AksPosture.Engine.Rules.Catalog.AzureData;

/// <summary>
/// IP planning for Azure CNI with node-subnet pod IPs (no overlay, no pod subnet): every node takes one address and
/// pre-allocates one per pod, so a pool at its maximum plus upgrade surge needs (nodes + surge) × (maxPods + 1) addresses
/// of its node subnet. Azure keeps 5 addresses of every prefix for itself.
/// Subnet shape verified against Microsoft.Network 2024-05-01 SubnetGet.json (properties.addressPrefix).
/// </summary>
internal static class SubnetCapacity
{
    private const int AzureCniDefaultMaxPods = 30;
    private const int AzureReservedPerPrefix = 5;

    /// <summary>One node subnet: addresses the pools on it may need and addresses it has.</summary>
    public sealed record SubnetNeed(string SubnetId, IReadOnlyList<string> Pools, long Required, long Available)
    {
        public string Name => SubnetId[(SubnetId.LastIndexOf('/') + 1)..];
        public double Headroom => Available <= 0 ? 0 : (double)(Available - Required) / Available;
    }

    /// <summary>Whether the plan applies; when it does, the subnets or the missing-data verdict.</summary>
    public sealed record Plan(bool Applies, string Reason, IReadOnlyList<SubnetNeed> Subnets, Outcome? Missing);

    public static Plan Evaluate(Probe probe)
    {
        var plugin = probe.Text("properties.networkProfile.networkPlugin");
        var mode = probe.Text("properties.networkProfile.networkPluginMode");
        if (!string.Equals(plugin, "azure", StringComparison.OrdinalIgnoreCase) || string.Equals(mode, "overlay", StringComparison.OrdinalIgnoreCase))
        {
            return new(false, $"pods do not take node-subnet addresses (plugin {plugin ?? "unknown"}{(mode is null ? "" : $", mode {mode}")})", [], null);
        }

        var pools = probe.Pools().Where(p => p.Text("podSubnetID") is null && p.Text("vnetSubnetID") is not null).ToList();
        if (pools.Count == 0)
        {
            return new(false, "no pool takes pod addresses from a node subnet of its own VNet (pod subnets or an AKS-managed VNet)", [], null);
        }

        if (!probe.TryDataSet(DataSetNames.Subnets, out var data, out var missing))
        {
            return new(true, "", [], missing);
        }

        var subnets = AzureJson.Items(data);
        var needs = new List<SubnetNeed>();
        foreach (var group in pools.GroupBy(p => p.Text("vnetSubnetID")!.Trim('/'), StringComparer.OrdinalIgnoreCase))
        {
            var subnet = subnets.FirstOrDefault(s => AzureJson.SameId(AzureJson.Text(s, "id"), group.Key));
            if (subnet is null)
            {
                probe.Note($"azure.subnets[{group.Key}]", null);
                return new(true, "", [], Probe.NotApplicable($"Subnet '{group.Key}' of pool(s) {RuleText.List(group.Select(p => p.Name))} is not in the 'subnets' data set."));
            }

            var need = new SubnetNeed(group.Key, group.Select(p => p.Name).ToList(), group.Sum(p => Required(probe, p)), Size(subnet));
            probe.Note($"azure.subnets[{need.Name}]", $"{need.Required} address(es) needed at full scale, {need.Available} usable");
            needs.Add(need);
        }

        return new(true, "", needs, null);
    }

    private static long Required(Probe probe, AgentPool pool)
    {
        var nodes = (pool.Autoscaled ? pool.Int("maxCount") : null) ?? pool.Int("count") ?? 0;
        var maxPods = pool.Int("maxPods") ?? AzureCniDefaultMaxPods;
        return (long)(nodes + Surge(probe, pool, nodes)) * (maxPods + 1);
    }

    // maxSurge is a node count ("2") or a share of the pool ("33%"); AKS rounds a share up. Absent means one node.
    private static int Surge(Probe probe, AgentPool pool, int nodes)
    {
        var surge = probe.NestedText(pool, "upgradeSettings.maxSurge");
        if (surge is null)
        {
            return 1;
        }

        if (surge.EndsWith('%') && double.TryParse(surge[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var share))
        {
            return (int)Math.Ceiling(nodes * share / 100);
        }

        return int.TryParse(surge, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count)
            ? count
            : throw new UnreadableValueException($"properties.agentPoolProfiles[{pool.Name}].upgradeSettings.maxSurge", "expected a node count or a percentage");
    }

    private static long Size(JsonObject subnet)
    {
        var prefixes = AzureJson.TextList(subnet, "properties.addressPrefixes").ToList();
        if (AzureJson.Text(subnet, "properties.addressPrefix") is { } single)
        {
            prefixes.Add(single);
        }

        return prefixes.Distinct(StringComparer.OrdinalIgnoreCase)
            .Where(p => !p.Contains(':'))
            .Select(p => int.TryParse(p[(p.IndexOf('/') + 1)..], NumberStyles.Integer, CultureInfo.InvariantCulture, out var length) && length is >= 0 and <= 32
                ? (1L << (32 - length)) - AzureReservedPerPrefix
                : throw new UnreadableValueException("properties.addressPrefix", $"'{p}' is not an IPv4 CIDR"))
            .Sum();
    }
}
