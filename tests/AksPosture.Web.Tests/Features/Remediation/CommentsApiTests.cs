using System.Net;
using AksPosture.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AksPosture.Web.Tests.Features.Remediation;

public sealed class CommentsApiTests(SampleFleetPortalFixture portal) : IClassFixture<SampleFleetPortalFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => portal.SampleFleetLoadedAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Comments_TwoAdded_ListOldestFirstCountInTheListAndAreAudited()
    {
        using var client = portal.ClientAs("alex");
        var finding = (await client.AllFindingsAsync("status=active")).First();
        var url = $"/api/v1/findings/{finding.Key}/comments";

        var created = await client.PostJsonAsync(url, """{"text": "Raised with the platform team."}""");
        portal.Factory.Time.Advance(TimeSpan.FromMinutes(5));
        await client.PostJsonAsync(url, """{"text": "Fix planned for the next maintenance window."}""");
        var comments = await (await client.GetAsync(url)).ReadAsync<PageBody<CommentBody>>();

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(2, comments.Total);
        Assert.Equal(["Raised with the platform team.", "Fix planned for the next maintenance window."], comments.Items.Select(c => c.Text));
        Assert.All(comments.Items, c => Assert.Equal("Alex Admin (sample)", c.AuthorName));
        Assert.True(comments.Items[0].At < comments.Items[1].At);
        Assert.Equal(2, (await client.AllFindingsAsync($"clusterId={finding.ClusterId}&ruleId={finding.RuleId}")).Single(f => f.Key == finding.Key).CommentCount);
        await using var db = await portal.CreateDbAsync();
        Assert.Equal(2, await db.AuditLog.CountAsync(a => a.Action == "finding.comment" && a.EntityId == $"{finding.ClusterId}/{finding.RuleId}/{finding.ObjectKey}"));
    }

    [Theory]
    [InlineData("""{"text": "   "}""")]
    [InlineData("""{}""")]
    public async Task AddComment_Blank_Returns400(string body)
    {
        using var client = portal.ClientAs("alex");
        var finding = (await client.AllFindingsAsync("status=active")).Last();

        var response = await client.PostJsonAsync($"/api/v1/findings/{finding.Key}/comments", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("1 to 4000 characters", (await response.ReadAsync<ProblemBody>()).Detail);
    }

    [Fact]
    public async Task Comments_ReaderOfTheTeam_ReadsButMayNotWrite()
    {
        using var riley = portal.ClientAs("riley");
        var finding = (await riley.AllFindingsAsync("status=active")).First();
        var url = $"/api/v1/findings/{finding.Key}/comments";

        var read = await riley.GetAsync(url);
        var write = await riley.PostJsonAsync(url, """{"text": "Looks fine to me."}""");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Forbidden), (read.StatusCode, write.StatusCode));
    }
}
