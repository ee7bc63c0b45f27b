using AksPosture.AzureEmulator;
using Azure.Core;
using Microsoft.Extensions.DependencyInjection;

namespace AksPosture.Web.Tests.Infrastructure;

/// <summary>
/// A portal configured for live Azure (scope: all subscriptions) against an emulator of its own: HTTPS on loopback
/// with the emulator's certificate trusted, a fixed token, short retry delays. No workers: tests drive runs by hand.
/// </summary>
public sealed class LiveAzurePortal : PortalFixture, IAsyncDisposable
{
    private readonly DirectoryInfo _folder;
    private readonly Dictionary<string, string?> _settings;

    private LiveAzurePortal(AzureEmulatorServer emulator, DirectoryInfo folder, IReadOnlyDictionary<string, string>? settings)
    {
        Emulator = emulator;
        _folder = folder;
        _settings = new Dictionary<string, string?>
        {
            ["Azure:Scope"] = "all",
            ["Azure:ArmEndpoint"] = emulator.BaseUri.AbsoluteUri,
            ["Azure:TrustedRootCertificateFile"] = emulator.WriteCertificate(folder.FullName),
            ["Azure:MaxRetries"] = "1",
            ["Azure:RetryDelay"] = "00:00:00.050",
            ["Azure:MaxRetryDelay"] = "00:00:01",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            _settings[key] = value;
        }
    }

    public AzureEmulatorServer Emulator { get; }

    protected override IReadOnlyDictionary<string, string?>? Settings => _settings;

    /// <summary>Starts an emulator (6 clusters in 2 subscriptions unless told otherwise), then the portal pointed at it.</summary>
    public static async Task<LiveAzurePortal> StartAsync(EmulatorOptions? emulator = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        var server = await AzureEmulatorServer.StartAsync(emulator ?? new EmulatorOptions { Clusters = 6, Subscriptions = 2 });
        var portal = new LiveAzurePortal(server, Directory.CreateTempSubdirectory("aksposture-live-portal-"), settings);
        await portal.InitializeAsync();
        return portal;
    }

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        await DisposeAsync();
        await Emulator.DisposeAsync();
        _folder.Delete(recursive: true);
    }

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TokenCredential>(new FixedTokenCredential());

    private sealed class FixedTokenCredential : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new("portal-test-token", DateTimeOffset.UtcNow.AddHours(1));

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
