namespace AksPosture.Web.Tests.Infrastructure;

/// <summary>One migrated database and one portal for a test class; the database is dropped afterwards.</summary>
public class PortalFixture : IAsyncLifetime
{
    private TestDatabase? _database;
    private PortalFactory? _factory;

    protected virtual bool SampleFleet => false;

    protected virtual bool Migrate => true;

    public PortalFactory Factory => _factory ?? throw new InvalidOperationException("The fixture is not initialised.");

    public string ConnectionString => _database!.ConnectionString;

    public async Task InitializeAsync()
    {
        _database = await PostgresServer.CreateDatabaseAsync();
        _factory = new PortalFactory(_database.ConnectionString, SampleFleet, Migrate);

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
}

public sealed class SampleFleetPortalFixture : PortalFixture
{
    protected override bool SampleFleet => true;
}

public sealed class UnmigratedPortalFixture : PortalFixture
{
    protected override bool Migrate => false;
}
