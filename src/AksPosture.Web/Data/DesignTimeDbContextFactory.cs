using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace AksPosture.Web.Data;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build the model without running the app, which would refuse to start
/// without a real connection string. Generating migrations never connects, so the string is a placeholder.
/// </summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>()
            .UseNpgsql("Host=localhost;Database=aksposture_design;Username=design;Password=design")
            .Options;
        return new AppDbContext(options);
    }
}
