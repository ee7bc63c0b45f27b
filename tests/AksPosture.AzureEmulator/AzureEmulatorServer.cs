using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using AksPosture.AzureEmulator.Endpoints;
using AksPosture.AzureEmulator.Fixtures;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace AksPosture.AzureEmulator;

/// <summary>
/// A small stand-in for Azure on 127.0.0.1 (HTTPS, a random port): ARM (managed clusters, agent pools, diagnostic
/// settings, maintenance configurations, Defender pricing, listClusterUserCredential), Resource Graph (paging, quota
/// headers and the 15-per-5-seconds quota), Monitor metrics, and each cluster's Kubernetes API under
/// <c>/k8s/{cluster}/</c>, all from <see cref="FleetFixture"/>. Latency, 429s and 5xx are injected as configured.
/// </summary>
public sealed class AzureEmulatorServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private AzureEmulatorServer(WebApplication app, EmulatorOptions options, FleetFixture fleet, X509Certificate2 certificate, int closedPort)
    {
        _app = app;
        Options = options;
        Fleet = fleet;
        Certificate = certificate;
        ClosedPort = closedPort;
    }

    public EmulatorOptions Options { get; }

    public FleetFixture Fleet { get; }

    public X509Certificate2 Certificate { get; }

    public string CertificatePem => Certificate.ExportCertificatePem();

    public Uri BaseUri { get; private set; } = null!;

    public CallLog Log { get; } = new();

    public EmulatorFaults Faults { get; } = new();

    /// <summary>A loopback port nothing listens on: the API server address of unreachable clusters.</summary>
    public int ClosedPort { get; }

    public static async Task<AzureEmulatorServer> StartAsync(EmulatorOptions? options = null)
    {
        options ??= new EmulatorOptions();
        var fleet = new FleetFixture(options);
        var certificate = EmulatorCertificate.Create();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        var app = builder.Build();
        var emulator = new AzureEmulatorServer(app, options, fleet, certificate, FindClosedPort());
        var handler = new EmulatorHandler(emulator);
        app.Run(handler.HandleAsync);
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        emulator.BaseUri = new Uri(address.EndsWith('/') ? address : address + "/");
        return emulator;
    }

    /// <summary>Writes the certificate as PEM, for clients that trust it from a file (the CLI's --ca-certificate).</summary>
    public string WriteCertificate(string folder)
    {
        var path = Path.Combine(folder, "azure-emulator.pem");
        File.WriteAllText(path, CertificatePem);
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        Certificate.Dispose();
    }

    private static int FindClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
