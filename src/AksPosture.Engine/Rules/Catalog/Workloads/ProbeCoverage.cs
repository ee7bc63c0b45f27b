using static AksPosture.Engine.Rules.Probe;

namespace AksPosture.Engine.Rules.Catalog.Workloads;

/// <summary>
/// Readiness and liveness probes on user containers: the probe part of AKS-REL-02 and the whole of AKS-POL-01,
/// one check ("probes") so a missing probe counts once.
/// </summary>
internal static class ProbeCoverage
{
    public const string CheckId = "probes";
    public const string What = "have readiness and liveness probes";

    // Both probes, as the built-in policy b1a9997f requires by default; init containers cannot carry them.
    private static readonly string[] Fields = ["readinessProbe", "livenessProbe"];

    /// <summary>AKS-REL-02 and AKS-POL-01 both measure the coverage; the snapshot keeps the first measurement.</summary>
    private static ContainerCoverage Measure(Probe probe)
    {
        var coverage = probe.Snapshot.Reads.Fact(CheckId, probe.Settings,
            static (snapshot, settings) => ContainerCoverage.Of(snapshot.Kubernetes!.UserWorkloads(settings.SystemNamespaces), includeInit: false, Fields));
        probe.Note("kubernetes.containers", coverage.Summary(What));
        return coverage;
    }

    /// <summary>Adds the probe part to a verdict: WARN below the coverage threshold, missing data when not collected.</summary>
    public static ContainerCoverage? AddTo(Verdict verdict, Probe probe)
    {
        var inventory = probe.Kubernetes();
        if (inventory is null)
        {
            verdict.Missing(probe.WithoutKubernetes("Probe coverage"));
            return null;
        }

        var coverage = Measure(probe);
        verdict.Objects(coverage.Findings);
        if (!coverage.Meets(probe.Settings.CoverageThreshold))
        {
            verdict.Warn($"only {coverage.Summary(What)}; at least {ContainerCoverage.Threshold(probe.Settings.CoverageThreshold)} should");
        }

        return coverage;
    }

    /// <summary>AKS-POL-01's verdict, which is exactly the probe part of AKS-REL-02.</summary>
    public static Outcome Evaluate(Probe probe)
    {
        var verdict = new Verdict();
        var coverage = AddTo(verdict, probe);
        return verdict.Decide(() => coverage!.Total == 0
            ? NotApplicable("There are no containers in user namespaces to probe.")
            : Pass(RuleText.Sentence([coverage.Summary(What)])));
    }
}
