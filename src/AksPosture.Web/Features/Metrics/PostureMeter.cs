using System.Diagnostics.Metrics;

namespace AksPosture.Web.Features.Metrics;

/// <summary>
/// The portal's posture gauges, read by OpenTelemetry on each scrape from the latest snapshot:
/// <c>aksposture_pillar_score{scope, scope_id, scope_name, pillar}</c> (pillar keys and <c>overall</c>) and
/// <c>aksposture_open_findings{scope, scope_id, scope_name, severity}</c>.
/// </summary>
public sealed class PostureMeter : IDisposable
{
    public const string Name = "AksPosture";

    private readonly Meter _meter;
    private PostureMetricsSnapshot _snapshot = PostureMetricsSnapshot.Empty;

    public PostureMeter(IMeterFactory meters)
    {
        _meter = meters.Create(Name);
        _meter.CreateObservableGauge(
            "aksposture_pillar_score", () => Measure(_snapshot.PillarScores, "pillar"),
            description: "Current score (0-100) of a pillar, or overall, for the fleet, a team or a subscription; absent when nothing was assessable.");
        _meter.CreateObservableGauge(
            "aksposture_open_findings", () => Measure(_snapshot.OpenFindings, "severity"),
            description: "Open findings (new, open or reopened) by severity for the fleet, a team or a subscription.");
    }

    public PostureMetricsSnapshot Snapshot => _snapshot;

    public void Publish(PostureMetricsSnapshot snapshot) => Interlocked.Exchange(ref _snapshot, snapshot);

    public void Dispose() => _meter.Dispose();

    private static IEnumerable<Measurement<double>> Measure(IReadOnlyList<MetricPoint> points, string keyLabel) =>
        points.Select(p => new Measurement<double>(
            p.Value,
            new KeyValuePair<string, object?>("scope", p.Scope),
            new KeyValuePair<string, object?>("scope_id", p.ScopeId),
            new KeyValuePair<string, object?>("scope_name", p.ScopeName),
            new KeyValuePair<string, object?>(keyLabel, p.Key)));
}
