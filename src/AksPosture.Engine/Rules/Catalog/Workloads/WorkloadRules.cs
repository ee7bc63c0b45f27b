namespace AksPosture.Engine.Rules.Catalog.Workloads;

/// <summary>Rules that read workloads for reliability, cost and performance (probes, limits, autoscalers, placement).</summary>
internal static class WorkloadRules
{
    public static IEnumerable<Rule> All() =>
        MonitoringRules.All()
            .Concat(ResourceLimits.All())
            .Concat(AutoscalingRules.All())
            .Concat(KedaRules.All())
            .Concat(
            [
                PodSchedulingRule.Rule,
                DedicatedPoolsRule.Rule,
                ComponentCostRule.Rule,
                Arm64Rule.Rule,
                VerticalAutoscalingRule.Rule,
                ReleaseStrategyRule.Rule,
                SpreadAndDisruptionRule.Rule,
            ]);
}
