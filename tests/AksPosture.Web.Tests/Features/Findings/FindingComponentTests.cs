using AksPosture.Engine.Rules;
using AksPosture.Web.Features.Findings;
using AksPosture.Web.Features.Remediation;
using AksPosture.Web.Tests.Infrastructure;
using Bunit;

namespace AksPosture.Web.Tests.Features.Findings;

public sealed class FindingComponentTests : MudComponentTest
{
    [Fact]
    public void FilterBar_SearchOverdueAndClear_RaiseTheChangedParameters()
    {
        var changes = new List<FindingFilterParameters>();
        var cut = Context.Render<FindingFilterBar>(p => p
            .Add(c => c.Value, new FindingFilterParameters { Pillar = "security" })
            .Add(c => c.ValueChanged, v => changes.Add(v)));

        Input(cut, "filter-q").Change("api");
        Input(cut, "filter-overdue").Change(true);
        cut.Find("[data-testid=filter-clear]").Click();

        Assert.Equal(new FindingFilterParameters { Pillar = "security", Q = "api" }, changes[0]);
        Assert.Equal(new FindingFilterParameters { Pillar = "security", Overdue = "true" }, changes[1]);
        Assert.Equal(new FindingFilterParameters(), changes[2]);
    }

    [Fact]
    public void BulkBar_NothingSelected_DisablesEveryAction()
    {
        var cut = Context.Render<FindingBulkBar>(p => p.Add(c => c.SelectedCount, 0).Add(c => c.MatchingTotal, 40));

        Assert.True(cut.Find("[data-testid=bulk-assign]").HasAttribute("disabled"));
        Assert.True(cut.Find("[data-testid=bulk-status-wont-fix]").HasAttribute("disabled"));
        Assert.Contains("0 selected", cut.Find("[data-testid=bulk-target]").TextContent);
    }

    [Fact]
    public void BulkBar_AssignToSelected_RaisesTheOwnerChange()
    {
        var actions = new List<BulkAction>();
        var cut = Context.Render<FindingBulkBar>(p => p.Add(c => c.SelectedCount, 3).Add(c => c.OnApply, a => actions.Add(a)));

        Input(cut, "bulk-owner").Change(" kim@contoso.com ");
        cut.Find("[data-testid=bulk-assign]").Click();

        var action = Assert.Single(actions);
        Assert.False(action.AllMatching);
        Assert.Equal(new RemediationChange(Owner: new NewValue<string?>("kim@contoso.com")), action.Change);
    }

    [Fact]
    public void BulkBar_StatusForAllMatching_RaisesTheStatusChangeForTheFilter()
    {
        var actions = new List<BulkAction>();
        var cut = Context.Render<FindingBulkBar>(p => p.Add(c => c.SelectedCount, 0).Add(c => c.MatchingTotal, 40).Add(c => c.OnApply, a => actions.Add(a)));

        Input(cut, "bulk-all").Change(true);
        cut.Find("[data-testid=bulk-status-in-progress]").Click();

        var action = Assert.Single(actions);
        Assert.True(action.AllMatching);
        Assert.Equal(WorkflowStatus.InProgress, action.Change.WorkflowStatus!.Value.Value);
        Assert.Contains("All 40 matching findings", cut.Find("[data-testid=bulk-target]").TextContent);
    }

    [Fact]
    public void BulkBar_UnreadableDueDate_SaysSoAndRaisesNothing()
    {
        var actions = new List<BulkAction>();
        var cut = Context.Render<FindingBulkBar>(p => p.Add(c => c.SelectedCount, 2).Add(c => c.OnApply, a => actions.Add(a)));

        Input(cut, "bulk-due").Change("31/12/2026");
        cut.Find("[data-testid=bulk-set-due]").Click();

        Assert.Empty(actions);
        Assert.Contains("YYYY-MM-DD", cut.Find("[data-testid=bulk-problem]").TextContent);
    }

    [Fact]
    public void RemediationForm_Save_RaisesEveryFieldAsEntered()
    {
        var saved = new List<RemediationChange>();
        var cut = Context.Render<FindingRemediationForm>(p => p
            .Add(c => c.Finding, Finding(owner: "kim"))
            .Add(c => c.CanEdit, true)
            .Add(c => c.OnSave, c => saved.Add(c)));

        Input(cut, "remediation-due").Change("2027-01-31");
        Input(cut, "remediation-ticket").Change("https://tickets.contoso.com/AKS-7");
        cut.Find("[data-testid=remediation-save]").Click();

        var change = Assert.Single(saved);
        Assert.Equal("kim", change.Owner!.Value.Value);
        Assert.Equal(new DateOnly(2027, 1, 31), change.DueAt!.Value.Value);
        Assert.Equal(WorkflowStatus.ToDo, change.WorkflowStatus!.Value.Value);
        Assert.Equal("https://tickets.contoso.com/AKS-7", change.TicketUrl!.Value.Value);
    }

    [Fact]
    public void RemediationForm_TicketThatIsNotAWebAddress_IsRefusedOnThePage()
    {
        var saved = new List<RemediationChange>();
        var cut = Context.Render<FindingRemediationForm>(p => p
            .Add(c => c.Finding, Finding())
            .Add(c => c.CanEdit, true)
            .Add(c => c.OnSave, c => saved.Add(c)));

        Input(cut, "remediation-ticket").Change("javascript:alert(1)");
        cut.Find("[data-testid=remediation-save]").Click();

        Assert.Empty(saved);
        Assert.Contains("not an http or https address", cut.Find("[data-testid=remediation-problem]").TextContent);
    }

    [Fact]
    public void RemediationForm_Reader_ShowsValuesWithoutInputs()
    {
        var cut = Context.Render<FindingRemediationForm>(p => p.Add(c => c.Finding, Finding(owner: "kim")).Add(c => c.CanEdit, false));

        Assert.Equal("kim", cut.Find("[data-testid=remediation-owner]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=remediation-save]"));
    }

    [Fact]
    public void Comments_Add_RaisesTheTrimmedTextAndReadersGetNoBox()
    {
        var added = new List<string>();
        CommentView[] comments = [new(1, "Kim", DateTimeOffset.Parse("2026-11-02T10:00:00Z"), "First look done.")];
        var editor = Context.Render<FindingComments>(p => p.Add(c => c.Comments, comments).Add(c => c.CanEdit, true).Add(c => c.OnAdd, t => added.Add(t)));
        var reader = Context.Render<FindingComments>(p => p.Add(c => c.Comments, comments).Add(c => c.CanEdit, false));

        Input(editor, "comment-text").Input("  Patched in staging.  ");
        editor.Find("[data-testid=comment-add]").Click();

        Assert.Equal(["Patched in staging."], added);
        Assert.Contains("First look done.", reader.Find("[data-testid=comment]").TextContent);
        Assert.Empty(reader.FindAll("[data-testid=comment-text]"));
    }

    [Fact]
    public void DetailView_Finding_LinksRuleAndClusterAndShowsEvidenceFixAndHistory()
    {
        var finding = Finding(owner: "lee", overdue: true);
        var rule = RuleHelp.For("AKS-SEC-01")!;
        var detail = new FindingDetail(
            finding, rule,
            new LatestResult(Guid.NewGuid(), DateTimeOffset.Parse("2026-11-02T09:00:00Z"), "FAIL", "Local accounts are enabled.",
                [new Evidence("properties.disableLocalAccounts", "false")]),
            [new ResultInRun(Guid.NewGuid(), null, "FAIL"), new ResultInRun(Guid.NewGuid(), null, null)],
            [new FindingHistoryEntry(DateTimeOffset.Parse("2026-11-02T10:00:00Z"), "Alex", "finding.assign", """{"owner":null}""", """{"owner":"lee"}""")],
            []);

        var cut = Context.Render<FindingDetailView>(p => p.Add(c => c.Detail, detail));

        Assert.Equal("/rules/AKS-SEC-01", cut.Find("[data-testid=detail-rule-link]").GetAttribute("href"));
        Assert.Equal($"/clusters/{finding.ClusterId}", cut.Find("[data-testid=detail-cluster-link]").GetAttribute("href"));
        Assert.Contains("properties.disableLocalAccounts", cut.Find("[data-testid=detail-evidence]").TextContent);
        Assert.Contains("not reported", cut.Find("[data-testid=detail-recent]").TextContent);
        if (rule.RemediationCommand is { } command)
        {
            Assert.Equal(command, cut.Find("[data-testid=rule-help] pre.az-command").TextContent);
        }

        Assert.Contains("owner: — → lee", cut.Find("[data-testid=history-entry]").TextContent);
        Assert.NotNull(cut.Find("[data-testid=detail-overdue]"));
    }

    // MudBlazor puts extra attributes on the input itself for text fields, and on the root for some others.
    private static AngleSharp.Dom.IElement Input(IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> cut, string testId)
    {
        var element = cut.Find($"[data-testid={testId}]");
        return element.TagName is "INPUT" or "TEXTAREA" ? element : element.QuerySelector("input, textarea")!;
    }

    private static FindingView Finding(string? owner = null, bool overdue = false) => new(
        Guid.NewGuid(), "aks-payments-prod", "/subscriptions/x/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks-payments-prod", "x",
        "AKS-SEC-01", "", "security", "high", "FAIL", "open", DateTimeOffset.Parse("2026-10-01T09:00:00Z"), DateTimeOffset.Parse("2026-11-02T09:00:00Z"),
        null, null, 0, false, "k", "Disable local accounts", "production", owner, overdue ? new DateOnly(2026, 10, 15) : null, "todo", null, 0, overdue);
}
