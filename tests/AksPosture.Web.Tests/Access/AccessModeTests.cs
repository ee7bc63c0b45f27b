using AksPosture.Web.Features.Access;
using AksPosture.Web.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace AksPosture.Web.Tests.Access;

public sealed class AccessModeTests
{
    [Fact]
    public void Resolve_DevelopmentWithoutEntraId_IsTheSampleMode()
    {
        var mode = AccessMode.Resolve(Configuration([]), new Environment("Development"));

        Assert.True(mode.IsSample);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void Resolve_OtherEnvironmentWithoutEntraId_RefusesSayingWhatToSet(string environment)
    {
        var error = Assert.Throws<InvalidOperationException>(() => AccessMode.Resolve(Configuration([]), new Environment(environment)));

        foreach (var setting in new[] { "AzureAd__Instance", "AzureAd__TenantId", "AzureAd__ClientId", "AzureAd__ClientSecret", "ASPNETCORE_ENVIRONMENT=Development" })
        {
            Assert.Contains(setting, error.Message);
        }
    }

    [Fact]
    public void Resolve_EntraIdWithoutTenantOrSecret_RefusesNamingEachMissingSetting()
    {
        var settings = new Dictionary<string, string?> { ["AzureAd:ClientId"] = TestIdentityProvider.ClientId, ["AzureAd:Instance"] = "http://login.example/" };

        var error = Assert.Throws<InvalidOperationException>(() => AccessMode.Resolve(Configuration(settings), new Environment("Development")));

        Assert.Contains("AzureAd__Instance", error.Message);
        Assert.Contains("AzureAd__TenantId", error.Message);
        Assert.Contains("AzureAd__ClientSecret", error.Message);
    }

    [Fact]
    public void Resolve_SharedTenant_Refuses()
    {
        var settings = new Dictionary<string, string?>(TestIdentityProvider.Settings) { ["AzureAd:TenantId"] = "organizations" };

        var error = Assert.Throws<InvalidOperationException>(() => AccessMode.Resolve(Configuration(settings), new Environment("Production")));

        Assert.Contains("'organizations'", error.Message);
    }

    [Fact]
    public void Resolve_CertificateInsteadOfSecret_IsEntraId()
    {
        var settings = new Dictionary<string, string?>(TestIdentityProvider.Settings) { ["AzureAd:ClientSecret"] = null };
        settings["AzureAd:ClientCredentials:0:SourceType"] = "KeyVault";
        settings["AzureAd:ClientCredentials:0:KeyVaultUrl"] = "https://vault.example/";
        settings["AzureAd:ClientCredentials:0:KeyVaultCertificateName"] = "aksposture";

        var mode = AccessMode.Resolve(Configuration(settings), new Environment("Production"));

        Assert.False(mode.IsSample);
    }

    [Fact]
    public async Task Startup_ProductionWithoutEntraId_FailsWithTheMessage()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var factory = new PortalFactory(database.ConnectionString, sampleFleet: false, environment: "Production");

        var error = Assert.ThrowsAny<Exception>(() => factory.Server);

        var message = error is InvalidOperationException ? error.Message : error.InnerException?.Message ?? error.Message;
        Assert.Equal(AccessMode.NotConfiguredMessage, message);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "AksPosture.Web";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
