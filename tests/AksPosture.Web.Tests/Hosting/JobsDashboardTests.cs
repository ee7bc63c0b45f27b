using System.Net;
using AksPosture.Web.Tests.Infrastructure;

namespace AksPosture.Web.Tests.Hosting;

public sealed class JobsDashboardTests
{
    [Fact]
    public async Task JobsDashboard_Production_IsForbidden()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var factory = new PortalFactory(database.ConnectionString, sampleFleet: false, environment: "Production");
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/ops/jobs");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
