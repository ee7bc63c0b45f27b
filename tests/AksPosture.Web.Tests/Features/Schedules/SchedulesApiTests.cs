using System.Net;
using AksPosture.Web.Features.Assessments;
using AksPosture.Web.Features.Schedules;
using AksPosture.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AksPosture.Web.Tests.Features.Schedules;

public sealed class SchedulesApiTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task ListSchedules_NewInstallation_HasOneDailyFleetScheduleRegisteredWithHangfire()
    {
        using var client = portal.Factory.CreateClient();

        var schedules = await (await client.GetAsync("/api/v1/schedules")).ReadAsync<List<ScheduleBody>>();

        var daily = Assert.Single(schedules, s => s.Id == AssessmentSchedule.DefaultId);
        Assert.Equal(("0 2 * * *", "UTC", "fleet", false), (daily.Cron, daily.TimeZone, daily.Scope, daily.Paused));
        Assert.Equal(2, daily.NextRunAt!.Value.UtcDateTime.Hour);
        Assert.Contains(AssessmentSchedule.RecurringJobIdFor(daily.Id), portal.Service<ScheduleSync>().RegisteredJobIds());
    }

    [Fact]
    public async Task CreateSchedule_Valid_Returns201WithLocationAndRegistersTheRecurringJob()
    {
        using var client = portal.Factory.CreateClient();

        var response = await client.PostJsonAsync("/api/v1/schedules", """
            { "name": "Weekday mornings", "cron": "0 6 * * 1-5", "timeZone": "Europe/Amsterdam", "scope": "subscription:7A1C2F4E-3B5D-4C6E-8F90-1A2B3C4D5E60" }
            """);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.ReadAsync<ScheduleBody>();
        Assert.Equal($"/api/v1/schedules/{created.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal("subscription:7a1c2f4e-3b5d-4c6e-8f90-1a2b3c4d5e60", created.Scope);
        var amsterdam = TimeZoneInfo.ConvertTime(created.NextRunAt!.Value, TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam"));
        Assert.Equal(6, amsterdam.Hour);
        Assert.Contains(AssessmentSchedule.RecurringJobIdFor(created.Id), portal.Service<ScheduleSync>().RegisteredJobIds());
        Assert.Equal(created.Id, (await (await client.GetAsync($"/api/v1/schedules/{created.Id}")).ReadAsync<ScheduleBody>()).Id);
    }

    [Theory]
    [InlineData("""{ "name": "x", "cron": "every day at two" }""", "cron", "five fields")]
    [InlineData("""{ "name": "x", "cron": "0 2 * *" }""", "cron", "has 4 field(s)")]
    [InlineData("""{ "name": "x", "cron": "0 0 31 2 *" }""", "cron", "never fires")]
    [InlineData("""{ "name": "x", "cron": "0 2 * * *", "timeZone": "Mars/Olympus" }""", "timeZone", "Europe/Amsterdam")]
    [InlineData("""{ "name": "x", "cron": "0 2 * * *", "scope": "region:westeurope" }""", "scope", "tag:<key>=<value>")]
    [InlineData("""{ "name": "", "cron": "0 2 * * *" }""", "name", "1 to 128 characters")]
    public async Task CreateSchedule_Invalid_Returns400SayingWhatToFix(string body, string field, string message)
    {
        using var client = portal.Factory.CreateClient();

        var response = await client.PostJsonAsync("/api/v1/schedules", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadAsync<ProblemBody>();
        Assert.Contains(message, Assert.Single(problem.Errors![field]));
        Assert.Contains(message, problem.Detail);
    }

    [Fact]
    public async Task UpdateSchedule_NewCronAndScope_ReturnsItAndKeepsHangfireInStep()
    {
        using var client = portal.Factory.CreateClient();
        var created = await CreateAsync(client, "Nightly");

        var response = await client.PutJsonAsync($"/api/v1/schedules/{created.Id}", """
            { "name": "Nightly production", "cron": "30 1 * * *", "timeZone": "America/New_York", "scope": "tag:Environment=production" }
            """);

        var updated = await response.ReadAsync<ScheduleBody>();
        Assert.Equal(("Nightly production", "30 1 * * *", "America/New_York", "tag:environment=production"), (updated.Name, updated.Cron, updated.TimeZone, updated.Scope));
        Assert.Contains(AssessmentSchedule.RecurringJobIdFor(created.Id), portal.Service<ScheduleSync>().RegisteredJobIds());
    }

    [Fact]
    public async Task UpdateSchedule_UnknownId_Returns404()
    {
        using var client = portal.Factory.CreateClient();

        var response = await client.PutJsonAsync($"/api/v1/schedules/{Guid.NewGuid()}", """{ "name": "x", "cron": "0 2 * * *" }""");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task PauseSchedule_Active_RemovesTheRecurringJobAndResumeAddsItBack()
    {
        using var client = portal.Factory.CreateClient();
        var created = await CreateAsync(client, "Pausable");
        var jobId = AssessmentSchedule.RecurringJobIdFor(created.Id);

        var paused = await (await client.PostAsync($"/api/v1/schedules/{created.Id}/pause", null)).ReadAsync<ScheduleBody>();
        var registeredWhilePaused = portal.Service<ScheduleSync>().RegisteredJobIds().Contains(jobId);
        var resumed = await (await client.PostAsync($"/api/v1/schedules/{created.Id}/resume", null)).ReadAsync<ScheduleBody>();

        Assert.True(paused.Paused);
        Assert.Null(paused.NextRunAt);
        Assert.False(registeredWhilePaused);
        Assert.False(resumed.Paused);
        Assert.Contains(jobId, portal.Service<ScheduleSync>().RegisteredJobIds());
    }

    [Fact]
    public async Task DeleteSchedule_Existing_Returns204ThenItIsGoneFromTheTableAndHangfire()
    {
        using var client = portal.Factory.CreateClient();
        var created = await CreateAsync(client, "Short-lived");

        var deleted = await client.DeleteAsync($"/api/v1/schedules/{created.Id}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/schedules/{created.Id}")).StatusCode);
        Assert.DoesNotContain(AssessmentSchedule.RecurringJobIdFor(created.Id), portal.Service<ScheduleSync>().RegisteredJobIds());
    }

    [Fact]
    public async Task ScheduleJob_FiresTwiceWhileTheFirstRunIsQueued_StartsOneRunOfTheScheduleScope()
    {
        using var client = portal.Factory.CreateClient();
        var subscription = RunDriver.NewSubscription();
        var created = await (await client.PostJsonAsync("/api/v1/schedules", $$"""
            { "name": "Fires", "cron": "0 0 1 1 *", "scope": "subscription:{{subscription}}" }
            """)).ReadAsync<ScheduleBody>();

        await portal.Service<ScheduleJob>().TriggerAsync(created.Id, CancellationToken.None);
        await portal.Service<ScheduleJob>().TriggerAsync(created.Id, CancellationToken.None);

        await using var db = await portal.CreateDbAsync();
        var run = await db.AssessmentRuns.SingleAsync(r => r.ScheduleId == created.Id);
        Assert.Equal((RunService.ScheduleTrigger, $"subscription:{subscription}", RunStatus.Queued), (run.Trigger, run.Scope, run.Status));
        var schedule = await (await client.GetAsync($"/api/v1/schedules/{created.Id}")).ReadAsync<ScheduleBody>();
        Assert.Equal(run.Id, schedule.LastRunId);
        Assert.NotNull(schedule.LastTriggeredAt);
    }

    [Fact]
    public async Task SchedulesPage_Get_ListsTheDailyFleetSchedule()
    {
        using var client = portal.Factory.CreateClient();

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/schedules"));

        Assert.Contains("Daily fleet assessment", html);
        Assert.Contains("0 2 * * *", html);
    }

    private static async Task<ScheduleBody> CreateAsync(HttpClient client, string name) =>
        await (await client.PostJsonAsync("/api/v1/schedules", $$"""{ "name": "{{name}}", "cron": "0 0 1 1 *" }""")).ReadAsync<ScheduleBody>();
}
