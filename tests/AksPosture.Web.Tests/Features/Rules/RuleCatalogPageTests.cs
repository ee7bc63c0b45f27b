using AksPosture.Engine.Rules;
using AksPosture.Web.Features.Rules;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace AksPosture.Web.Tests.Features.Rules;

public sealed class RuleCatalogPageTests
{
    [Fact]
    public async Task RuleCatalogPage_NoFilter_ListsEveryRuleLinkingToItsPage()
    {
        // MudSelect's services only dispose asynchronously, so the context is disposed with await.
        await using var context = NewContext();
        var cut = context.Render<RuleCatalogPage>();

        var links = cut.FindAll("[data-testid=rule-catalog] tbody a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(RuleCatalog.All.Select(r => $"/rules/{r.Definition.Id}"), links);
    }

    [Fact]
    public void RuleFilter_PillarSeverityScopeAutomationAndText_NarrowTheList()
    {
        var rules = RuleCatalog.All.Select(r => r.Definition).ToList();

        var security = new RuleFilter(Pillar: Pillar.Security).Apply(rules).ToList();
        var highManualOrPartial = new RuleFilter(Severity: Severity.High, Automation: Automation.Partial).Apply(rules).ToList();
        var byText = new RuleFilter(Text: "aks-sec-11").Apply(rules).Select(r => r.Id);

        Assert.NotEmpty(security);
        Assert.All(security, r => Assert.Equal(Pillar.Security, r.Pillar));
        Assert.All(highManualOrPartial, r => Assert.Equal((Severity.High, Automation.Partial), (r.Severity, r.Automation)));
        Assert.Equal(["AKS-SEC-11"], byText);
        Assert.Equal(rules.Count, new RuleFilter().Apply(rules).Count());
    }

    [Fact]
    public async Task RulePage_KnownId_ShowsRationaleRemediationAndLineage()
    {
        var rule = RuleCatalog.Find("AKS-SEC-11")!.Definition;
        await using var context = NewContext();

        var cut = context.Render<RulePage>(p => p.Add(c => c.Id, "aks-sec-11"));

        Assert.Contains(rule.Title, cut.Markup);
        Assert.Contains(rule.Rationale, cut.Markup);
        Assert.Equal(rule.RemediationCommand, cut.Find("pre.az-command").TextContent);
        Assert.Contains(rule.Lineage[0], cut.Markup);
    }

    [Fact]
    public async Task RulePage_UnknownId_SaysSo()
    {
        await using var context = NewContext();

        var cut = context.Render<RulePage>(p => p.Add(c => c.Id, "AKS-SEC-99"));

        Assert.Contains("There is no rule 'AKS-SEC-99'", cut.Markup);
    }

    private static BunitContext NewContext()
    {
        var context = new BunitContext();
        context.Services.AddMudServices();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        return context;
    }
}
