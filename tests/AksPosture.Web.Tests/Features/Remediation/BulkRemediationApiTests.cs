using System.Net;
using AksPosture.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AksPosture.Web.Tests.Features.Remediation;

public sealed class BulkRemediationApiTests(SampleFleetPortalFixture portal) : IClassFixture<SampleFleetPortalFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => portal.SampleFleetLoadedAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Bulk_AssignByKeys_ChangesThoseFindingsAndAuditsEach()
    {
        using var client = portal.ClientAs("alex");
        var targets = (await client.AllFindingsAsync("status=active&pillar=security")).Take(3).ToList();
        var owner = $"bulk-{Guid.NewGuid():N}";
        var unknown = $"{Guid.NewGuid():N}.AKS-SEC-01";

        var result = await (await client.PostJsonAsync("/api/v1/findings/bulk",
            $$"""{"keys": [{{string.Join(", ", targets.Select(t => $"\"{t.Key}\"").Append($"\"{unknown}\""))}}], "action": "assign", "owner": "{{owner}}"}""")).ReadAsync<BulkResultBody>();

        Assert.Equal((3, 3), (result.Matched, result.Changed));
        Assert.Equal([unknown], result.NotFound);
        Assert.Equal(targets.Select(t => t.Key).Order(), (await client.AllFindingsAsync($"owner={owner}")).Select(f => f.Key).Order());
        await using var db = await portal.CreateDbAsync();
        var ids = targets.Select(t => $"{t.ClusterId}/{t.RuleId}/{t.ObjectKey}").ToList();
        var entries = await db.AuditLog.Where(a => a.Action == "finding.assign" && ids.Contains(a.EntityId)).ToListAsync();
        Assert.Equal(3, entries.Count(a => a.After!.Contains(owner)));
    }

    [Fact]
    public async Task Bulk_SetWorkflowStatusByFilter_ChangesExactlyWhatTheListSelects()
    {
        using var client = portal.ClientAs("alex");
        var someRule = (await client.AllFindingsAsync("status=active&pillar=reliability")).GroupBy(f => f.RuleId).OrderByDescending(g => g.Count()).First().Key;
        var listed = await client.AllFindingsAsync($"status=active&ruleId={someRule}");

        var result = await (await client.PostJsonAsync("/api/v1/findings/bulk",
            $$"""{"filter": {"status": "active", "ruleId": "{{someRule}}"}, "action": "setWorkflowStatus", "workflowStatus": "pending-verification"}""")).ReadAsync<BulkResultBody>();

        var pending = await client.AllFindingsAsync($"ruleId={someRule}&workflowStatus=pending-verification");
        Assert.True(listed.Count > 1);
        Assert.Equal((listed.Count, listed.Count), (result.Matched, result.Changed));
        Assert.Equal(listed.Select(f => f.Key).Order(), pending.Select(f => f.Key).Order());
    }

    [Fact]
    public async Task Bulk_SetDueDateByFilterOnAnotherTeamAsContributor_ReachesNothing()
    {
        using var alex = portal.ClientAs("alex");
        using var casey = portal.ClientAs("casey");
        // casey, the sample Contributor, is in the Payments team only.
        var orders = await portal.SampleTeamIdAsync("Orders");

        var result = await (await casey.PostJsonAsync("/api/v1/findings/bulk", $$"""{"filter": {"teamId": "{{orders}}"}, "action": "setDueDate", "dueAt": "2027-01-01"}""")).ReadAsync<BulkResultBody>();

        Assert.NotEmpty(await alex.AllFindingsAsync($"teamId={orders}"));
        Assert.Equal((0, 0), (result.Matched, result.Changed));
    }

    [Fact]
    public async Task Bulk_AsReader_Returns403()
    {
        using var riley = portal.ClientAs("riley");

        var response = await riley.PostJsonAsync("/api/v1/findings/bulk", """{"filter": {}, "action": "assign", "owner": "riley"}""");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("""{"action": "assign", "owner": "x"}""", "give keys (a list of finding keys) or filter")]
    [InlineData("""{"keys": ["a"], "filter": {}, "action": "assign", "owner": "x"}""", "give keys or filter, not both")]
    [InlineData("""{"keys": ["not-a-key"], "action": "assign", "owner": "x"}""", "1 key(s) are not finding keys")]
    [InlineData("""{"keys": [], "action": "assign", "owner": "x"}""", "keys must be a non-empty list")]
    [InlineData("""{"filter": {}, "action": "close"}""", "action 'close' is not one of assign, setDueDate, setWorkflowStatus, setTicketUrl")]
    [InlineData("""{"filter": {}, "action": "setDueDate"}""", "action setDueDate needs dueAt")]
    [InlineData("""{"filter": {}, "action": "assign", "owner": "x", "dueAt": "2027-01-01"}""", "dueAt is not used by action assign")]
    [InlineData("""{"filter": {"pillar": "speed"}, "action": "assign", "owner": "x"}""", "filter: pillar 'speed' is not one of")]
    [InlineData("""{"filter": {"colour": "red"}, "action": "assign", "owner": "x"}""", "filter: 'colour' is not a filter")]
    [InlineData("""{"filter": {}, "action": "setTicketUrl", "ticketUrl": "tickets/1"}""", "is not an http or https address")]
    public async Task Bulk_InvalidRequest_Returns400NamingTheProblem(string body, string expected)
    {
        using var client = portal.ClientAs("alex");

        var response = await client.PostJsonAsync("/api/v1/findings/bulk", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, (await response.ReadAsync<ProblemBody>()).Detail);
    }
}
