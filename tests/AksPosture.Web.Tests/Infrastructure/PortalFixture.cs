using AksPosture.Web.Data;
using AksPosture.Web.Features.Assessments;
using AksPosture.Web.Features.SampleFleet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AksPosture.Web.Tests.Infrastructure;

/// <summary>One migrated database and one portal for a test class; the database is dropped afterwards.</summary>
public class PortalFixture : IAsyncLifetime
{
    private TestDatabase? _database;
    private PortalFactory? _factory;

    protected virtual bool SampleFleet => false;

    protected virtual bool Migrate => true;

    protected virtual bool Worker => false;

    /// <summary>Extra configuration, e.g. the AzureAd section of a portal that signs in with Entra ID.</summary>
    protected virtual IReadOnlyDictionary<string, string?>? Settings => null;

    /// <summary>The hosting environment; null keeps the factory's (Development).</summary>
    protected virtual string? EnvironmentName => null;

    public PortalFactory Factory => _factory ?? throw new InvalidOperationException("The fixture is not initialised.");

    public string ConnectionString => _database!.ConnectionString;

    public async Task InitializeAsync()
    {
        _database = await PostgresServer.CreateDatabaseAsync();
        _factory = new PortalFactory(_database.ConnectionString, SampleFleet, Migrate, Worker, EnvironmentName, ConfigureServices, Settings);

        // Starting the server runs Program: migrations, then hosted services.
        _ = _factory.Server;
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    public T Service<T>()
        where T : notnull => Factory.Services.GetRequiredService<T>();

    public Task<AppDbContext> CreateDbAsync() => Service<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();

    /// <summary>Waits for the sample fleet job (queued at start) to have stored its run and then its teams.</summary>
    public async Task SampleFleetLoadedAsync()
    {
        await Eventually.Async(async () =>
        {
            await using var db = await CreateDbAsync();
            return await db.AssessmentRuns.AnyAsync(r => r.Trigger == SampleFleetJob.Trigger && r.Status != RunStatus.Running)
                && await db.Teams.AnyAsync();
        }, "the sample fleet run to finish and its teams to be stored");
    }

    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }
}

public sealed class SampleFleetPortalFixture : PortalFixture
{
    protected override bool SampleFleet => true;

    protected override bool Worker => true;

    /// <summary>The id of a sample team (Payments, Orders, Web, Data, Platform); the sample non-admin users are in Payments.</summary>
    public async Task<Guid> SampleTeamIdAsync(string name)
    {
        await using var db = await CreateDbAsync();
        return await db.Teams.Where(t => t.Name == name).Select(t => t.Id).SingleAsync();
    }
}

public sealed class UnmigratedPortalFixture : PortalFixture
{
    protected override bool Migrate => false;
}

/// <summary>A portal whose Hangfire workers run jobs as they are queued.</summary>
public class WorkerPortalFixture : PortalFixture
{
    protected override bool Worker => true;
}
