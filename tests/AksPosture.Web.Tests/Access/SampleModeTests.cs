using System.Net;
using AksPosture.Web.Features.Access;
using AksPosture.Web.Tests.Infrastructure;

namespace AksPosture.Web.Tests.Access;

/// <summary>Development without Entra ID: everyone acts as a sample user, says so on every page, and can switch.</summary>
public sealed class SampleModeTests(SampleFleetPortalFixture portal) : IClassFixture<SampleFleetPortalFixture>
{
    [Fact]
    public async Task Page_NoChoice_ShowsTheBannerNamingTheSampleAdministratorAndTheSwitchMenu()
    {
        using var client = portal.Factory.CreateClient();

        var html = await client.GetStringAsync("/runs");

        Assert.Contains("data-testid=\"sample-mode-banner\"", html);
        Assert.Contains(SampleUsers.Default.Name, html);
        Assert.Contains("data-testid=\"sample-user-menu\"", html);
        Assert.DoesNotContain("data-testid=\"sign-out\"", html);
    }

    [Fact]
    public async Task ActAs_SampleReader_BannerNamesThemAndTheirScopeIsTheirTeam()
    {
        await portal.SampleFleetLoadedAsync();
        using var client = portal.Factory.CreateClient(new() { AllowAutoRedirect = false });

        var switched = await client.GetAsync("/sample/act-as/riley?returnUrl=/runs");
        var cookie = switched.Headers.GetValues("Set-Cookie").Single();
        client.DefaultRequestHeaders.Add("Cookie", cookie.Split(';')[0]);
        var html = await client.GetStringAsync("/runs");
        var fleet = await (await client.GetAsync("/api/v1/scores")).ReadAsync<ScoresBody>();
        var audit = await client.GetAsync("/api/v1/audit");

        Assert.Equal(("/runs", HttpStatusCode.Redirect), (switched.Headers.Location!.OriginalString, switched.StatusCode));
        Assert.Contains(SampleUsers.Find("riley")!.Name, html);
        Assert.Equal(5, fleet.Clusters);
        Assert.Equal(HttpStatusCode.Forbidden, audit.StatusCode);
    }

    [Fact]
    public async Task ActAs_ReturnUrlToAnotherSite_GoesHome()
    {
        using var client = portal.Factory.CreateClient(new() { AllowAutoRedirect = false });

        var switched = await client.GetAsync("/sample/act-as/avery?returnUrl=//evil.example/");

        Assert.Equal("/", switched.Headers.Location!.OriginalString);
    }
}
