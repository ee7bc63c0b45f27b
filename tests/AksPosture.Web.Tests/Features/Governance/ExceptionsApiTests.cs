using System.Net;
using System.Text.Json;
using AksPosture.Engine.Rules;
using AksPosture.Engine.Scoring;
using AksPosture.Web.Tests.Infrastructure;

namespace AksPosture.Web.Tests.Features.Governance;

/// <summary>
/// The exceptions API with two people: casey (Contributor) requests, avery (Approver) approves; alex (Admin) reads the
/// scores. The tests' clusters belong to no team, so these exceptions are by tag, which everyone sees.
/// </summary>
public sealed class ExceptionsApiTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private readonly string _subscription = RunDriver.NewSubscription();
    private readonly string _tag = Guid.NewGuid().ToString("N")[..12];

    private DateTimeOffset Now => portal.Factory.Time.GetUtcNow();

    [Fact]
    public async Task Post_InvalidRequest_Returns400WithAMessagePerField()
    {
        using var casey = portal.As("casey");

        var response = await casey.PostJsonAsync("/api/v1/exceptions", """{ "ruleId": "AKS-SEC-11", "scope": "cluster", "category": "ignored", "expiresAt": "tomorrow" }""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadAsync<ProblemBody>();
        Assert.Equal(["category", "clusterId", "expiresAt", "justification"], problem.Errors!.Keys.Order());
        Assert.Contains("'expiresAt' ('tomorrow') is not an ISO 8601 date or time", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestApproveByAnotherPerson_ChangesTheAdjustedScoreButNotTheRawOne()
    {
        var (armId, ruleId, results) = await TaggedClusterAsync("aks-api-approve");
        using var casey = portal.As("casey");
        using var avery = portal.As("avery");
        using var alex = portal.As("alex");
        var before = await ScoresAsync(alex, armId);

        var created = await casey.PostJsonAsync("/api/v1/exceptions", TagRequest(ruleId, "mitigated"));
        var requested = await created.ReadAsync<ExceptionBody>();
        var approveByCasey = await casey.PostAsync($"/api/v1/exceptions/{requested.Id}/approve", null);
        var approved = await avery.PostJsonAsync($"/api/v1/exceptions/{requested.Id}/approve", """{ "comment": "Network isolation verified." }""");
        var after = await ScoresAsync(alex, armId);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/v1/exceptions/{requested.Id}", created.Headers.Location?.OriginalString);
        Assert.Equal(("pending", "Casey Contributor (sample)", $"clusters tagged exception-test={_tag}"), (requested.State, requested.RequestedBy, requested.ScopeText));
        Assert.Equal(HttpStatusCode.Forbidden, approveByCasey.StatusCode);
        var decided = await approved.ReadAsync<ExceptionBody>();
        Assert.Equal(("active", "Avery Approver (sample)", "Network isolation verified."), (decided.State, decided.DecidedBy, decided.DecisionComment));
        Assert.Equal((before.Security, before.Overall), (after.Security, after.Overall));
        var expected = ScoreCalculator.Score(results.WithStatus(ruleId, RuleStatus.Pass));
        Assert.Equal((expected[Pillar.Security], expected.Overall), (after.Adjusted.Security, after.Adjusted.Overall));
        Assert.Equal((before.Security, before.Overall), (before.Adjusted.Security, before.Adjusted.Overall));
        Assert.NotEqual(after.Overall, after.Adjusted.Overall);
        Assert.Equal((1, 1, 1), (after.Adjusted.Clusters, after.Adjusted.ClustersAdjusted, after.Adjusted.ExceptionsApplied));
    }

    [Fact]
    public async Task Approve_OwnRequestAsApprover_Returns403SayingAnotherApproverMustDecide()
    {
        var (_, ruleId, _) = await TaggedClusterAsync("aks-api-self");
        using var avery = portal.As("avery");
        var requested = await (await avery.PostJsonAsync("/api/v1/exceptions", TagRequest(ruleId, "riskAccepted"))).ReadAsync<ExceptionBody>();

        var response = await avery.PostAsync($"/api/v1/exceptions/{requested.Id}/approve", null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await response.ReadAsync<ProblemBody>();
        Assert.Equal("You requested this exception, so you cannot approve it: another Approver must decide, so that every exception is seen by two people.", problem.Detail);
        var again = await (await avery.GetAsync($"/api/v1/exceptions/{requested.Id}")).ReadAsync<ExceptionBody>();
        Assert.Equal("pending", again.State);
    }

    [Fact]
    public async Task Reject_ThenApprove_Returns409AndTheListsFilterByState()
    {
        var (_, ruleId, _) = await TaggedClusterAsync("aks-api-reject");
        using var casey = portal.As("casey");
        using var avery = portal.As("avery");
        var requested = await (await casey.PostJsonAsync("/api/v1/exceptions", TagRequest(ruleId, "falsePositive"))).ReadAsync<ExceptionBody>();

        var rejected = await avery.PostJsonAsync($"/api/v1/exceptions/{requested.Id}/reject", """{ "comment": "The rule is right: fix it." }""");
        var approveAfter = await avery.PostAsync($"/api/v1/exceptions/{requested.Id}/approve", null);
        var rejectedList = await (await casey.GetAsync($"/api/v1/exceptions?state=rejected&ruleId={ruleId}&pageSize=500")).ReadAsync<PageBody<ExceptionBody>>();
        var pendingList = await (await casey.GetAsync($"/api/v1/exceptions?state=pending&ruleId={ruleId}&pageSize=500")).ReadAsync<PageBody<ExceptionBody>>();

        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, approveAfter.StatusCode);
        Assert.Equal("The exception is rejected already; only pending requests can be approved or rejected.", (await approveAfter.ReadAsync<ProblemBody>()).Detail);
        Assert.Contains(rejectedList.Items, e => e.Id == requested.Id);
        Assert.DoesNotContain(pendingList.Items, e => e.Id == requested.Id);
    }

    [Fact]
    public async Task List_PagesOnTheServerAndRefusesUnknownStates()
    {
        var (_, ruleId, _) = await TaggedClusterAsync("aks-api-paging");
        using var casey = portal.As("casey");
        for (var i = 1; i <= 3; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await casey.PostJsonAsync("/api/v1/exceptions", TagRequest(ruleId, "mitigated", days: i))).StatusCode);
        }

        var first = await (await casey.GetAsync($"/api/v1/exceptions?state=pending&ruleId={ruleId}&pageSize=2")).ReadAsync<PageBody<ExceptionBody>>();
        var all = await (await casey.GetAsync($"/api/v1/exceptions?state=pending&ruleId={ruleId}&pageSize=500")).ReadAsync<PageBody<ExceptionBody>>();
        var second = await (await casey.GetAsync($"/api/v1/exceptions?state=pending&ruleId={ruleId}&pageSize=2&page=2")).ReadAsync<PageBody<ExceptionBody>>();
        var unknown = await casey.GetAsync("/api/v1/exceptions?state=forgotten");
        var pageZero = await casey.GetAsync("/api/v1/exceptions?page=0&pageSize=501");

        Assert.True(all.Total >= 3);
        Assert.Equal((2, 1, all.Total), (first.Items.Count, first.Page, first.Total));
        Assert.Equal(all.Items.Take(2).Select(e => e.Id), first.Items.Select(e => e.Id));
        Assert.Equal(all.Items.Skip(2).Take(2).Select(e => e.Id), second.Items.Select(e => e.Id));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("state 'forgotten' is not one of active, expiring, pending, expired, rejected, revoked, closed", (await unknown.ReadAsync<ProblemBody>()).Detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, pageZero.StatusCode);
        Assert.Equal(["Page", "PageSize"], (await pageZero.ReadAsync<ProblemBody>()).Errors!.Keys.Order());
    }

    [Fact]
    public async Task Post_AsReader_IsForbiddenByPolicy_AndRevokeByTheRequesterEndsIt()
    {
        var (_, ruleId, _) = await TaggedClusterAsync("aks-api-revoke");
        using var riley = portal.As("riley");
        using var casey = portal.As("casey");
        using var avery = portal.As("avery");

        var byReader = await riley.PostJsonAsync("/api/v1/exceptions", TagRequest(ruleId, "mitigated"));
        var requested = await (await casey.PostJsonAsync("/api/v1/exceptions", TagRequest(ruleId, "mitigated"))).ReadAsync<ExceptionBody>();
        await avery.PostAsync($"/api/v1/exceptions/{requested.Id}/approve", null);
        var revoked = await casey.PostJsonAsync($"/api/v1/exceptions/{requested.Id}/revoke", """{ "comment": "Fixed at the source." }""");

        Assert.Equal(HttpStatusCode.Forbidden, byReader.StatusCode);
        Assert.Equal("revoked", (await revoked.ReadAsync<ExceptionBody>()).State);
    }

    private string TagRequest(string ruleId, string category, int days = 30) => JsonSerializer.Serialize(new
    {
        ruleId, scope = "tag", tag = $"exception-test={_tag}", category, justification = "Only reachable from the build network (NSG rule 120).",
        expiresAt = Now.AddDays(days).ToString("yyyy-MM-dd"),
    });

    private async Task<(string ArmId, string RuleId, List<RuleResult> Results)> TaggedClusterAsync(string name)
    {
        var clusterId = await portal.ImportClusterAsync(_subscription, name, _tag);
        var results = await portal.LatestResultsAsync(clusterId);
        var ruleId = results.Where(r => !r.IsObjectResult && r.Status == RuleStatus.Fail && r.Pillar == Pillar.Security).Select(r => r.RuleId).Order(StringComparer.Ordinal).First();
        return (ClusterDocuments.InSubscription(_subscription, name).Id, ruleId, results);
    }

    private static async Task<ScoresWithAdjustedBody> ScoresAsync(HttpClient client, string armId) =>
        await (await client.GetAsync($"/api/v1/scores?scope=cluster:{Uri.EscapeDataString(armId)}")).ReadAsync<ScoresWithAdjustedBody>();
}
