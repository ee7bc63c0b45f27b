using System.Text.Json;
using AksPosture.Web.Tests.Infrastructure;

namespace AksPosture.Web.Tests.Access;

public sealed class ScheduleAuditTests(EmptyEntraPortalFixture portal) : IClassFixture<EmptyEntraPortalFixture>
{
    [Fact]
    public async Task ScheduleChanges_ThroughTheApi_AreEachRecordedWithTheTokensUserAndTheValuesBeforeAndAfter()
    {
        using var admin = portal.ClientAs(EntraPortalFixture.Admin);
        var created = await (await admin.PostJsonAsync("/api/v1/schedules", """{ "name": "Audited", "cron": "0 3 * * *" }""")).ReadAsync<ScheduleBody>();
        var url = $"/api/v1/schedules/{created.Id}";
        (await admin.PutJsonAsync(url, """{ "name": "Audited nightly", "cron": "0 4 * * *", "scope": "tag:team=payments" }""")).EnsureSuccessStatusCode();
        (await admin.PostAsync($"{url}/pause", null)).EnsureSuccessStatusCode();
        (await admin.PostAsync($"{url}/resume", null)).EnsureSuccessStatusCode();
        (await admin.DeleteAsync(url)).EnsureSuccessStatusCode();

        var entries = await (await admin.GetAsync($"/api/v1/audit?entityType=schedule&entityId={created.Id}")).ReadAsync<PageBody<AuditBody>>();

        Assert.Equal(["schedule.delete", "schedule.resume", "schedule.pause", "schedule.update", "schedule.create"], entries.Items.Select(e => e.Action));
        Assert.All(entries.Items, e => Assert.Equal(("admin-oid", "Ada Admin"), (e.ActorId, e.ActorName)));
        var (delete, resume, pause, update, create) = (entries.Items[0], entries.Items[1], entries.Items[2], entries.Items[3], entries.Items[4]);
        Assert.Null(create.Before);
        Assert.Equal("0 3 * * *", create.After!.Value.GetProperty("cron").GetString());
        Assert.Equal(("Audited", "Audited nightly"), (update.Before!.Value.GetProperty("name").GetString(), update.After!.Value.GetProperty("name").GetString()));
        Assert.Equal("tag:team=payments", update.After!.Value.GetProperty("scope").GetString());
        Assert.Equal((false, true), (pause.Before!.Value.GetProperty("paused").GetBoolean(), pause.After!.Value.GetProperty("paused").GetBoolean()));
        Assert.Equal((true, false), (resume.Before!.Value.GetProperty("paused").GetBoolean(), resume.After!.Value.GetProperty("paused").GetBoolean()));
        Assert.Equal(("Audited nightly", null), (delete.Before!.Value.GetProperty("name").GetString(), delete.After));
    }

    [Fact]
    public async Task ScheduleChange_RefusedForAReader_LeavesNoAuditEntry()
    {
        using var reader = portal.ClientAs(EntraPortalFixture.PaymentsReader);
        using var admin = portal.ClientAs(EntraPortalFixture.Admin);

        var refused = await reader.PostJsonAsync("/api/v1/schedules", """{ "name": "Not mine", "cron": "0 3 * * *" }""");
        var entries = await (await admin.GetAsync($"/api/v1/audit?actor={EntraPortalFixture.PaymentsReader.ObjectId}")).ReadAsync<PageBody<AuditBody>>();

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(0, entries.Total);
    }
}

public sealed record AuditBody(long Id, DateTimeOffset At, string ActorId, string ActorName, string Action, string EntityType, string EntityId, JsonElement? Before, JsonElement? After);
