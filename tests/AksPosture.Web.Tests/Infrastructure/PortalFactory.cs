using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AksPosture.Web.Tests.Infrastructure;

/// <summary>
/// The portal in-process against one test database, with a fake clock. Hangfire workers run only when asked for, so
/// tests that drive jobs by hand see no job run behind their back.
/// </summary>
public sealed class PortalFactory(
    string connectionString,
    bool? sampleFleet,
    bool migrate = true,
    bool worker = false,
    string? environment = null,
    Action<IServiceCollection>? configureServices = null,
    IReadOnlyDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // UseSetting, not ConfigureAppConfiguration: Program reads the connection string before Build().
        builder.UseSetting("ConnectionStrings:Posture", connectionString);
        builder.UseSetting("Database:MigrateOnStartup", migrate ? "true" : "false");
        if (sampleFleet is { } sample)
        {
            builder.UseSetting("SampleFleet:Enabled", sample ? "true" : "false");
        }

        builder.UseSetting("Jobs:Worker", worker ? "true" : "false");
        builder.UseSetting("Jobs:WorkerCount", "2");
        builder.UseSetting("Jobs:PollInterval", "00:00:00.200");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        if (environment is not null)
        {
            builder.UseEnvironment(environment);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Time);
            configureServices?.Invoke(services);
        });
    }
}
