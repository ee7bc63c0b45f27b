using AksPosture.Engine.Assessment;
using AksPosture.Engine.Rules;
using AksPosture.Engine.Snapshots;
using AksPosture.Web.Data;
using AksPosture.Web.Features.Assessments;
using AksPosture.Web.Features.Findings;
using AksPosture.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static AksPosture.Web.Tests.Infrastructure.ClusterDocuments;

namespace AksPosture.Web.Tests.Features.Findings;

public sealed class FindingLifecycleTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string TestRule = "TEST-WL-01";

    private static readonly Dictionary<string, string> NoNames = [];

    private AssessmentService Assessments => portal.Factory.Services.GetRequiredService<AssessmentService>();

    [Fact]
    public async Task Assess_ChangedCluster_ResolvesFixedOpensNewAndReopensRegressed()
    {
        const string name = "aks-lifecycle";
        var withLocalAccounts = Variant(name, AllowLocalAccounts);
        var fixedButFree = Variant(name, FreeTier);
        var regressed = Variant(name, r => { AllowLocalAccounts(r); FreeTier(r); });

        var t1 = await AssessAtAsync(withLocalAccounts);
        var t2 = await AssessAtAsync(fixedButFree);
        var afterSecond = await FindingsAsync(name);
        var t3 = await AssessAtAsync(regressed);
        var afterThird = await FindingsAsync(name);

        // Missing data fixes nothing: only a defect whose rule now passes is resolved.
        var resolved = Defects(withLocalAccounts).Intersect(WithStatus(fixedButFree, RuleStatus.Pass)).ToList();
        var opened = Defects(fixedButFree).Except(Defects(withLocalAccounts)).ToList();
        Assert.NotEmpty(resolved);
        Assert.NotEmpty(opened);
        foreach (var key in resolved)
        {
            var finding = afterSecond[key];
            Assert.Equal(FindingState.Resolved, finding.State);
            Assert.Equal(t2, finding.ResolvedAt);
            Assert.Equal(t1, finding.FirstSeenAt);

            var reopened = afterThird[key];
            Assert.Equal(FindingState.Reopened, reopened.State);
            Assert.Equal(t3, reopened.ReopenedAt);
            Assert.Equal(1, reopened.TimesReopened);
            Assert.Null(reopened.ResolvedAt);
            Assert.Equal(t1, reopened.FirstSeenAt);
        }

        foreach (var key in opened)
        {
            Assert.Equal(FindingState.New, afterSecond[key].State);
            Assert.Equal(FindingState.Open, afterThird[key].State);
            Assert.Equal(t2, afterSecond[key].FirstSeenAt);
            Assert.Equal(t3, afterThird[key].LastSeenAt);
            Assert.Equal(0, afterThird[key].TimesReopened);
        }

        Assert.Equal(Defects(regressed).Order(), afterThird.Values.Where(f => Finding.IsActive(f.State)).Select(Key).Order());
    }

    [Fact]
    public async Task Assess_SecondRun_KeepsTheFirstRunsResultsAndRollups()
    {
        const string name = "aks-history";
        await AssessAtAsync(Variant(name));
        var first = await LatestRunIdAsync(name);
        await AssessAtAsync(Variant(name, FreeTier));

        await using var db = await CreateDbAsync();
        Assert.NotEqual(first, await LatestRunIdAsync(name));
        Assert.Equal(RuleCatalog.All.Count, await db.RuleResults.CountAsync(r => r.RunId == first));
        Assert.Equal(6, await db.PillarScoreRollups.CountAsync(r => r.RunId == first));
    }

    [Fact]
    public async Task Assess_SnapshotWithoutSubscription_CountsItFailedAndRunIsPartial()
    {
        var good = Variant("aks-partial-good");
        var broken = Variant("aks-partial-broken", r => r["id"] = "/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks-partial-broken");

        var outcome = await Assessments.AssessAsync([good, broken], NoNames, "test", isSample: false, CancellationToken.None);

        Assert.Equal(RunStatus.Partial, outcome.Run.Status);
        Assert.Equal((2, 1, 1), (outcome.Run.ClustersTotal, outcome.Run.ClustersAssessed, outcome.Run.ClustersFailed));
        Assert.NotNull(outcome.Clusters.Single(c => c.Name == "aks-partial-broken").Error);
        await using var db = await CreateDbAsync();
        var run = await db.AssessmentRuns.SingleAsync(r => r.Id == outcome.Run.Id);
        Assert.Equal(RunStatus.Partial, run.Status);
        Assert.Equal(RuleCatalog.Version, run.RuleSetVersion);
    }

    [Fact]
    public async Task Merge_RuleWithoutVerdict_KeepsObjectFindingsOpenUntilTheRulePassesAgain()
    {
        await AssessAtAsync(Variant("aks-objects"));
        await using var db = await CreateDbAsync();
        var clusterId = await db.Clusters.Where(c => c.Name == "aks-objects").Select(c => c.Id).SingleAsync();
        const string web = "shop/Deployment/web";

        await MergeRunAsync(db, clusterId, (RuleStatus.Fail, ""), (RuleStatus.Fail, web));
        await MergeRunAsync(db, clusterId, (RuleStatus.NotApplicable, ""));
        var afterMissingData = await db.Findings.AsNoTracking().Where(f => f.RuleId == TestRule).ToListAsync();
        await MergeRunAsync(db, clusterId, (RuleStatus.Pass, ""));
        var afterPass = await db.Findings.AsNoTracking().Where(f => f.RuleId == TestRule).ToListAsync();

        Assert.Equal(2, afterMissingData.Count);
        Assert.All(afterMissingData, f => Assert.True(Finding.IsActive(f.State)));
        Assert.Equal(2, afterPass.Count);
        Assert.All(afterPass, f => Assert.Equal(FindingState.Resolved, f.State));
    }

    // Writes a run holding only results of a made-up workload rule, then merges it as the writer does.
    private async Task MergeRunAsync(AppDbContext db, Guid clusterId, params (RuleStatus Status, string ObjectKey)[] results)
    {
        var now = portal.Factory.Time.GetUtcNow();
        var run = new AssessmentRun
        {
            Id = Guid.CreateVersion7(), Trigger = "test", Status = RunStatus.Succeeded, StartedAt = now, FinishedAt = now,
            RuleSetVersion = RuleCatalog.Version, ScoringVersion = "1",
        };
        db.AssessmentRuns.Add(run);
        await db.SaveChangesAsync();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await RunPartitions.CreateAsync(connection, run.Id, CancellationToken.None);
        await RunPartitions.AttachAsync(connection, run.Id, CancellationToken.None);
        db.RuleResults.AddRange(results.Select(r => new RuleResultRecord
        {
            RunId = run.Id, ClusterId = clusterId, RuleId = TestRule, ObjectKey = r.ObjectKey, Pillar = Pillar.Security,
            Severity = Severity.High, Status = r.Status, Message = "test", Evidence = "[]", CheckId = TestRule,
        }));
        await db.SaveChangesAsync();
        await FindingLifecycle.MergeAsync(db, run.Id, now, CancellationToken.None);
        portal.Factory.Time.Advance(TimeSpan.FromHours(1));
    }

    private async Task<DateTimeOffset> AssessAtAsync(ClusterSnapshot snapshot)
    {
        portal.Factory.Time.Advance(TimeSpan.FromHours(1));
        var now = portal.Factory.Time.GetUtcNow();
        await Assessments.AssessAsync([snapshot], NoNames, "test", isSample: false, CancellationToken.None);
        return now;
    }

    private static HashSet<(string RuleId, string ObjectKey)> Defects(ClusterSnapshot snapshot) =>
        WithStatus(snapshot, RuleStatus.Fail, RuleStatus.Warn);

    private static HashSet<(string RuleId, string ObjectKey)> WithStatus(ClusterSnapshot snapshot, params RuleStatus[] statuses) =>
        ClusterAssessor.Assess(snapshot).Results
            .Where(r => statuses.Contains(r.Status))
            .Select(r => (r.RuleId, r.ObjectKey))
            .ToHashSet();

    private static (string RuleId, string ObjectKey) Key(Finding finding) => (finding.RuleId, finding.ObjectKey);

    private async Task<Dictionary<(string RuleId, string ObjectKey), Finding>> FindingsAsync(string clusterName)
    {
        await using var db = await CreateDbAsync();
        var clusterId = await db.Clusters.Where(c => c.Name == clusterName).Select(c => c.Id).SingleAsync();
        return await db.Findings.AsNoTracking().Where(f => f.ClusterId == clusterId).ToDictionaryAsync(Key);
    }

    private async Task<Guid?> LatestRunIdAsync(string clusterName)
    {
        await using var db = await CreateDbAsync();
        return await db.Clusters.Where(c => c.Name == clusterName).Select(c => c.LatestRunId).SingleAsync();
    }

    private Task<AppDbContext> CreateDbAsync() =>
        portal.Factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
}
