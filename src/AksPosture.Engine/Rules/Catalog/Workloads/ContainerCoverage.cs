using System.Globalization;
using System.Text.Json.Nodes;
using AksPosture.Engine.Snapshots;

namespace AksPosture.Engine.Rules.Catalog.Workloads;

/// <summary>
/// How many user containers set a list of fields, with one finding per workload that leaves some unset.
/// Probes and resource limits are both judged this way.
/// </summary>
internal sealed record ContainerCoverage(int Covered, int Total, IReadOnlyList<ObjectFinding> Findings)
{
    public double Share => Total == 0 ? 1 : (double)Covered / Total;

    public bool Meets(double threshold) => Share >= threshold;

    public string Summary(string what) => $"{Covered} of {Total} user containers ({WorkloadFacts.Percent(Covered, Total)}) {what}";

    public static string Threshold(double threshold) => (threshold * 100).ToString("0.#", CultureInfo.InvariantCulture) + " %";

    public static ContainerCoverage Measure(Probe probe, KubernetesInventory inventory, bool includeInit, IReadOnlyList<string> fields, string notePath, string what)
    {
        var coverage = Of(probe.UserWorkloads(inventory), includeInit, fields);
        probe.Note(notePath, coverage.Summary(what));
        return coverage;
    }

    public static ContainerCoverage Of(IReadOnlyList<Workload> workloads, bool includeInit, IReadOnlyList<string> fields)
    {
        int covered = 0, total = 0;
        var findings = new List<ObjectFinding>();
        foreach (var workload in workloads)
        {
            List<(JsonObject Container, IReadOnlyList<string> Missing)>? gaps = null;
            foreach (var container in workload.Containers(includeInit))
            {
                total++;
                if (Missing(container, fields) is { } missing)
                {
                    (gaps ??= []).Add((container, missing));
                }
                else
                {
                    covered++;
                }
            }

            if (gaps is not null)
            {
                var message = string.Join("; ", gaps.Select(g => $"container '{workload.ContainerName(g.Container)}' lacks {string.Join(", ", g.Missing)}"));
                var evidence = gaps.SelectMany(g => g.Missing.Select(f => KubernetesProbe.ContainerEvidence(workload, g.Container, f))).ToArray();
                findings.Add(ObjectFinding.For(workload.Object, RuleStatus.Warn, RuleText.Sentence([message]), evidence));
            }
        }

        return new ContainerCoverage(covered, total, findings);
    }

    /// <summary>The fields the container leaves unset, or null when it sets them all (as most do).</summary>
    private static List<string>? Missing(JsonObject container, IReadOnlyList<string> fields)
    {
        List<string>? missing = null;
        foreach (var field in fields)
        {
            if (!Json.Present(Probe.Navigate(container, field)))
            {
                (missing ??= []).Add(field);
            }
        }

        return missing;
    }
}
