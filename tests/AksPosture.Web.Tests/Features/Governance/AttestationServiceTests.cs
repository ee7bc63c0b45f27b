using AksPosture.Engine.Rules;
using AksPosture.Engine.Scoring;
using AksPosture.Web.Features.Access;
using AksPosture.Web.Features.Attestations;
using AksPosture.Web.Features.Governance;
using AksPosture.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static AksPosture.Web.Tests.Features.Governance.GovernanceData;

namespace AksPosture.Web.Tests.Features.Governance;

/// <summary>Attestations of MANUAL results: validation, the score until expiry, replacement, revocation and audit.</summary>
public sealed class AttestationServiceTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private readonly string _subscription = RunDriver.NewSubscription();
    private readonly string _group = Guid.NewGuid().ToString();

    private AttestationService Attestations => portal.Service<AttestationService>();

    private DateTimeOffset Now => portal.Factory.Time.GetUtcNow();

    private PortalUser Contributor => User("contributor-" + _group, PortalRoles.Contributor, _group);

    [Fact]
    public async Task Record_AttestedPass_CountsAsPassUntilItExpires()
    {
        var (clusterId, ruleId, results) = await ManualClusterAsync("aks-att-pass");

        var recorded = await Attestations.RecordAsync(Contributor, Request(clusterId, ruleId, "pass", Now.AddDays(5)), CancellationToken.None);
        var attested = await ScoresAsync(clusterId);
        portal.Factory.Time.Advance(TimeSpan.FromDays(5) + TimeSpan.FromSeconds(1));
        var expiredBeforeTheJob = await ScoresAsync(clusterId);
        await portal.Service<ExpiryJob>().LapseAsync(CancellationToken.None);
        var expired = await ScoresAsync(clusterId);

        Assert.Equal("active", recorded.Value!.State);
        Assert.Equal(ScoreCalculator.Score(results.WithStatus(ruleId, RuleStatus.Pass)), attested.Adjusted, ScoresComparer.Instance);
        Assert.NotEqual(attested.Raw, attested.Adjusted, ScoresComparer.Instance);
        Assert.Equal(ScoreCalculator.Score(results), attested.Raw, ScoresComparer.Instance);
        Assert.Equal(1, attested.Attested);
        Assert.Equal(expiredBeforeTheJob.Raw, expiredBeforeTheJob.Adjusted, ScoresComparer.Instance);
        Assert.Equal(expired.Raw, expired.Adjusted, ScoresComparer.Instance);
        var view = await portal.Service<AttestationQueries>().GetAsync(Contributor, recorded.Value.Id, CancellationToken.None);
        Assert.Equal("expired", view!.State);
    }

    [Fact]
    public async Task Record_ResultThatIsNotManual_IsRefusedPointingToExceptions()
    {
        var (clusterId, _, results) = await ManualClusterAsync("aks-att-fail");
        var failing = results.FirstRule(RuleStatus.Fail);

        var problem = (await Attestations.RecordAsync(Contributor, Request(clusterId, failing, "pass", Now.AddDays(5)), CancellationToken.None)).Problem!;

        Assert.Equal($"{failing} is FAIL on aks-att-fail, not MANUAL: only MANUAL results are attested; for a failing result, request an exception.", problem.Errors!["ruleId"][0]);
    }

    [Fact]
    public async Task Record_MissingEvidenceOwnerAndBadResult_SaysWhatEachNeeds()
    {
        var (clusterId, ruleId, _) = await ManualClusterAsync("aks-att-invalid");

        var problem = (await Attestations.RecordAsync(Contributor, new AttestationRequest(clusterId.ToString(), ruleId, "maybe", " ", null, null), CancellationToken.None)).Problem!;

        Assert.Equal(["evidence", "expiresAt", "owner", "result"], problem.Errors!.Keys.Order());
        Assert.StartsWith("'evidence' is required: a link to the evidence", problem.Errors["evidence"][0], StringComparison.Ordinal);
        Assert.Contains("must be pass or fail", problem.Errors["result"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Record_Again_SupersedesTheActiveOneAndTheNewVerdictCounts()
    {
        var (clusterId, ruleId, results) = await ManualClusterAsync("aks-att-again");
        var first = (await Attestations.RecordAsync(Contributor, Request(clusterId, ruleId, "pass", Now.AddDays(30)), CancellationToken.None)).Value!;

        var second = (await Attestations.RecordAsync(Contributor, Request(clusterId, ruleId, "fail", Now.AddDays(30)), CancellationToken.None)).Value!;

        var queries = portal.Service<AttestationQueries>();
        Assert.Equal("superseded", (await queries.GetAsync(Contributor, first.Id, CancellationToken.None))!.State);
        Assert.Equal(("active", "fail"), (second.State, second.Result));
        Assert.Equal(ScoreCalculator.Score(results.WithStatus(ruleId, RuleStatus.Fail)), (await ScoresAsync(clusterId)).Adjusted, ScoresComparer.Instance);
        await using var db = await portal.CreateDbAsync();
        var actions = await db.AuditLog.Where(a => a.EntityType == "attestation" && (a.EntityId == first.Id.ToString() || a.EntityId == second.Id.ToString()))
            .OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
        Assert.Equal(["attestation.record", "attestation.supersede", "attestation.record"], actions);
    }

    [Fact]
    public async Task Revoke_ByAnotherContributor_IsRefused_ByAnApprover_RestoresTheRawScore()
    {
        var (clusterId, ruleId, _) = await ManualClusterAsync("aks-att-revoke");
        var recorded = (await Attestations.RecordAsync(Contributor, Request(clusterId, ruleId, "pass", Now.AddDays(30)), CancellationToken.None)).Value!;

        var byOther = await Attestations.RevokeAsync(User("other-" + _group, PortalRoles.Contributor, _group), recorded.Id, null, CancellationToken.None);
        var byApprover = await Attestations.RevokeAsync(User("approver-" + _group, PortalRoles.Approver, _group), recorded.Id, "Drill report was for another cluster.", CancellationToken.None);

        Assert.Equal(ProblemKind.Forbidden, byOther.Problem!.Kind);
        Assert.Equal("revoked", byApprover.Value!.State);
        var scores = await ScoresAsync(clusterId);
        Assert.Equal(scores.Raw, scores.Adjusted, ScoresComparer.Instance);
    }

    [Fact]
    public async Task List_ExpiringWithinTheWindow_ShowsOnlyThoseAndHidesOtherTeams()
    {
        var (clusterId, ruleId, results) = await ManualClusterAsync("aks-att-list");
        var otherRule = results.Where(r => r.Status == RuleStatus.Manual && !r.IsObjectResult && r.RuleId != ruleId).Select(r => r.RuleId).First();
        var soon = (await Attestations.RecordAsync(Contributor, Request(clusterId, ruleId, "pass", Now.AddDays(3)), CancellationToken.None)).Value!;
        var later = (await Attestations.RecordAsync(Contributor, Request(clusterId, otherRule, "pass", Now.AddDays(200)), CancellationToken.None)).Value!;
        var queries = portal.Service<AttestationQueries>();

        var expiring = await queries.ListAsync(Contributor, new AttestationFilter(AttestationListState.Expiring, ClusterId: clusterId), 1, 50, CancellationToken.None);
        var active = await queries.ListAsync(Contributor, new AttestationFilter(AttestationListState.Active, ClusterId: clusterId), 1, 50, CancellationToken.None);
        var outsider = await queries.ListAsync(User("outsider", PortalRoles.Reader, "another-group"), new AttestationFilter(), 1, 500, CancellationToken.None);

        Assert.Equal([soon.Id], expiring.Items.Select(a => a.Id));
        Assert.True(expiring.Items[0].Expiring);
        Assert.Equal([soon.Id, later.Id], active.Items.Select(a => a.Id));
        Assert.DoesNotContain(outsider.Items, a => a.ClusterId == clusterId);
    }

    private static AttestationRequest Request(Guid clusterId, string ruleId, string result, DateTimeOffset expiresAt) =>
        new(clusterId.ToString(), ruleId, result, "https://wiki.example.com/dr-drill-2026-10", "Platform team", expiresAt.ToString("O"));

    private async Task<(Guid ClusterId, string RuleId, List<RuleResult> Results)> ManualClusterAsync(string name)
    {
        await portal.AddTeamAsync(_subscription, _group);
        var clusterId = await portal.ImportClusterAsync(_subscription, name);
        var results = await portal.LatestResultsAsync(clusterId);
        // A MANUAL result in a pillar with other counted results, so attesting it moves the pillar's score.
        var ruleId = results.Where(r => !r.IsObjectResult && r.Status == RuleStatus.Manual)
            .Where(r => results.Any(o => o.Pillar == r.Pillar && o.Status is RuleStatus.Fail or RuleStatus.Warn))
            .Select(r => r.RuleId).Order(StringComparer.Ordinal).First();
        return (clusterId, ruleId, results);
    }

    private async Task<AdjustedScores> ScoresAsync(Guid clusterId) =>
        await portal.Service<AdjustedScoreQueries>().ForClusterAsync(Admin(), clusterId, CancellationToken.None);
}
