using System.Security.Claims;
using AksPosture.Engine.Rules;
using AksPosture.Web.Features.Access;
using AksPosture.Web.Features.Exceptions;
using AksPosture.Web.Features.Governance;
using AksPosture.Web.Tests.Infrastructure;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor;
using MudBlazor.Services;
using static AksPosture.Web.Tests.Features.Governance.GovernanceData;

namespace AksPosture.Web.Tests.Features.Governance;

/// <summary>The exceptions page on a real database: who sees the approve button, and what clicking it does.</summary>
public sealed class ExceptionsPageTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private readonly string _subscription = RunDriver.NewSubscription();
    private readonly string _group = Guid.NewGuid().ToString();

    [Fact]
    public async Task Pending_AnotherApproverClicksApprove_TheExceptionBecomesActive()
    {
        var requested = await PendingExceptionAsync("aks-page-approve");
        await using var bunit = NewContext(approverId: "page-approver");
        var cut = bunit.Render<ExceptionsPage>();

        await ShowPendingAsync(cut);
        cut.WaitForAssertion(() => Assert.NotNull(Row(cut, requested.Id)));
        // Found and clicked on the renderer's thread: a list refresh in between would otherwise retire the button's handler.
        await cut.InvokeAsync(() => Row(cut, requested.Id)!.QuerySelector("[data-testid=approve-exception]")!.Click());

        cut.WaitForAssertion(() => Assert.Null(Row(cut, requested.Id)), TimeSpan.FromSeconds(10));
        var now = await portal.Service<ExceptionQueries>().GetAsync(Admin(), requested.Id, CancellationToken.None);
        Assert.Equal(("active", "page-approver (test)"), (now!.State, now.DecidedBy));
    }

    [Fact]
    public async Task Pending_SeenByItsRequester_HasNoApproveButton()
    {
        var requested = await PendingExceptionAsync("aks-page-own");
        await using var bunit = NewContext(approverId: requested.RequestedById);
        var cut = bunit.Render<ExceptionsPage>();

        await ShowPendingAsync(cut);

        cut.WaitForAssertion(() => Assert.NotNull(Row(cut, requested.Id)));
        Assert.Null(Row(cut, requested.Id)!.QuerySelector("[data-testid=approve-exception]"));
        Assert.Contains("another Approver decides", Row(cut, requested.Id)!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(Row(cut, requested.Id)!.QuerySelector("[data-testid=revoke-exception]"));
    }

    [Fact]
    public async Task RequestDialog_SubmittedEmpty_ShowsWhatEachFieldNeeds()
    {
        await using var bunit = NewContext(approverId: "page-requester");
        bunit.Render<MudPopoverProvider>();
        var dialogs = bunit.Render<MudDialogProvider>();
        var page = bunit.Render<ExceptionsPage>();

        // Clicked without awaiting the handler: the request button's handler waits for the dialog to close.
        page.WaitForElement("[data-testid=request-exception]");
        await page.InvokeAsync(() => page.Find("[data-testid=request-exception]").Click());
        dialogs.WaitForElement("[data-testid=submit-exception]");
        await dialogs.InvokeAsync(() => dialogs.Find("[data-testid=submit-exception]").Click());

        dialogs.WaitForAssertion(() => Assert.Contains("'justification' is required", dialogs.Markup, StringComparison.Ordinal));
        Assert.Contains("Name the rule, e.g. 'AKS-SEC-11'", dialogs.Markup, StringComparison.Ordinal);
        Assert.Contains("Name the cluster: its portal id", dialogs.Markup, StringComparison.Ordinal);
        Assert.Contains("'expiresAt' is required", dialogs.Markup, StringComparison.Ordinal);
    }

    private BunitContext NewContext(string approverId)
    {
        var context = new BunitContext();
        context.Services.AddMudServices();
        context.Services.AddSingleton(portal.Service<ExceptionQueries>());
        context.Services.AddSingleton(portal.Service<ExceptionService>());
        context.Services.AddSingleton(portal.Service<ClusterLookup>());
        context.Services.AddSingleton(portal.Service<IOptions<GovernanceOptions>>());
        context.Services.AddSingleton(portal.Service<TimeProvider>());
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        var authorization = context.AddAuthorization();
        authorization.SetAuthorized($"{approverId} (test)");
        authorization.SetClaims(new Claim("oid", approverId), new Claim("name", $"{approverId} (test)"), new Claim("roles", PortalRoles.Approver), new Claim("groups", _group));
        return context;
    }

    private static async Task ShowPendingAsync(IRenderedComponent<ExceptionsPage> cut)
    {
        cut.WaitForElement("[data-testid=exception-states]");
        await cut.InvokeAsync(() => cut.Find("[data-testid=exception-states]").QuerySelectorAll("button")
            .First(b => b.TextContent.Contains("Pending", StringComparison.OrdinalIgnoreCase)).Click());
    }

    private static AngleSharp.Dom.IElement? Row(IRenderedComponent<ExceptionsPage> cut, Guid id) =>
        cut.FindAll($"[data-testid=exception-row][data-exception-id='{id}']").FirstOrDefault()?.ParentElement;

    private async Task<ExceptionView> PendingExceptionAsync(string clusterName)
    {
        await portal.AddTeamAsync(_subscription, _group);
        var clusterId = await portal.ImportClusterAsync(_subscription, clusterName);
        var ruleId = (await portal.LatestResultsAsync(clusterId)).FirstRule(RuleStatus.Fail);
        var requester = User("page-requester-" + clusterName, PortalRoles.Approver, _group);
        var result = await portal.Service<ExceptionService>().RequestAsync(requester, ForCluster(clusterId, ruleId, "mitigated", portal.Factory.Time.GetUtcNow().AddDays(20)), CancellationToken.None);
        return result.Value!;
    }
}
