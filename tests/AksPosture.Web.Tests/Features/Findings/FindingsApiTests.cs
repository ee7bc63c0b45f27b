using System.Net;
using AksPosture.Engine.Assessment;
using AksPosture.Engine.Rules;
using AksPosture.Engine.Snapshots;
using AksPosture.Web.Tests.Infrastructure;
using static AksPosture.Web.Tests.Infrastructure.ClusterDocuments;

namespace AksPosture.Web.Tests.Features.Findings;

/// <summary>Findings and run diffs through the API, after three imports of one cluster: a defect fixed, one added, the fix undone.</summary>
public sealed class FindingsApiTests(PortalFixture portal) : IClassFixture<PortalFixture>, IAsyncLifetime
{
    private const string Name = "aks-findings";
    private readonly string _subscription = RunDriver.NewSubscription();
    private Guid _first;
    private Guid _second;
    private Guid _third;

    private ClusterSnapshot WithLocalAccounts => InSubscription(_subscription, Name, AllowLocalAccounts);

    private ClusterSnapshot FixedButFree => InSubscription(_subscription, Name, FreeTier);

    private ClusterSnapshot Regressed => InSubscription(_subscription, Name, r => { AllowLocalAccounts(r); FreeTier(r); });

    public async Task InitializeAsync()
    {
        _first = await ImportLaterAsync(WithLocalAccounts);
        _second = await ImportLaterAsync(FixedButFree);
        _third = await ImportLaterAsync(Regressed);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ListFindings_FixedThenRegressed_ShowsReopenedAndOpenStatuses()
    {
        using var client = portal.Factory.CreateClient();

        var reopened = await ListAsync(client, $"subscriptionId={_subscription}&status=reopened");
        var open = await ListAsync(client, $"subscriptionId={_subscription}&status=open");

        Assert.Equal(Fixed().Order(), reopened.Items.Select(Key).Order());
        Assert.All(reopened.Items, f => Assert.NotNull(f.ReopenedAt));
        Assert.Equal(Defects(Regressed).Except(Fixed()).Order(), open.Items.Select(Key).Order());
        Assert.Equal(Defects(Regressed).Count, (await ListAsync(client, $"subscriptionId={_subscription}")).Items.Count(f => f.Status != "resolved"));
    }

    [Fact]
    public async Task ListFindings_PillarAndSeverity_ReturnsOnlyMatches()
    {
        using var client = portal.Factory.CreateClient();
        var all = await ListAsync(client, $"subscriptionId={_subscription}&pageSize=500");
        var expected = all.Items.Where(f => f.Pillar == "security" && f.Severity == "high").ToList();

        var filtered = await ListAsync(client, $"subscriptionId={_subscription}&pillar=Security&severity=HIGH&pageSize=500");

        Assert.NotEmpty(expected);
        Assert.Equal(expected.Count, filtered.Total);
        Assert.All(filtered.Items, f => Assert.Equal(("security", "high"), (f.Pillar, f.Severity)));
    }

    [Fact]
    public async Task ListFindings_ClusterAndRule_ReturnsThatFindingByArmIdOrPortalId()
    {
        using var client = portal.Factory.CreateClient();
        var any = (await ListAsync(client, $"subscriptionId={_subscription}&pageSize=1")).Items.Single();
        var armId = Uri.EscapeDataString(WithLocalAccounts.Id.ToUpperInvariant());

        var byArmId = await ListAsync(client, $"clusterId={armId}&ruleId={any.RuleId}");
        var byId = await ListAsync(client, $"clusterId={any.ClusterId}&ruleId={any.RuleId}");

        Assert.Contains(byArmId.Items, f => f.RuleId == any.RuleId && f.ClusterId == any.ClusterId);
        Assert.Equal(byArmId.Total, byId.Total);
    }

    [Fact]
    public async Task ListFindings_PagesOfFive_CoverTheTotalWithoutOverlap()
    {
        using var client = portal.Factory.CreateClient();
        var first = await ListAsync(client, $"subscriptionId={_subscription}&pageSize=5&page=1");
        var pages = new List<FindingBody>(first.Items);
        for (var page = 2; page <= (first.Total + 4) / 5; page++)
        {
            pages.AddRange((await ListAsync(client, $"subscriptionId={_subscription}&pageSize=5&page={page}")).Items);
        }

        Assert.True(first.Total > 5);
        Assert.Equal(first.Total, pages.Select(f => (f.RuleId, f.ObjectKey)).Distinct().Count());
        Assert.Equal(pages.Select(f => f.LastSeenAt).OrderDescending(), pages.Select(f => f.LastSeenAt));
    }

    [Fact]
    public async Task ListFindings_UnknownFilterValues_Returns400NamingWhatIsAllowed()
    {
        using var client = portal.Factory.CreateClient();

        var response = await client.GetAsync("/api/v1/findings?status=closed&pillar=speed&severity=urgent&subscriptionId=nope");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var detail = (await response.ReadAsync<ProblemBody>()).Detail!;
        Assert.Contains("new, open, resolved, reopened", detail);
        Assert.Contains("costOptimization", detail);
        Assert.Contains("low, medium, high, critical", detail);
        Assert.Contains("subscription GUID", detail);
    }

    [Fact]
    public async Task DiffAssessments_FixAndAddition_ListsResolvedAndNew()
    {
        using var client = portal.Factory.CreateClient();

        var diff = await (await client.GetAsync($"/api/v1/assessments/{_second}/diff?against={_first}")).ReadAsync<DiffBody>();

        Assert.Equal(Fixed().Order(), diff.Resolved.Select(Key).Order());
        Assert.Equal(Added().Order(), diff.New.Select(Key).Order());
        Assert.Empty(diff.Reopened);
        Assert.Equal((diff.New.Count, diff.Resolved.Count, 0), (diff.NewCount, diff.ResolvedCount, diff.ReopenedCount));
    }

    [Fact]
    public async Task DiffAssessments_FixUndone_ListsReopened()
    {
        using var client = portal.Factory.CreateClient();

        var diff = await (await client.GetAsync($"/api/v1/assessments/{_third}/diff?against={_second}")).ReadAsync<DiffBody>();

        Assert.Equal(Fixed().Order(), diff.Reopened.Select(Key).Order());
        Assert.Empty(diff.New);
        Assert.Empty(diff.Resolved);
    }

    [Fact]
    public async Task DiffAssessments_AgainstALaterRun_Returns400()
    {
        using var client = portal.Factory.CreateClient();

        var response = await client.GetAsync($"/api/v1/assessments/{_first}/diff?against={_second}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("earlier run", (await response.ReadAsync<ProblemBody>()).Detail);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task DiffAssessments_NoAgainstOrUnknownRun_Returns400Or404(bool unknown)
    {
        using var client = portal.Factory.CreateClient();

        var response = await client.GetAsync(unknown ? $"/api/v1/assessments/{_second}/diff?against={Guid.NewGuid()}" : $"/api/v1/assessments/{_second}/diff");

        Assert.Equal(unknown ? HttpStatusCode.NotFound : HttpStatusCode.BadRequest, response.StatusCode);
    }

    private async Task<Guid> ImportLaterAsync(ClusterSnapshot snapshot)
    {
        portal.Factory.Time.Advance(TimeSpan.FromHours(1));
        return (await portal.ImportAsync(snapshot)).Run.Id;
    }

    private static async Task<PageBody<FindingBody>> ListAsync(HttpClient client, string query) =>
        await (await client.GetAsync($"/api/v1/findings?{query}")).ReadAsync<PageBody<FindingBody>>();

    // The defects the second import fixed (its rule passes) and the ones it added.
    private List<(string, string)> Fixed() => Defects(WithLocalAccounts).Intersect(WithStatus(FixedButFree, RuleStatus.Pass)).ToList();

    private List<(string, string)> Added() => Defects(FixedButFree).Except(Defects(WithLocalAccounts)).ToList();

    private static HashSet<(string, string)> Defects(ClusterSnapshot snapshot) => WithStatus(snapshot, RuleStatus.Fail, RuleStatus.Warn);

    private static HashSet<(string, string)> WithStatus(ClusterSnapshot snapshot, params RuleStatus[] statuses) =>
        ClusterAssessor.Assess(snapshot).Results.Where(r => statuses.Contains(r.Status)).Select(r => (r.RuleId, r.ObjectKey)).ToHashSet();

    private static (string, string) Key(FindingBody finding) => (finding.RuleId, finding.ObjectKey);

    private static (string, string) Key(FindingChangeBody change) => (change.RuleId, change.ObjectKey);
}
