using AksPosture.Web.Components.Shared;
using AksPosture.Web.Features.Access;
using AksPosture.Web.Features.Fleet;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace AksPosture.Web.Tests.Features.Fleet;

// MudSelect's services only dispose asynchronously, so each test disposes its context with await.
public sealed class FleetFilterBarTests
{
    private const string TagInput = "[data-testid=filter-tag] input, input[data-testid=filter-tag]";
    private static readonly Guid OrdersTeam = Guid.Parse("0199a000-0000-7000-8000-0000000000aa");

    [Fact]
    public async Task Render_QueryWithTag_ShowsTheTagAndOffersToClear()
    {
        await using var context = NewContext("/?environment=production&tag=Team%3Dpayments");

        var cut = context.Render<FleetFilterBar>();

        Assert.Equal("team=payments", cut.Find(TagInput).GetAttribute("value"));
        Assert.NotNull(cut.Find("[data-testid=filter-clear]"));
        Assert.Empty(cut.FindAll("[data-testid=filter-problem]"));
    }

    [Fact]
    public async Task ChangeTag_WritesItToTheQueryStringKeepingTheOtherFilters()
    {
        await using var context = NewContext($"/?team={OrdersTeam}");
        var navigation = context.Services.GetRequiredService<BunitNavigationManager>();
        var cut = context.Render<FleetFilterBar>();

        cut.Find(TagInput).Change("team=web");

        var uri = new Uri(navigation.Uri);
        Assert.Contains($"team={OrdersTeam}", uri.Query);
        Assert.Contains("tag=team%3Dweb", uri.Query);
    }

    [Fact]
    public async Task Clear_RemovesEveryFilterFromTheQueryString()
    {
        await using var context = NewContext($"/?team={OrdersTeam}&subscription=abc&environment=dev&tag=a%3Db&page=2");
        var navigation = context.Services.GetRequiredService<BunitNavigationManager>();
        var cut = context.Render<FleetFilterBar>();

        cut.Find("[data-testid=filter-clear] button, button[data-testid=filter-clear]").Click();

        Assert.Equal("?page=2", new Uri(navigation.Uri).Query);
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=filter-clear]")));
    }

    [Fact]
    public async Task Render_UnreadableTeamAndTag_SaysWhatToFix()
    {
        await using var context = NewContext("/?team=payments&tag=payments");

        var cut = context.Render<FleetFilterBar>();

        var problems = cut.FindAll("[data-testid=filter-problem]").Select(p => p.TextContent).ToList();
        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.Contains("team 'payments' is not a team id"));
        Assert.Contains(problems, p => p.Contains("tag 'payments' is not key=value"));
    }

    [Fact]
    public void Parse_ToQueryString_RoundTrips()
    {
        var (filter, problems) = FleetFilterQuery.Parse($"http://localhost/?team={OrdersTeam}&subscription=ABC&environment=prod&tag=Team%3Dweb");

        Assert.Empty(problems);
        Assert.Equal($"?team={OrdersTeam}&subscription=abc&environment=prod&tag=team%3Dweb", FleetFilterQuery.ToQueryString(filter));
        Assert.Equal(filter, FleetFilterQuery.Parse("http://localhost/" + FleetFilterQuery.ToQueryString(filter)).Filter);
    }

    private static BunitContext NewContext(string uri)
    {
        var context = new BunitContext();
        context.Services.AddMudServices();
        context.Services.AddSingleton<IFleetFilterChoices>(new FixedChoices());
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.AddAuthorization().SetAuthorized("Alex").SetRoles(PortalRoles.Admin);
        context.Services.GetRequiredService<BunitNavigationManager>().NavigateTo(uri);
        return context;
    }

    private sealed class FixedChoices : IFleetFilterChoices
    {
        public Task<FleetFilterChoices> GetAsync(PortalUser user, CancellationToken cancellationToken) =>
            Task.FromResult(new FleetFilterChoices([(OrdersTeam, "Orders")], [("abc", "Contoso")], ["dev", "production"]));
    }
}
