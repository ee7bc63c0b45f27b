using AksPosture.Web.Tests.Infrastructure;

namespace AksPosture.Web.Tests.Hosting;

public sealed class StartupTests
{
    [Fact]
    public void Startup_WithoutConnectionString_FailsSayingHowToConfigureIt()
    {
        using var factory = new PortalFactory(connectionString: "", sampleFleet: false);

        var error = Assert.ThrowsAny<Exception>(() => factory.Server);

        var message = error is InvalidOperationException ? error.Message : error.InnerException?.Message ?? error.Message;
        Assert.Contains("ConnectionStrings__Posture", message);
        Assert.Contains("scripts/run-portal.sh", message);
    }
}
