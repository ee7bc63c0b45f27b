using System.Collections.Concurrent;
using AksPosture.AzureEmulator;
using AksPosture.Engine.Collection;
using Azure.Core;

namespace AksPosture.Engine.Tests.Collection;

/// <summary>An emulator and a client pointed at it (short retry delays, the emulator's certificate trusted).</summary>
internal sealed class EmulatedAzure : IAsyncDisposable
{
    private readonly DirectoryInfo _folder;

    private EmulatedAzure(AzureEmulatorServer emulator, DirectoryInfo folder, AzureRestClient client, RecordingCredential credential)
    {
        Emulator = emulator;
        _folder = folder;
        Client = client;
        Credential = credential;
    }

    public AzureEmulatorServer Emulator { get; }

    public AzureRestClient Client { get; }

    public RecordingCredential Credential { get; }

    public static async Task<EmulatedAzure> StartAsync(EmulatorOptions? options = null, TimeSpan? callTimeout = null)
    {
        var emulator = await AzureEmulatorServer.StartAsync(options ?? new EmulatorOptions());
        var folder = Directory.CreateTempSubdirectory("aksposture-emulator-");
        var connection = new AzureConnectionOptions
        {
            ArmEndpoint = emulator.BaseUri,
            TrustedRootCertificateFile = emulator.WriteCertificate(folder.FullName),
            RetryDelay = TimeSpan.FromMilliseconds(50),
            MaxRetryDelay = TimeSpan.FromSeconds(2),
            CallTimeout = callTimeout ?? TimeSpan.FromSeconds(30),
        };
        var credential = new RecordingCredential();
        return new EmulatedAzure(emulator, folder, new AzureRestClient(connection, credential), credential);
    }

    public Task<FleetCollection> CollectAsync(bool kubernetes = false, FleetScope? scope = null, IProgress<CollectionProgress>? progress = null, CancellationToken cancellationToken = default) =>
        new FleetCollector(Client).CollectAsync(new FleetCollectorOptions { Scope = scope ?? FleetScope.AllSubscriptions, CollectKubernetes = kubernetes }, progress, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await Emulator.DisposeAsync();
        _folder.Delete(recursive: true);
    }
}

/// <summary>Hands out a fixed token and remembers the scopes it was asked for.</summary>
internal sealed class RecordingCredential : TokenCredential
{
    public ConcurrentBag<string> Scopes { get; } = [];

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        foreach (var scope in requestContext.Scopes)
        {
            Scopes.Add(scope);
        }

        return new AccessToken("test-token", DateTimeOffset.UtcNow.AddHours(1));
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}
