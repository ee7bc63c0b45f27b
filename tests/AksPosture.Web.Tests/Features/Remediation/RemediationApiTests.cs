using System.Net;
using System.Text.Json;
using AksPosture.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AksPosture.Web.Tests.Features.Remediation;

/// <summary>Changing one finding's remediation: what is stored, what is refused and why, who may, and the audit trail.</summary>
public sealed class RemediationApiTests(SampleFleetPortalFixture portal) : IClassFixture<SampleFleetPortalFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => portal.SampleFleetLoadedAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Patch_AllFields_StoresThemAndListFiltersFindThem()
    {
        using var client = portal.ClientAs("alex");
        var finding = await ActiveFindingAsync(client, 0);
        var owner = $"owner-{Guid.NewGuid():N}@contoso.com";

        var response = await client.PatchJsonAsync($"/api/v1/findings/{finding.Key}",
            $$"""{"owner": "{{owner}}", "dueAt": "2026-12-31", "workflowStatus": "in-progress", "ticketUrl": "https://dev.azure.com/contoso/aks/_workitems/edit/42"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var updated = await response.ReadAsync<ExplorerFindingBody>();
        Assert.Equal((owner, new DateOnly(2026, 12, 31), "in-progress", "https://dev.azure.com/contoso/aks/_workitems/edit/42"),
            (updated.Owner, updated.DueAt, updated.WorkflowStatus, updated.TicketUrl));
        var byOwner = await client.AllFindingsAsync($"owner={owner.ToUpperInvariant()}&workflowStatus=in-progress");
        Assert.Equal([finding.Key], byOwner.Select(f => f.Key));
    }

    [Fact]
    public async Task Patch_NullAndAbsentFields_ClearOnlyWhatIsNull()
    {
        using var client = portal.ClientAs("alex");
        var finding = await ActiveFindingAsync(client, 1);
        await client.PatchJsonAsync($"/api/v1/findings/{finding.Key}", """{"owner": "kim", "dueAt": "2026-12-01"}""");

        var cleared = await (await client.PatchJsonAsync($"/api/v1/findings/{finding.Key}", """{"owner": null}""")).ReadAsync<ExplorerFindingBody>();

        Assert.Null(cleared.Owner);
        Assert.Equal(new DateOnly(2026, 12, 1), cleared.DueAt);
    }

    [Fact]
    public async Task Patch_Change_WritesOneAuditEntryWithBeforeAndAfterAndShowsItInHistory()
    {
        using var client = portal.ClientAs("alex");
        var finding = await ActiveFindingAsync(client, 2);
        await client.PatchJsonAsync($"/api/v1/findings/{finding.Key}", """{"owner": "first"}""");

        await client.PatchJsonAsync($"/api/v1/findings/{finding.Key}", """{"owner": "second", "workflowStatus": "todo"}""");

        await using var db = await portal.CreateDbAsync();
        var entries = await db.AuditLog.Where(a => a.EntityType == "finding" && a.EntityId == $"{finding.ClusterId}/{finding.RuleId}/{finding.ObjectKey}")
            .OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(["finding.assign", "finding.assign"], entries.Select(e => e.Action));
        Assert.Equal("first", JsonDocument.Parse(entries[1].Before!).RootElement.GetProperty("owner").GetString());
        Assert.Equal("second", JsonDocument.Parse(entries[1].After!).RootElement.GetProperty("owner").GetString());
        Assert.Equal(("sample-alex", "Alex Admin (sample)"), (entries[1].ActorId, entries[1].ActorName));
        var detail = await (await client.GetAsync($"/api/v1/findings/{finding.Key}")).ReadAsync<FindingDetailBody>();
        Assert.Equal(2, detail.History.Count);
        Assert.Contains("second", detail.History[0].After);
    }

    [Fact]
    public async Task Patch_SameValuesAgain_RecordsNothing()
    {
        using var client = portal.ClientAs("alex");
        var finding = await ActiveFindingAsync(client, 3);
        await client.PatchJsonAsync($"/api/v1/findings/{finding.Key}", """{"dueAt": "2027-01-15"}""");

        var again = await client.PatchJsonAsync($"/api/v1/findings/{finding.Key}", """{"dueAt": "2027-01-15"}""");

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        await using var db = await portal.CreateDbAsync();
        Assert.Equal(1, await db.AuditLog.CountAsync(a => a.EntityId == $"{finding.ClusterId}/{finding.RuleId}/{finding.ObjectKey}"));
    }

    [Theory]
    [InlineData("""{"ticketUrl": "javascript:alert(1)"}""", "ticketUrl 'javascript:alert(1)' is not an http or https address")]
    [InlineData("""{"ticketUrl": "ftp://tickets/1"}""", "is not an http or https address")]
    [InlineData("""{"dueAt": "31/12/2026"}""", "write it as YYYY-MM-DD")]
    [InlineData("""{"workflowStatus": "done"}""", "todo, in-progress, pending-verification, wont-fix")]
    [InlineData("""{"workflowStatus": null}""", "workflowStatus 'null' is not one of")]
    [InlineData("""{"owner": 7}""", "owner must be a string or null, not number")]
    [InlineData("""{"colour": "red"}""", "'colour' is not a field here; use owner, dueAt, workflowStatus, ticketUrl")]
    [InlineData("""{}""", "nothing to change")]
    [InlineData("""[1, 2]""", "must be a JSON object")]
    [InlineData("""{"owner": """, "not valid JSON")]
    public async Task Patch_InvalidBody_Returns400NamingTheProblem(string body, string expected)
    {
        using var client = portal.ClientAs("alex");
        var finding = await ActiveFindingAsync(client, 4);

        var response = await client.PatchJsonAsync($"/api/v1/findings/{finding.Key}", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, (await response.ReadAsync<ProblemBody>()).Detail);
    }

    [Fact]
    public async Task Patch_OwnerLongerThanAllowed_Returns400()
    {
        using var client = portal.ClientAs("alex");
        var finding = await ActiveFindingAsync(client, 4);

        var response = await client.PatchJsonAsync($"/api/v1/findings/{finding.Key}", $$"""{"owner": "{{new string('x', 257)}}"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("at most 256", (await response.ReadAsync<ProblemBody>()).Detail);
    }

    [Fact]
    public async Task Patch_AsReader_Returns403AndChangesNothing()
    {
        using var alex = portal.ClientAs("alex");
        using var riley = portal.ClientAs("riley");
        var finding = (await riley.AllFindingsAsync("status=active")).First();

        var response = await riley.PatchJsonAsync($"/api/v1/findings/{finding.Key}", """{"owner": "riley"}""");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null((await (await alex.GetAsync($"/api/v1/findings/{finding.Key}")).ReadAsync<FindingDetailBody>()).Finding.Owner);
    }

    [Fact]
    public async Task Patch_ContributorOutsideTheClustersTeams_Returns404()
    {
        using var alex = portal.ClientAs("alex");
        using var casey = portal.ClientAs("casey");
        // casey, the sample Contributor, is in the Payments team only.
        var orders = await portal.SampleTeamIdAsync("Orders");
        var finding = (await alex.AllFindingsAsync($"status=active&teamId={orders}")).First();

        var response = await casey.PatchJsonAsync($"/api/v1/findings/{finding.Key}", """{"owner": "casey"}""");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Overdue_PastDueActiveFinding_IsListedUntilWontFix()
    {
        using var client = portal.ClientAs("alex");
        var finding = await ActiveFindingAsync(client, 6);
        var owner = $"late-{Guid.NewGuid():N}";

        var listed = await (await client.PatchJsonAsync($"/api/v1/findings/{finding.Key}", $$"""{"owner": "{{owner}}", "dueAt": "2026-11-01"}""")).ReadAsync<ExplorerFindingBody>();
        var overdue = await client.AllFindingsAsync($"overdue=true&owner={owner}");
        await client.PatchJsonAsync($"/api/v1/findings/{finding.Key}", """{"workflowStatus": "wont-fix"}""");
        var afterWontFix = await client.AllFindingsAsync($"overdue=true&owner={owner}");

        Assert.True(listed.Overdue);
        Assert.Equal([finding.Key], overdue.Select(f => f.Key));
        Assert.Empty(afterWontFix);
    }

    [Fact]
    public async Task Patch_DueToday_IsNotOverdue()
    {
        using var client = portal.ClientAs("alex");
        var finding = await ActiveFindingAsync(client, 7);

        var updated = await (await client.PatchJsonAsync($"/api/v1/findings/{finding.Key}", """{"dueAt": "2026-11-02"}""")).ReadAsync<ExplorerFindingBody>();

        Assert.False(updated.Overdue);
    }

    // Each test takes a different finding, so tests sharing the sample fleet do not see each other's changes.
    private static async Task<ExplorerFindingBody> ActiveFindingAsync(HttpClient client, int index) =>
        (await client.AllFindingsAsync("status=active&sort=clusterName")).Where(f => f.ObjectKey.Length == 0).ElementAt(index * 3);
}
