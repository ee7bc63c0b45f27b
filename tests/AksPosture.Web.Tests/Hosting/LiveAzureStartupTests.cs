using AksPosture.Web.Features.Assessments;
using AksPosture.Web.Features.Collection;
using AksPosture.Web.Features.SampleFleet;
using AksPosture.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AksPosture.Web.Tests.Hosting;

public sealed class LiveAzureStartupTests
{
    [Fact]
    public async Task Startup_AzureScopeSet_RunsUseLiveAzureAndTheSampleFleetIsOff()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var factory = new PortalFactory(database.ConnectionString, sampleFleet: null, settings: new Dictionary<string, string?>
        {
            ["Azure:Scope"] = "management-group:mg-platform",
            ["Azure:ArmEndpoint"] = "https://management.chinacloudapi.cn",
        });

        Assert.IsType<AzureClusterSource>(factory.Services.GetRequiredService<IClusterSource>());
        Assert.False(factory.Services.GetRequiredService<IOptions<SampleFleetOptions>>().Value.Enabled);
        var connection = factory.Services.GetRequiredService<IOptions<Engine.Collection.AzureConnectionOptions>>().Value;
        Assert.Equal("https://management.chinacloudapi.cn/.default", connection.TokenScope);
    }

    [Fact]
    public async Task Startup_NoAzureScope_RunsReassessStoredSnapshotsAndTheSampleFleetIsOn()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var factory = new PortalFactory(database.ConnectionString, sampleFleet: null);

        Assert.IsType<StoredClusterSource>(factory.Services.GetRequiredService<IClusterSource>());
        Assert.True(factory.Services.GetRequiredService<IOptions<SampleFleetOptions>>().Value.Enabled);
        Assert.Equal("https://management.azure.com/.default", factory.Services.GetRequiredService<IOptions<Engine.Collection.AzureConnectionOptions>>().Value.TokenScope);
    }

    [Fact]
    public async Task Startup_AzureScopeNotAScope_RefusesToStartNamingTheSetting()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var factory = new PortalFactory(database.ConnectionString, sampleFleet: false, settings: new Dictionary<string, string?>
        {
            ["Azure:Scope"] = "tenant:contoso",
        });

        var error = Assert.ThrowsAny<OptionsValidationException>(() => factory.Server);

        Assert.Contains("Azure:Scope 'tenant:contoso' is not a scope: use 'all', 'subscription:<GUID>", error.Message, StringComparison.Ordinal);
    }
}
