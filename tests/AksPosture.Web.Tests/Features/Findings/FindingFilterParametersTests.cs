using AksPosture.Engine.Rules;
using AksPosture.Web.Features.Access;
using AksPosture.Web.Features.Findings;
using AksPosture.Web.Features.Remediation;
using AksPosture.Web.Features.Teams;

namespace AksPosture.Web.Tests.Features.Findings;

public sealed class FindingFilterParametersTests
{
    private static readonly PortalUser Jane = new("jane-id", "Jane Doe", new HashSet<string>([PortalRoles.Contributor]), new HashSet<string>());

    [Fact]
    public void For_EveryField_ParsesBackToTheSameFilter()
    {
        var filter = new FindingFilter
        {
            Clusters = new ClusterFilter(Guid.NewGuid(), "3f6c1a2e-5b4d-4c8e-9a71-0d2e8b6f4a11", "production", "team", "pay ments&co"),
            States = [FindingState.New, FindingState.Reopened],
            Pillar = Pillar.CostOptimization,
            Severity = Severity.Critical,
            ClusterId = Guid.NewGuid(),
            RuleId = "AKS-SEC-01",
            WorkflowStatus = WorkflowStatus.PendingVerification,
            Owner = "kim@contoso.com",
            Overdue = true,
            Text = "local accounts",
            IncludeGone = true,
        };

        var query = FindingFilterParameters.For(filter).ToQueryString();
        var (parsed, problems) = ReadQuery(query).Parse(Jane);

        Assert.Empty(problems);
        Assert.Equal(filter, parsed);
    }

    [Fact]
    public void Parse_OwnerNoneAndMe_MeanUnassignedAndTheCaller()
    {
        var (none, _) = new FindingFilterParameters { Owner = "NONE" }.Parse(Jane);
        var (me, _) = new FindingFilterParameters { Owner = "me" }.Parse(Jane);

        Assert.True(none!.Unassigned);
        Assert.Equal("Jane Doe", me!.Owner);
        Assert.Equal("none", FindingFilterParameters.For(none).Owner);
    }

    [Fact]
    public void Parse_StatusActive_MeansNewOpenAndReopened()
    {
        var (filter, _) = new FindingFilterParameters { Status = "active, open" }.Parse(Jane);

        Assert.Equal([FindingState.New, FindingState.Open, FindingState.Reopened], filter!.States);
    }

    [Fact]
    public void Parse_RuleIdInAnyCase_UsesTheCatalogsSpelling()
    {
        var (filter, _) = new FindingFilterParameters { RuleId = "aks-sec-01" }.Parse(Jane);

        Assert.Equal("AKS-SEC-01", filter!.RuleId);
    }

    [Fact]
    public void Parse_NothingGiven_IsTheEmptyFilter()
    {
        var (filter, problems) = new FindingFilterParameters().Parse(Jane);

        Assert.Empty(problems);
        Assert.Equal(FindingFilter.None, filter);
        Assert.Equal("", FindingFilterParameters.For(FindingFilter.None).ToQueryString());
    }

    [Fact]
    public void Parse_SearchTextTooLong_SaysTheLimit()
    {
        var (filter, problems) = new FindingFilterParameters { Q = new string('a', 201) }.Parse(Jane);

        Assert.Null(filter);
        Assert.Contains("at most 200", Assert.Single(problems));
    }

    private static FindingFilterParameters ReadQuery(string query)
    {
        var values = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query);
        return FindingFilterParameters.From(name => values.TryGetValue(name, out var value) ? value.ToString() : null);
    }
}
