using AksPosture.Engine.Rules;
using AksPosture.Engine.Scoring;
using AksPosture.Web.Features.Access;
using AksPosture.Web.Features.Exceptions;
using AksPosture.Web.Features.Governance;
using AksPosture.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static AksPosture.Web.Tests.Features.Governance.GovernanceData;

namespace AksPosture.Web.Tests.Features.Governance;

/// <summary>Exceptions through the service: validation, the second person, the adjusted score, expiry and audit.</summary>
public sealed class ExceptionServiceTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private readonly string _subscription = RunDriver.NewSubscription();
    private readonly string _group = Guid.NewGuid().ToString();

    private ExceptionService Exceptions => portal.Service<ExceptionService>();

    private DateTimeOffset Now => portal.Factory.Time.GetUtcNow();

    private PortalUser Requester => User("requester-" + _group, PortalRoles.Contributor, _group);

    private PortalUser Approver => User("approver-" + _group, PortalRoles.Approver, _group);

    [Fact]
    public async Task Request_EmptyBody_SaysWhatEachFieldNeeds()
    {
        var result = await Exceptions.RequestAsync(Requester, new ExceptionRequest(null, null, null, null, null), CancellationToken.None);

        var problem = Assert.IsType<GovernanceProblem>(result.Problem);
        Assert.Equal(ProblemKind.Invalid, problem.Kind);
        Assert.Equal(["category", "expiresAt", "justification", "ruleId", "scope"], problem.Errors!.Keys.Order());
        Assert.Contains("mitigated, riskAccepted, falsePositive", problem.Errors["category"][0], StringComparison.Ordinal);
        Assert.Contains("rule, tag, cluster, namespace, object", problem.Errors["scope"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_PastExpiryUnknownRuleAndBadTag_AreRefusedWithTheFix()
    {
        var request = new ExceptionRequest("AKS-NOPE-99", "tag", "mitigated", "Covered by the WAF.", Now.AddHours(-1).ToString("O"), Tag: "team");

        var problem = (await Exceptions.RequestAsync(Requester, request, CancellationToken.None)).Problem!;

        Assert.Contains("'AKS-NOPE-99' is not a rule of the catalog", problem.Errors!["ruleId"][0], StringComparison.Ordinal);
        Assert.Contains("is not in the future", problem.Errors["expiresAt"][0], StringComparison.Ordinal);
        Assert.Contains("must be key=value", problem.Errors["tag"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_ExpiryBeyondTheMaximum_NamesTheLatestAllowedDate()
    {
        var clusterId = await portal.ImportClusterAsync(_subscription, "aks-exc-max");
        var maxDays = portal.Service<Microsoft.Extensions.Options.IOptions<GovernanceOptions>>().Value.ExceptionMaxDays;

        var problem = (await Exceptions.RequestAsync(Admin(), ForCluster(clusterId, "AKS-SEC-10", "mitigated", Now.AddDays(maxDays + 1)), CancellationToken.None)).Problem!;

        Assert.Equal($"'expiresAt' ({Now.AddDays(maxDays + 1):yyyy-MM-dd}) is more than {maxDays} days away; the latest allowed is {Now.AddDays(maxDays):yyyy-MM-dd}.", problem.Errors!["expiresAt"][0]);
    }

    [Fact]
    public async Task Request_ClusterOutsideTheRequestersTeams_IsNotFoundAmongTheirClusters()
    {
        var clusterId = await portal.ImportClusterAsync(_subscription, "aks-exc-hidden");
        var outsider = User("outsider", PortalRoles.Contributor, "another-group");

        var problem = (await Exceptions.RequestAsync(outsider, ForCluster(clusterId, "AKS-SEC-10", "mitigated", Now.AddDays(30)), CancellationToken.None)).Problem!;

        Assert.Contains("among the clusters of your teams", problem.Errors!["clusterId"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approve_ByTheRequester_IsRefusedAndTheRequestStaysPending()
    {
        var (clusterId, ruleId) = await FailingClusterAsync("aks-exc-self");
        var approverWhoRequests = User("self-approver", PortalRoles.Approver, _group);
        var requested = (await Exceptions.RequestAsync(approverWhoRequests, ForCluster(clusterId, ruleId, "mitigated", Now.AddDays(30)), CancellationToken.None)).Value!;

        var approve = await Exceptions.ApproveAsync(approverWhoRequests, requested.Id, null, CancellationToken.None);
        var reject = await Exceptions.RejectAsync(approverWhoRequests, requested.Id, null, CancellationToken.None);

        Assert.Equal(ProblemKind.Forbidden, approve.Problem!.Kind);
        Assert.Contains("You requested this exception, so you cannot approve it", approve.Problem.Detail, StringComparison.Ordinal);
        Assert.Equal(ProblemKind.Forbidden, reject.Problem!.Kind);
        Assert.Equal("pending", await StateAsync(requested.Id));
    }

    [Fact]
    public async Task Approve_Mitigated_ChangesTheAdjustedScoreAsTheEngineScoresAPassButNotTheRawScore()
    {
        var (clusterId, ruleId) = await FailingClusterAsync("aks-exc-mitigated");
        var results = await portal.LatestResultsAsync(clusterId);
        var before = await ScoresAsync(clusterId);

        await RequestAndApproveAsync(ForCluster(clusterId, ruleId, "mitigated", Now.AddDays(30)));
        var after = await ScoresAsync(clusterId);

        var expected = ScoreCalculator.Score(results.WithStatus(ruleId, RuleStatus.Pass));
        Assert.Equal(before.Raw, after.Raw, ScoresComparer.Instance);
        Assert.Equal(ScoreCalculator.Score(results), after.Raw, ScoresComparer.Instance);
        Assert.Equal(expected, after.Adjusted, ScoresComparer.Instance);
        Assert.NotEqual(after.Raw.Overall, after.Adjusted.Overall);
        Assert.Equal((1, 1, 0), (after.ClustersAdjusted, after.Excepted, after.Attested));
    }

    [Fact]
    public async Task Approve_RiskAccepted_LeavesTheResultOutOfTheAdjustedScoreLikeNa()
    {
        // A pillar with another defect, so that passing the result and leaving it out score differently.
        var (clusterId, ruleId) = await FailingClusterAsync("aks-exc-risk", besideAnotherDefect: true);
        var results = await portal.LatestResultsAsync(clusterId);

        await RequestAndApproveAsync(ForCluster(clusterId, ruleId, "riskAccepted", Now.AddDays(30)));
        var after = await ScoresAsync(clusterId);

        var outOfScore = ScoreCalculator.Score(results.WithStatus(ruleId, RuleStatus.NotApplicable));
        var asPass = ScoreCalculator.Score(results.WithStatus(ruleId, RuleStatus.Pass));
        Assert.Equal(outOfScore, after.Adjusted, ScoresComparer.Instance);
        Assert.NotEqual(asPass.Overall, after.Adjusted.Overall);
        Assert.Equal(ScoreCalculator.Score(results), after.Raw, ScoresComparer.Instance);
    }

    [Fact]
    public async Task Expiry_TimePassesAndTheJobRuns_LapsesTheExceptionAndRestoresTheRawScore()
    {
        var (clusterId, ruleId) = await FailingClusterAsync("aks-exc-expiry");
        var approved = await RequestAndApproveAsync(ForCluster(clusterId, ruleId, "falsePositive", Now.AddDays(2)));
        Assert.NotEqual((await ScoresAsync(clusterId)).Raw.Overall, (await ScoresAsync(clusterId)).Adjusted.Overall);

        portal.Factory.Time.Advance(TimeSpan.FromDays(2) + TimeSpan.FromMinutes(1));
        var beforeTheJob = await ScoresAsync(clusterId);
        var outcome = await portal.Service<ExpiryJob>().LapseAsync(CancellationToken.None);
        var afterTheJob = await ScoresAsync(clusterId);

        Assert.Equal(beforeTheJob.Raw, beforeTheJob.Adjusted, ScoresComparer.Instance);
        Assert.Equal(afterTheJob.Raw, afterTheJob.Adjusted, ScoresComparer.Instance);
        Assert.True(outcome.Exceptions >= 1 && outcome.ClustersRecomputed >= 1, $"{outcome}");
        Assert.Equal("expired", await StateAsync(approved.Id));
        await using var db = await portal.CreateDbAsync();
        Assert.Empty(await db.AdjustedScoreRollups.Where(r => r.ClusterId == clusterId).ToListAsync());
        var lapse = await db.AuditLog.SingleAsync(a => a.EntityId == approved.Id.ToString() && a.Action == "exception.expire");
        Assert.Equal(("system", """{"status": "approved"}"""), (lapse.ActorId, lapse.Before));
    }

    [Fact]
    public async Task Revoke_ActiveByTheRequester_RestoresTheRawScore_ButNotByAnotherContributor()
    {
        var (clusterId, ruleId) = await FailingClusterAsync("aks-exc-revoke");
        var approved = await RequestAndApproveAsync(ForCluster(clusterId, ruleId, "mitigated", Now.AddDays(30)));

        var byOther = await Exceptions.RevokeAsync(User("other", PortalRoles.Contributor, _group), approved.Id, "not mine", CancellationToken.None);
        var byRequester = await Exceptions.RevokeAsync(Requester, approved.Id, "The control was removed.", CancellationToken.None);

        Assert.Equal(ProblemKind.Forbidden, byOther.Problem!.Kind);
        Assert.Equal(("revoked", "The control was removed."), (byRequester.Value!.State, byRequester.Value.RevokeReason));
        var scores = await ScoresAsync(clusterId);
        Assert.Equal(scores.Raw, scores.Adjusted, ScoresComparer.Instance);
        var again = await Exceptions.RevokeAsync(Requester, approved.Id, null, CancellationToken.None);
        Assert.Equal(ProblemKind.Conflict, again.Problem!.Kind);
    }

    [Fact]
    public async Task RequestAndApprove_AreAuditedWithBeforeAndAfter()
    {
        var (clusterId, ruleId) = await FailingClusterAsync("aks-exc-audit");

        var approved = await RequestAndApproveAsync(ForCluster(clusterId, ruleId, "mitigated", Now.AddDays(30)));

        await using var db = await portal.CreateDbAsync();
        var entries = await db.AuditLog.Where(a => a.EntityType == "exception" && a.EntityId == approved.Id.ToString()).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(["exception.request", "exception.approve"], entries.Select(e => e.Action));
        Assert.Equal((Requester.Id, (string?)null), (entries[0].ActorId, entries[0].Before));
        Assert.Contains($"\"ruleId\": \"{ruleId}\"", entries[0].After, StringComparison.Ordinal);
        Assert.Equal((Approver.Id, """{"status": "pending"}"""), (entries[1].ActorId, entries[1].Before));
        Assert.Contains("\"status\": \"approved\"", entries[1].After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewRun_AfterApproval_KeepsTheAdjustmentOnTheNewRunsResults()
    {
        var (clusterId, ruleId) = await FailingClusterAsync("aks-exc-rerun");
        await RequestAndApproveAsync(ForCluster(clusterId, ruleId, "mitigated", Now.AddDays(30)));

        var run = await portal.RunToEndAsync($"subscription:{_subscription}");

        await using var db = await portal.CreateDbAsync();
        var rows = await db.AdjustedScoreRollups.Where(r => r.ClusterId == clusterId).ToListAsync();
        Assert.Equal(6, rows.Count);
        Assert.All(rows, r => Assert.Equal(run.Id, r.RunId));
        var scores = await ScoresAsync(clusterId);
        Assert.Equal(ScoreCalculator.Score((await portal.LatestResultsAsync(clusterId)).WithStatus(ruleId, RuleStatus.Pass)), scores.Adjusted, ScoresComparer.Instance);
    }

    [Fact]
    public async Task List_OtherTeamsClusterExceptions_AreHiddenButFleetWideOnesAreShown()
    {
        var (clusterId, ruleId) = await FailingClusterAsync("aks-exc-list");
        var onCluster = (await Exceptions.RequestAsync(Requester, ForCluster(clusterId, ruleId, "mitigated", Now.AddDays(30)), CancellationToken.None)).Value!;
        var fleetWide = (await Exceptions.RequestAsync(Requester, new ExceptionRequest(ruleId, "rule", "riskAccepted", "Accepted by the CISO for this quarter.", Now.AddDays(10).ToString("O")), CancellationToken.None)).Value!;
        var outsider = User("outsider-reader", PortalRoles.Reader, "another-group");
        var queries = portal.Service<ExceptionQueries>();

        var seenByTeam = await queries.ListAsync(Approver, new ExceptionFilter(ExceptionListState.Pending), 1, 500, CancellationToken.None);
        var seenByOutsider = await queries.ListAsync(outsider, new ExceptionFilter(ExceptionListState.Pending), 1, 500, CancellationToken.None);

        Assert.Contains(seenByTeam.Items, e => e.Id == onCluster.Id);
        Assert.Contains(seenByTeam.Items, e => e.Id == fleetWide.Id && e.ScopeText == "every cluster");
        Assert.DoesNotContain(seenByOutsider.Items, e => e.Id == onCluster.Id);
        Assert.Contains(seenByOutsider.Items, e => e.Id == fleetWide.Id);
        Assert.Null(await queries.GetAsync(outsider, onCluster.Id, CancellationToken.None));
        Assert.Equal(ProblemKind.NotFound, (await Exceptions.ApproveAsync(User("outside-approver", PortalRoles.Approver, "another-group"), onCluster.Id, null, CancellationToken.None)).Problem!.Kind);
        await Exceptions.RevokeAsync(Requester, fleetWide.Id, "withdrawn", CancellationToken.None);
    }

    private async Task<(Guid ClusterId, string RuleId)> FailingClusterAsync(string name, bool besideAnotherDefect = false)
    {
        await portal.AddTeamAsync(_subscription, _group);
        var clusterId = await portal.ImportClusterAsync(_subscription, name);
        var results = await portal.LatestResultsAsync(clusterId);
        var failing = results.Where(r => !r.IsObjectResult && r.Status == RuleStatus.Fail)
            .Where(r => !besideAnotherDefect || results.Any(o => o.Pillar == r.Pillar && o.RuleId != r.RuleId && o.Status is RuleStatus.Fail or RuleStatus.Warn));
        return (clusterId, failing.Select(r => r.RuleId).Order(StringComparer.Ordinal).First());
    }

    private async Task<ExceptionView> RequestAndApproveAsync(ExceptionRequest request)
    {
        var requested = await Exceptions.RequestAsync(Requester, request, CancellationToken.None);
        Assert.Null(requested.Problem);
        var approved = await Exceptions.ApproveAsync(Approver, requested.Value!.Id, "Reviewed.", CancellationToken.None);
        Assert.Null(approved.Problem);
        return approved.Value!;
    }

    private async Task<AdjustedScores> ScoresAsync(Guid clusterId) =>
        await portal.Service<AdjustedScoreQueries>().ForClusterAsync(Admin(), clusterId, CancellationToken.None);

    private async Task<string> StateAsync(Guid id) =>
        (await portal.Service<ExceptionQueries>().GetAsync(Admin(), id, CancellationToken.None))!.State;
}
