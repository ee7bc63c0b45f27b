using AksPosture.Engine.Rules;
using AksPosture.Engine.Scoring;
using AksPosture.Web.Components.Shared;
using AksPosture.Web.Features.Access;
using AksPosture.Web.Features.Attestations;
using AksPosture.Web.Features.Exceptions;
using AksPosture.Web.Features.Fleet;
using AksPosture.Web.Features.Governance;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using static AksPosture.Web.Tests.Features.Governance.GovernanceData;

namespace AksPosture.Web.Tests.Features.Governance;

/// <summary>The adjusted score component, the score cards with it, and the governance part of a result card.</summary>
public sealed class GovernanceComponentTests
{
    private static readonly Guid ClusterId = Guid.NewGuid();
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(72.4, 80.1, "80.1", "(+7.7)")]
    [InlineData(72.4, 70.0, "70.0", "(-2.4)")]
    [InlineData(null, 55.0, "55.0", null)]
    public async Task AdjustedScore_RawAndAdjusted_ShowsTheAdjustedValueAndTheChange(double? raw, double? adjusted, string shown, string? change)
    {
        await using var bunit = NewContext();
        var cut = bunit.Render<AdjustedScore>(p => p.Add(c => c.Raw, raw).Add(c => c.Adjusted, adjusted));

        Assert.Equal(shown, cut.Find("[data-testid=adjusted-value]").TextContent.Trim());
        Assert.Equal(change, cut.FindAll("[data-testid=adjusted-change]").SingleOrDefault()?.TextContent.Trim());
    }

    [Fact]
    public async Task AdjustedScore_Unchanged_ShowsNoChangeAndTheRawScoreWhenAsked()
    {
        await using var bunit = NewContext();
        var cut = bunit.Render<AdjustedScore>(p => p.Add(c => c.Raw, 64.0).Add(c => c.Adjusted, 64.0).Add(c => c.ShowRaw, true));

        Assert.Empty(cut.FindAll("[data-testid=adjusted-change]"));
        Assert.Contains("raw 64.0 · adjusted 64.0", string.Join(" ", cut.Find("[data-testid=adjusted-score]").TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        Assert.Contains("Raw 64.0: what the checks found", cut.Find("[data-testid=adjusted-score]").GetAttribute("title"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PillarScoreCards_WithAdjusted_ShowsTheAdjustedScoreUnderEachCard_WithoutIt_None()
    {
        await using var bunit = NewContext();
        var raw = Scores(60, 50, 40, 30, 20, 40);
        var adjusted = Scores(70, 50, 40, 30, 20, 42);

        var with = bunit.Render<PillarScoreCards>(p => p.Add(c => c.Scores, raw).Add(c => c.Adjusted, new AdjustedScores(raw, adjusted, 3, 1, 1, 0)));
        var without = bunit.Render<PillarScoreCards>(p => p.Add(c => c.Scores, raw));

        Assert.Equal("60.0", with.Find("[data-pillar=reliability] .score").TextContent.Trim());
        Assert.Equal("70.0", with.Find("[data-pillar=reliability] [data-testid=adjusted-value]").TextContent.Trim());
        Assert.Equal("(+10.0)", with.Find("[data-pillar=reliability] [data-testid=adjusted-change]").TextContent.Trim());
        Assert.Equal("42.0", with.Find("[data-pillar=overall] [data-testid=adjusted-value]").TextContent.Trim());
        Assert.Empty(without.FindAll("[data-testid=adjusted-score]"));
    }

    [Fact]
    public async Task ResultGovernance_FailingResultForAContributor_OffersARequestAndShowsTheExceptionsOfItsCheck()
    {
        await using var bunit = NewContext();
        var covering = Reaching("AKS-SEC-11", ExceptionScope.Cluster, "active");
        var otherRule = Reaching("AKS-SEC-12", ExceptionScope.Cluster, "pending");

        var cut = RenderResult(bunit, Result("AKS-SEC-11", RuleStatus.Fail), User("casey", PortalRoles.Contributor), [covering, otherRule]);

        Assert.Single(cut.FindAll("[data-testid=request-exception]"));
        Assert.Empty(cut.FindAll("[data-testid=attest-result]"));
        var chip = Assert.Single(cut.FindAll("[data-testid=exception-chip]"));
        Assert.Equal("active", chip.GetAttribute("data-state"));
        Assert.Contains("mitigated · active until 2026-12-02", chip.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResultGovernance_ForAReader_OffersNothing()
    {
        await using var bunit = NewContext();
        var cut = RenderResult(bunit, Result("AKS-SEC-11", RuleStatus.Fail), User("riley", PortalRoles.Reader), []);

        Assert.Empty(cut.FindAll("button"));
    }

    [Fact]
    public async Task ResultGovernance_ManualResult_OffersToAttestAndShowsTheActiveAttestation()
    {
        await using var bunit = NewContext();
        var attestation = new AttestationView(
            Guid.NewGuid(), ClusterId, "aks-1", "AKS-REL-04", null, "pass", "https://wiki.example.com/drill", "SRE", Now.AddDays(60), "active", false,
            "casey", "Casey", Now, null, null, null);

        var cut = RenderResult(bunit, Result("AKS-REL-04", RuleStatus.Manual), User("casey", PortalRoles.Contributor), [], [attestation]);

        Assert.Single(cut.FindAll("[data-testid=attest-result]"));
        Assert.Empty(cut.FindAll("[data-testid=request-exception]"));
        Assert.Contains("attested PASS until 2027-01-01 · owner SRE", cut.Find("[data-testid=attestation-chip]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResultGovernance_ObjectResult_ShowsOnlyExceptionsCoveringTheObject()
    {
        await using var bunit = NewContext();
        var inNamespace = Reaching("AKS-SEC-20", ExceptionScope.Namespace, "active", ns: "web");
        var otherNamespace = Reaching("AKS-SEC-20", ExceptionScope.Namespace, "active", ns: "shop");

        var cut = RenderResult(bunit, Result("AKS-SEC-20", RuleStatus.Fail, "web/Deployment/api"), User("casey", PortalRoles.Contributor), [inNamespace, otherNamespace]);

        Assert.Contains("namespace web on aks-1", Assert.Single(cut.FindAll("[data-testid=exception-chip]")).TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GovernanceStateChip_Expiring_AddsTheExpiringChip()
    {
        await using var bunit = NewContext();
        var expiring = bunit.Render<GovernanceStateChip>(p => p.Add(c => c.State, "active").Add(c => c.Expiring, true));
        var rejected = bunit.Render<GovernanceStateChip>(p => p.Add(c => c.State, "rejected"));

        Assert.Equal("active", expiring.Find("[data-testid=state-chip]").TextContent.Trim());
        Assert.Single(expiring.FindAll("[data-testid=expiring-chip]"));
        Assert.Empty(rejected.FindAll("[data-testid=expiring-chip]"));
        Assert.Contains("error", rejected.Find("[data-testid=state-chip]").ClassName, StringComparison.Ordinal);
        Assert.DoesNotContain("error", expiring.Find("[data-testid=state-chip]").ClassName, StringComparison.Ordinal);
    }

    // MudBlazor's services only dispose asynchronously, so each test disposes its context with await.
    private static BunitContext NewContext()
    {
        var context = new BunitContext();
        context.Services.AddMudServices();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        return context;
    }

    private static IRenderedComponent<ResultGovernance> RenderResult(
        BunitContext bunit,
        RuleResult result, PortalUser user, IReadOnlyList<ReachingException> exceptions, IReadOnlyList<AttestationView>? attestations = null)
    {
        var context = new ClusterGovernanceContext(ClusterId, "aks-1", user, new ClusterGovernance(true, null, exceptions, attestations ?? []), () => Task.CompletedTask);
        return bunit.Render<ResultGovernance>(p => p.Add(c => c.Result, result).AddCascadingValue(context));
    }

    private static ReachingException Reaching(string ruleId, ExceptionScope scope, string state, string? ns = null)
    {
        var exception = new RuleException
        {
            Id = Guid.NewGuid(), RuleId = ruleId, Scope = scope, ClusterId = ClusterId, Namespace = ns, Category = ExceptionCategory.Mitigated,
            Justification = "Covered.", ExpiresAt = Now.AddDays(30), Status = state == "active" ? ExceptionStatus.Approved : ExceptionStatus.Pending,
            RequestedById = "casey", RequestedByName = "Casey", RequestedAt = Now,
        };
        return new ReachingException(ActiveException.From(exception), ruleId, ExceptionView.From(exception, "aks-1", Now, Now.AddDays(30)));
    }

    private static RuleResult Result(string ruleId, RuleStatus status, string objectKey = "") =>
        new(ruleId, Pillar.Security, Severity.High, status, "", []) { ObjectKey = objectKey };

    private static PillarScores Scores(double reliability, double security, double cost, double operations, double performance, double overall)
    {
        var values = new Dictionary<Pillar, double>
        {
            [Pillar.Reliability] = reliability,
            [Pillar.Security] = security,
            [Pillar.CostOptimization] = cost,
            [Pillar.OperationalExcellence] = operations,
            [Pillar.PerformanceEfficiency] = performance,
        };
        return new PillarScores(values.ToDictionary(p => p.Key, p => new PillarScore(p.Value, p.Value, 100)), overall);
    }
}
