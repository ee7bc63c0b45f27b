using System.Net;
using System.Net.Http.Json;
using AksPosture.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AksPosture.Web.Tests.Features.Findings;

/// <summary>The explorer's list and export over the sample fleet: filters, sort, paging, team scoping and exports equal to the list.</summary>
public sealed class FindingsExplorerApiTests(SampleFleetPortalFixture portal) : IClassFixture<SampleFleetPortalFixture>, IAsyncLifetime
{
    private static readonly string[] SeverityRank = ["low", "medium", "high", "critical"];

    public Task InitializeAsync() => portal.SampleFleetLoadedAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task List_TeamEnvironmentAndTagFilters_ReturnOnlyFindingsOfMatchingClusters()
    {
        using var client = portal.ClientAs("alex");
        var payments = await TeamIdAsync("Payments");

        var byTeam = await client.AllFindingsAsync($"teamId={payments}");
        var byTagAndEnvironment = await client.AllFindingsAsync("tag=team=payments&environment=PRODUCTION");

        var tagged = await ClusterIdsAsync(c => c.Tags.Any(t => t.Key == "team" && t.Value == "payments"));
        var production = await ClusterIdsAsync(c => c.Environment == "production");
        Assert.NotEmpty(byTeam);
        Assert.All(byTeam, f => Assert.Contains(f.ClusterId, tagged));
        Assert.Equal(byTeam.Count(f => production.Contains(f.ClusterId)), byTagAndEnvironment.Count);
        Assert.All(byTagAndEnvironment, f => Assert.Equal("production", f.Environment, ignoreCase: true));
    }

    [Fact]
    public async Task List_PillarSeverityAndActiveStatus_Combine()
    {
        using var client = portal.ClientAs("alex");
        var all = await client.AllFindingsAsync("");
        var expected = all.Where(f => f.Pillar == "security" && f.Severity == "high" && f.Status != "resolved").Select(f => f.Key).Order().ToList();

        var filtered = await client.AllFindingsAsync("pillar=security&severity=high&status=active");

        Assert.NotEmpty(expected);
        Assert.Equal(expected, filtered.Select(f => f.Key).Order());
    }

    [Fact]
    public async Task List_TextSearch_MatchesRuleIdTitleObjectOrClusterName()
    {
        using var client = portal.ClientAs("alex");
        var all = await client.AllFindingsAsync("");
        var someObject = all.First(f => f.ObjectKey.Contains('/'));
        var word = someObject.ObjectKey.Split('/')[^1];

        var found = await client.AllFindingsAsync($"q={Uri.EscapeDataString(word.ToUpperInvariant())}");

        var expected = all.Where(f => new[] { f.RuleId, f.ObjectKey, f.ClusterName, f.RuleTitle ?? "" }
            .Any(t => t.Contains(word, StringComparison.OrdinalIgnoreCase))).Select(f => f.Key).Order().ToList();
        Assert.Contains(someObject.Key, found.Select(f => f.Key));
        Assert.Equal(expected, found.Select(f => f.Key).Order());
    }

    [Fact]
    public async Task List_SortBySeverityDescending_PagesInRankOrderWithoutOverlap()
    {
        using var client = portal.ClientAs("alex");
        var first = await (await client.GetAsync("/api/v1/findings?sort=-severity&pageSize=25")).ReadAsync<PageBody<ExplorerFindingBody>>();
        var items = new List<ExplorerFindingBody>(first.Items);
        for (var page = 2; page <= (first.Total + 24) / 25; page++)
        {
            items.AddRange((await (await client.GetAsync($"/api/v1/findings?sort=-severity&pageSize=25&page={page}")).ReadAsync<PageBody<ExplorerFindingBody>>()).Items);
        }

        var ranks = items.Select(f => Array.IndexOf(SeverityRank, f.Severity)).ToList();
        Assert.True(first.Total > 50);
        Assert.Equal(first.Total, items.Select(f => f.Key).Distinct().Count());
        Assert.Equal(ranks.OrderDescending(), ranks);
    }

    [Fact]
    public async Task List_SortByClusterName_IsAlphabetical()
    {
        using var client = portal.ClientAs("alex");

        var page = await (await client.GetAsync("/api/v1/findings?sort=clusterName&pageSize=200")).ReadAsync<PageBody<ExplorerFindingBody>>();

        Assert.Equal(page.Items.Select(f => f.ClusterName).Order(StringComparer.Ordinal), page.Items.Select(f => f.ClusterName));
    }

    [Fact]
    public async Task List_ReaderOfPaymentsTeam_SeesOnlyPaymentsClustersEvenWhenAskingForAnotherTeam()
    {
        using var riley = portal.ClientAs("riley");
        using var alex = portal.ClientAs("alex");
        var orders = await TeamIdAsync("Orders");

        var own = await riley.AllFindingsAsync("");
        var other = await (await riley.GetAsync($"/api/v1/findings?teamId={orders}")).ReadAsync<PageBody<ExplorerFindingBody>>();
        var paymentsForAdmin = await alex.AllFindingsAsync($"teamId={await TeamIdAsync("Payments")}");

        var tagged = await ClusterIdsAsync(c => c.Tags.Any(t => t.Key == "team" && t.Value == "payments"));
        Assert.NotEmpty(own);
        Assert.All(own, f => Assert.Contains(f.ClusterId, tagged));
        Assert.Equal(paymentsForAdmin.Select(f => f.Key).Order(), own.Select(f => f.Key).Order());
        Assert.Equal(0, other.Total);
    }

    [Fact]
    public async Task ExportCsv_Filtered_EqualsTheFilteredListInListOrder()
    {
        using var client = portal.ClientAs("alex");
        const string query = "status=active&pillar=reliability&sort=-severity";

        var listed = await client.AllFindingsAsync(query);
        var response = await client.GetAsync($"/api/v1/findings/export?format=csv&{query}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var rows = RemediationClient.ParseCsv(await response.Content.ReadAsStringAsync());
        var header = rows[0];
        var body = rows.Skip(1).Select(r => header.Zip(r).ToDictionary(p => p.First, p => p.Second)).ToList();
        Assert.NotEmpty(listed);
        Assert.Equal(listed.Select(f => f.Key), body.Select(r => r["key"]));
        Assert.Equal(listed.Select(f => (f.RuleId, f.ObjectKey, f.ClusterName, f.Severity, f.Status, f.WorkflowStatus)),
            body.Select(r => (r["ruleId"], r["objectKey"], r["clusterName"], r["severity"], r["status"], r["workflowStatus"])));
    }

    [Fact]
    public async Task ExportJson_AsReader_HoldsExactlyTheReadersFindings()
    {
        using var riley = portal.ClientAs("riley");

        var listed = await riley.AllFindingsAsync("");
        var exported = await (await riley.GetAsync("/api/v1/findings/export?format=json")).Content.ReadFromJsonAsync<List<ExplorerFindingBody>>();

        Assert.Equal(listed.Select(f => f.Key), exported!.Select(f => f.Key));
    }

    [Theory]
    [InlineData("/api/v1/findings/export?format=xlsx", "csv or json")]
    [InlineData("/api/v1/findings?sort=colour", "lastSeenAt, firstSeenAt, severity")]
    [InlineData("/api/v1/findings?workflowStatus=done&overdue=maybe&teamId=payments&tag=team", "todo, in-progress, pending-verification, wont-fix")]
    [InlineData("/api/v1/findings?status=closed,active", "new, open, resolved, reopened, active")]
    public async Task List_BadParameters_Return400SayingWhatIsAllowed(string url, string expected)
    {
        using var client = portal.ClientAs("alex");

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, (await response.ReadAsync<ProblemBody>()).Detail);
    }

    [Fact]
    public async Task List_SeveralBadParameters_NamesEachOne()
    {
        using var client = portal.ClientAs("alex");

        var detail = (await (await client.GetAsync("/api/v1/findings?overdue=maybe&teamId=payments&tag=team")).ReadAsync<ProblemBody>()).Detail!;

        Assert.Contains("overdue 'maybe' is not true or false", detail);
        Assert.Contains("teamId 'payments' is not a team id", detail);
        Assert.Contains("tag 'team' is not key=value", detail);
    }

    [Fact]
    public async Task GetFinding_WithObjectKey_ShowsEvidenceRemediationAndRecentResults()
    {
        using var client = portal.ClientAs("alex");
        var finding = (await client.AllFindingsAsync("status=active")).First(f => f.ObjectKey.Length > 0);

        var detail = await (await client.GetAsync($"/api/v1/findings/{finding.Key}")).ReadAsync<FindingDetailBody>();

        Assert.Equal((finding.RuleId, finding.ObjectKey), (detail.Finding.RuleId, detail.Finding.ObjectKey));
        Assert.Equal(finding.RuleId, detail.Rule!.Id);
        Assert.False(string.IsNullOrWhiteSpace(detail.Rule.Remediation));
        Assert.Equal(finding.Result, detail.Latest!.Result);
        Assert.Contains(detail.Recent, r => r.RunId == detail.Latest.RunId && r.Result == finding.Result);
    }

    [Theory]
    [InlineData("not-a-key", HttpStatusCode.BadRequest)]
    [InlineData("00000000000000000000000000000001.AKS-SEC-01", HttpStatusCode.NotFound)]
    public async Task GetFinding_BadOrUnknownKey_Returns400Or404(string key, HttpStatusCode expected)
    {
        using var client = portal.ClientAs("alex");

        var response = await client.GetAsync($"/api/v1/findings/{key}");

        Assert.Equal(expected, response.StatusCode);
        Assert.Contains("/api/v1/findings", (await response.ReadAsync<ProblemBody>()).Detail);
    }

    [Fact]
    public async Task GetFinding_OfAnotherTeamAsReader_Returns404()
    {
        using var alex = portal.ClientAs("alex");
        using var riley = portal.ClientAs("riley");
        var orders = (await alex.AllFindingsAsync($"teamId={await TeamIdAsync("Orders")}")).First();

        var response = await riley.GetAsync($"/api/v1/findings/{orders.Key}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<Guid> TeamIdAsync(string name)
    {
        await using var db = await portal.CreateDbAsync();
        return await db.Teams.Where(t => t.Name == name).Select(t => t.Id).SingleAsync();
    }

    private async Task<HashSet<Guid>> ClusterIdsAsync(Func<AksPosture.Web.Features.Fleet.Cluster, bool> predicate)
    {
        await using var db = await portal.CreateDbAsync();
        return (await db.Clusters.AsNoTracking().ToListAsync()).Where(predicate).Select(c => c.Id).ToHashSet();
    }
}
