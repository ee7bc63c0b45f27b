namespace AksPosture.Web.Tests.Features.Metrics;

/// <summary>
/// Metrics tests run alone, after the parallel tests: OpenTelemetry listens to every meter of the portal's name in the
/// process, so a scrape taken while other test portals are alive would mix in their gauges. A deployed portal is one
/// host per process and sees only its own.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection
{
    public const string Name = "Metrics";
}
