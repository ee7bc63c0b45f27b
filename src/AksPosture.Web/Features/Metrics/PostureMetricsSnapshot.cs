namespace AksPosture.Web.Features.Metrics;

/// <summary>One labelled value: a pillar score or a count of open findings of one scope.</summary>
public sealed record MetricPoint(string Scope, string ScopeId, string ScopeName, string Key, double Value);

/// <summary>The figures the gauges report, replaced whole on each refresh so a scrape sees one consistent set.</summary>
public sealed record PostureMetricsSnapshot(IReadOnlyList<MetricPoint> PillarScores, IReadOnlyList<MetricPoint> OpenFindings, DateTimeOffset? TakenAt)
{
    public static PostureMetricsSnapshot Empty { get; } = new([], [], null);
}
