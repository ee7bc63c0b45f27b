using AksPosture.Engine.Rules;
using AksPosture.Engine.Scoring;
using AksPosture.Web.Features.Exceptions;
using AksPosture.Web.Features.Governance;
using AksPosture.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static AksPosture.Web.Tests.Features.Governance.GovernanceData;

namespace AksPosture.Web.Tests.Features.Governance;

/// <summary>A namespace exception on the sample fleet, whose clusters carry Kubernetes objects and per-object results.</summary>
public sealed class NamespaceExceptionTests(SampleFleetPortalFixture portal) : IClassFixture<SampleFleetPortalFixture>
{
    [Fact]
    public async Task Approve_NamespaceCoveringEveryFailingObject_PassesTheWorkloadRuleInTheAdjustedScore()
    {
        await portal.SampleFleetLoadedAsync();
        var (clusterId, ruleId, ns, results) = await WorkloadDefectInOneNamespaceAsync();
        var service = portal.Service<ExceptionService>();
        var request = new ExceptionRequest(ruleId, "namespace", "falsePositive", "The namespace runs a vendor appliance the rule misreads.",
            portal.Factory.Time.GetUtcNow().AddDays(30).ToString("O"), clusterId.ToString(), ns);

        var requested = (await service.RequestAsync(Admin("ns-requester"), request, CancellationToken.None)).Value!;
        var approved = await service.ApproveAsync(Admin("ns-approver"), requested.Id, null, CancellationToken.None);
        var scores = await portal.Service<AdjustedScoreQueries>().ForClusterAsync(Admin(), clusterId, CancellationToken.None);

        Assert.Equal(($"namespace {ns} on", "active"), (approved.Value!.ScopeText[..($"namespace {ns} on".Length)], approved.Value.State));
        Assert.Equal(ScoreCalculator.Score(results.WithStatus(ruleId, RuleStatus.Pass)), scores.Adjusted, ScoresComparer.Instance);
        Assert.Equal(ScoreCalculator.Score(results), scores.Raw, ScoresComparer.Instance);
        Assert.NotEqual(scores.Raw, scores.Adjusted, ScoresComparer.Instance);
    }

    /// <summary>A workload rule failing on one cluster only on objects of one namespace, with a check no other rule shares there.</summary>
    private async Task<(Guid ClusterId, string RuleId, string Namespace, List<RuleResult> Results)> WorkloadDefectInOneNamespaceAsync()
    {
        await using var db = await portal.CreateDbAsync();
        var clusterIds = await db.Clusters.Where(c => c.LatestRunId != null).OrderBy(c => c.Name).Select(c => c.Id).ToListAsync();
        foreach (var clusterId in clusterIds)
        {
            var results = await portal.LatestResultsAsync(clusterId);
            foreach (var result in results.Where(r => !r.IsObjectResult && r.Status is RuleStatus.Fail or RuleStatus.Warn).OrderBy(r => r.RuleId, StringComparer.Ordinal))
            {
                var failing = results.Where(o => o.IsObjectResult && o.RuleId == result.RuleId && o.Status is RuleStatus.Fail or RuleStatus.Warn).ToList();
                var namespaces = failing.Select(o => o.ObjectKey.Split('/')).Select(k => k.Length == 3 ? k[0] : null).Distinct().ToList();
                var sharedCheck = results.Count(r => !r.IsObjectResult && r.CheckId == result.CheckId) > 1;
                if (failing.Count > 0 && namespaces is [{ } ns] && !sharedCheck)
                {
                    return (clusterId, result.RuleId, ns, results);
                }
            }
        }

        throw new InvalidOperationException("The sample fleet has no workload rule failing in a single namespace; the test needs one.");
    }
}
