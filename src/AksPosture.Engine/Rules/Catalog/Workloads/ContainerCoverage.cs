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
        int covered = 0, total = 0;
        var findings = new List<ObjectFinding>();
        foreach (var workload in probe.UserWorkloads(inventory))
        {
            var gaps = new List<(JsonObject Container, IReadOnlyList<string> Missing)>();
            foreach (var container in workload.Containers(includeInit))
            {
                total++;
                var missing = fields.Where(f => !Json.Present(Probe.Navigate(container, f))).ToList();
                if (missing.Count == 0)
                {
                    covered++;
                }
                else
                {
                    gaps.Add((container, missing));
                }
            }

            if (gaps.Count > 0)
            {
                var message = string.Join("; ", gaps.Select(g => $"container '{KubernetesFacts.ContainerName(g.Container)}' lacks {string.Join(", ", g.Missing)}"));
                var evidence = gaps.SelectMany(g => g.Missing.Select(f => KubernetesProbe.ContainerEvidence(workload, g.Container, f))).ToArray();
                findings.Add(ObjectFinding.For(workload.Object, RuleStatus.Warn, RuleText.Sentence([message]), evidence));
            }
        }

        var coverage = new ContainerCoverage(covered, total, findings);
        probe.Note(notePath, coverage.Summary(what));
        return coverage;
    }
}
