using AksPosture.Web.Features.Access;
using AksPosture.Web.Features.Schedules;
using AksPosture.Web.Tests.Infrastructure;
using AngleSharp.Dom;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace AksPosture.Web.Tests.Features.Schedules;

/// <summary>The Schedules page against a test portal's database: the list, the form, pausing and deleting.</summary>
public sealed class SchedulesPageTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task SchedulesPage_NewInstallation_ListsTheDailyFleetScheduleWithItsNextRun()
    {
        await using var context = NewContext();

        var cut = context.Render<SchedulesPage>();

        var cells = cut.WaitForElement("tbody tr", TimeSpan.FromSeconds(15)).QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["Daily fleet assessment", "0 2 * * *", "UTC", "fleet"], cells.Take(4));
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} 02:00 UTC$", cells[4]);
        Assert.Equal("never", cells[5]);
    }

    [Fact]
    public async Task CreateSchedule_ValidForm_ListsItAndSaysSo()
    {
        await using var context = NewContext();
        var cut = context.Render<SchedulesPage>();
        cut.WaitForElement("tbody tr");

        await FillAsync(cut, "Weekday mornings", "0 6 * * 1-5", "Europe/Amsterdam", "fleet");
        await cut.ClickButtonAsync("Create");

        var row = cut.WaitForElement("tbody tr:has(td:first-child:contains('Weekday mornings'))");
        Assert.Equal(["0 6 * * 1-5", "Europe/Amsterdam", "fleet"], row.QuerySelectorAll("td").Skip(1).Take(3).Select(td => td.TextContent.Trim()));
        Assert.Contains("Schedule 'Weekday mornings' saved.", context.Snackbars());
    }

    [Fact]
    public async Task CreateSchedule_BadCronAndTimeZone_ShowsWhatToFixAndCreatesNothing()
    {
        await using var context = NewContext();
        var cut = context.Render<SchedulesPage>();
        var before = cut.WaitForElements("tbody tr").Count;

        await FillAsync(cut, "Broken", "every morning", "Mars/Olympus", "fleet");
        await cut.ClickButtonAsync("Create");

        var errors = cut.FindAll(".mud-input-helper-text.mud-input-error").Select(e => e.TextContent.Trim()).ToList();
        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.Contains("every morning"));
        Assert.Contains(errors, e => e.Contains("Mars/Olympus"));
        Assert.Equal(before, (await portal.Service<ScheduleService>().ListAsync(CancellationToken.None)).Count);
    }

    [Fact]
    public async Task PauseResumeDelete_OneSchedule_ShowsEachChangeInTheList()
    {
        const string name = "Paused then gone";
        await portal.Service<ScheduleService>().CreateAsync(PortalUser.System, new ScheduleRequest(name, "30 4 * * *"), CancellationToken.None);
        await using var context = NewContext();
        var cut = context.Render<SchedulesPage>();
        var row = $"tbody tr:has(td:first-child:contains('{name}'))";
        IElement Row() => cut.WaitForElement(row);

        await cut.ClickAsync($"{row} button[aria-label=Pause]");
        var paused = Row().TextContent;
        await cut.ClickAsync($"{row} button[aria-label=Resume]");
        var resumed = Row().TextContent;
        await cut.ClickAsync($"{row} button[aria-label=Delete]");

        Assert.Contains("paused", paused);
        Assert.DoesNotContain("paused", resumed);
        cut.WaitForAssertion(() => Assert.DoesNotContain(cut.FindAll("tbody tr"), r => r.TextContent.Contains(name)));
        Assert.DoesNotContain(await portal.Service<ScheduleService>().ListAsync(CancellationToken.None), s => s.Name == name);
    }

    private static async Task FillAsync(IRenderedComponent<SchedulesPage> cut, string name, string cron, string timeZone, string scope)
    {
        await cut.ChangeFieldAsync("Name", name);
        await cut.ChangeFieldAsync("Cron", cron);
        await cut.ChangeFieldAsync("Time zone", timeZone);
        await cut.ChangeFieldAsync("Scope", scope);
    }

    private BunitContext NewContext() => PageContext.For(portal, (services, p) => services.AddSingleton(p.Service<ScheduleService>()));
}
