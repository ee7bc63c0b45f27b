namespace AksPosture.Engine.Rules.Catalog.Workloads;

/// <summary>Rules that read workloads for reliability, cost and performance (probes, limits, autoscalers, placement).</summary>
internal static class WorkloadRules
{
    public static IEnumerable<Rule> All() => [];
}
