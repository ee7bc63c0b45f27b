using System.Net;
using AksPosture.Web.Tests.Infrastructure;

namespace AksPosture.Web.Tests.Hosting;

public sealed class HealthEndpointTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task ReadyHealth_AfterMigration_Returns200()
    {
        using var client = portal.Factory.CreateClient();

        var response = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"status\":\"Healthy\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task LiveHealth_ProcessRunning_Returns200()
    {
        using var client = portal.Factory.CreateClient();

        var response = await client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
