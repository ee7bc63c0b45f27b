using System.Net;
using AksPosture.Web.Tests.Access;

namespace AksPosture.Web.Tests.Hosting;

public sealed class JobsDashboardTests(EntraPortalFixture portal) : IClassFixture<EntraPortalFixture>
{
    private const string Dashboard = "/ops/jobs";

    [Fact]
    public async Task JobsDashboard_Admin_Opens()
    {
        using var client = portal.ClientAs(EntraPortalFixture.Admin);

        var response = await client.GetAsync(Dashboard);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("AksPosture jobs", html);

        // The portal's content security policy allows no inline script here (no import map), so the dashboard must need none.
        Assert.DoesNotMatch("<script(?![^>]*\\bsrc=)[^>]*>", html);
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task JobsDashboard_Approver_IsForbidden()
    {
        using var client = portal.ClientAs(EntraPortalFixture.Approver);

        var response = await client.GetAsync(Dashboard);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task JobsDashboard_BrowserWithoutSession_IsSentToSignIn()
    {
        using var client = portal.ClientAs(null);
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");

        var response = await client.GetAsync(Dashboard);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/sign-in?returnUrl=%2Fops%2Fjobs", response.Headers.Location!.PathAndQuery);
    }
}
