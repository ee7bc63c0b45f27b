using System.Net;
using AksPosture.Web.Tests.Infrastructure;

namespace AksPosture.Web.Tests.Hosting;

public sealed class UnmigratedDatabaseTests(UnmigratedPortalFixture portal) : IClassFixture<UnmigratedPortalFixture>
{
    [Fact]
    public async Task ReadyHealth_MigrationsPending_Returns503WithReason()
    {
        using var client = portal.Factory.CreateClient();

        var response = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("Database__MigrateOnStartup=true", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task LiveHealth_MigrationsPending_Returns200()
    {
        using var client = portal.Factory.CreateClient();

        var response = await client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
