using AksPosture.Web.Components.Shared;
using AksPosture.Web.Features.Fleet;
using AksPosture.Web.Features.Governance;
using AksPosture.Web.Tests.Infrastructure;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AksPosture.Web.Tests.Features.Fleet;

/// <summary>
/// The overview on the sample fleet: a team's trend is aggregated after the first content, and still reaches every
/// pillar card; the fleet's comes from stored roll-ups with the rest of the page.
/// </summary>
public sealed class FleetOverviewPageTests(SampleFleetPortalFixture portal) : IClassFixture<SampleFleetPortalFixture>
{
    [Theory]
    [InlineData(null)]
    [InlineData("Web")]
    public async Task Overview_Interactive_DrawsTheTrendOnEveryCard(string? team)
    {
        await portal.SampleFleetLoadedAsync();
        await using var db = await portal.CreateDbAsync();
        var query = team is null ? "" : $"?team={(await db.Teams.SingleAsync(t => t.Name == team)).Id}";
        await using var context = PageContext.For(portal, (services, p) =>
        {
            var scope = p.Factory.Services.CreateScope();
            services.AddSingleton(scope.ServiceProvider.GetRequiredService<FleetQueries>())
                .AddSingleton(scope.ServiceProvider.GetRequiredService<AdjustedScoreQueries>())
                .AddSingleton(scope.ServiceProvider.GetRequiredService<IFleetFilterChoices>())
                .AddSingleton(new PrerenderHandoff());
        });
        context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        context.Services.GetRequiredService<NavigationManager>().NavigateTo("/" + query);

        var cut = context.Render<FleetOverviewPage>();

        cut.WaitForAssertion(() => Assert.Equal(6, cut.FindAll("[data-testid^=pillar-card-] svg.sparkline").Count), TimeSpan.FromSeconds(10));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=cluster-link]")));
    }
}
