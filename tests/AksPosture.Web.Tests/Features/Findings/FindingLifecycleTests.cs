using AksPosture.Engine.Assessment;
using AksPosture.Engine.Rules;
using AksPosture.Engine.Snapshots;
using AksPosture.Web.Data;
using AksPosture.Web.Features.Access;
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
            Assert.Equal(FindingState.Resolved, State(finding));
            Assert.Equal((t2, t1, t1), (finding.ResolvedAt, finding.FirstSeenAt, finding.LastSeenAt));

            var reopened = afterThird[key];
            Assert.Equal(FindingState.Reopened, State(reopened));
            Assert.Equal((t3, t3, 1), (reopened.ReopenedAt, reopened.LastSeenAt, reopened.TimesReopened));
            Assert.Null(reopened.ResolvedAt);
            Assert.Equal(t1, reopened.FirstSeenAt);
        }

        foreach (var key in opened)
        {
            Assert.Equal(FindingState.New, State(afterSecond[key]));
            Assert.Equal(FindingState.Open, State(afterThird[key]));
            Assert.Equal(t2, afterSecond[key].FirstSeenAt);
            Assert.Equal(t3, afterThird[key].LastSeenAt);
            Assert.Equal(0, afterThird[key].TimesReopened);
        }

        Assert.Equal(Defects(regressed).Order(), afterThird.Values.Where(f => Finding.IsActive(State(f))).Select(Key).Order());
    }

    [Fact]
    public async Task Assess_SameResultsAgain_RewritesNoFindingAndReadsThemOpenAndSeenByTheLatestRun()
    {
        const string name = "aks-unchanged";
        var t1 = await AssessAtAsync(Variant(name, AllowLocalAccounts));
        var rowsBefore = await RowVersionsAsync(name);
        var t2 = await AssessAtAsync(Variant(name, AllowLocalAccounts));
        var rowsAfter = await RowVersionsAsync(name);
        var findings = await FindingsAsync(name);

        Assert.NotEmpty(rowsBefore);
        Assert.Equal(rowsBefore, rowsAfter);
        Assert.All(findings.Values, f => Assert.Equal((FindingState.Open, t1, t2), (State(f), f.FirstSeenAt, f.LastSeenAt)));
    }

    [Fact]
    public async Task Assess_FindingsWithColumnsOfAnotherFeature_LeavesThoseColumnsAlone()
    {
        // Another feature (remediation: who owns the fix) adds columns to findings; the lifecycle writes only its own.
        const string name = "aks-owned";
        await using (var db = await CreateDbAsync())
        {
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE findings ADD COLUMN IF NOT EXISTS test_owner text");
        }

        await AssessAtAsync(Variant(name, AllowLocalAccounts));
        var clusterId = await ClusterIdAsync(name);
        await using (var db = await CreateDbAsync())
        {
            await db.Database.ExecuteSqlAsync($"UPDATE findings SET test_owner = 'team-a' WHERE cluster_id = {clusterId}");
        }

        await AssessAtAsync(Variant(name, FreeTier));
        await AssessAtAsync(Variant(name, r => { AllowLocalAccounts(r); FreeTier(r); }));

        await using var check = await CreateDbAsync();
        var owners = await check.Database.SqlQuery<string>($"SELECT COALESCE(test_owner, '') AS \"Value\" FROM findings WHERE cluster_id = {clusterId} AND state = 'reopened'").ToListAsync();
        var newOwners = await check.Database.SqlQuery<string>($"SELECT COALESCE(test_owner, '') AS \"Value\" FROM findings WHERE cluster_id = {clusterId} AND first_seen_at > (SELECT min(first_seen_at) FROM findings WHERE cluster_id = {clusterId})").ToListAsync();
        Assert.NotEmpty(owners);
        Assert.All(owners, o => Assert.Equal("team-a", o));
        Assert.NotEmpty(newOwners);
        Assert.All(newOwners, o => Assert.Equal("", o));
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
    public async Task Finish_RuleWithoutVerdict_KeepsObjectFindingsOpenAndLastSeenUntilTheRulePassesAgain()
    {
        await AssessAtAsync(Variant("aks-objects"));
        var clusterId = await ClusterIdAsync("aks-objects");
        const string web = "shop/Deployment/web";

        var seen = await FinishRunAsync(clusterId, (RuleStatus.Fail, ""), (RuleStatus.Fail, web));
        await FinishRunAsync(clusterId, (RuleStatus.NotApplicable, ""));
        var afterMissingData = await TestRuleFindingsAsync();
        var passed = await FinishRunAsync(clusterId, (RuleStatus.Pass, ""));
        var afterPass = await TestRuleFindingsAsync();

        Assert.Equal(2, afterMissingData.Count);
        Assert.All(afterMissingData, f => Assert.Equal((FindingState.New, seen), (State(f), f.LastSeenAt)));
        Assert.Equal(2, afterPass.Count);
        Assert.All(afterPass, f => Assert.Equal((FindingState.Resolved, seen, passed), (State(f), f.LastSeenAt, f.ResolvedAt)));
    }

    // Finishes a run holding only results of a made-up workload rule for one cluster, as a run's last job does.
    private async Task<DateTimeOffset> FinishRunAsync(Guid clusterId, params (RuleStatus Status, string ObjectKey)[] results)
    {
        portal.Factory.Time.Advance(TimeSpan.FromHours(1));
        var now = portal.Factory.Time.GetUtcNow();
        await using var db = await CreateDbAsync();
        var run = new AssessmentRun
        {
            Id = Guid.CreateVersion7(), Trigger = "test", Status = RunStatus.Running, QueuedAt = now, StartedAt = now,
            RuleSetVersion = RuleCatalog.Version, ScoringVersion = "1", ClustersTotal = 1, ClustersAssessed = 1,
        };
        db.AssessmentRuns.Add(run);
        db.PillarScoreRollups.Add(new PillarScoreRollup { RunId = run.Id, ClusterId = clusterId, Pillar = PillarScoreRollup.Overall, Score = 50, Earned = 1, Possible = 2 });
        await db.SaveChangesAsync();
        await db.Database.OpenConnectionAsync();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await RunPartitions.CreateAsync(connection, run.Id, CancellationToken.None);
        foreach (var (status, objectKey) in results)
        {
            await using var insert = new NpgsqlCommand(
                $"INSERT INTO {RunPartitions.TableFor(run.Id)} (run_id, cluster_id, rule_id, object_key, pillar, severity, status, message, evidence, check_id) " +
                "VALUES (@run, @cluster, @rule, @object, 'security', 'high', @status, 'test', '[]', @rule)", connection);
            insert.Parameters.AddWithValue("run", run.Id);
            insert.Parameters.AddWithValue("cluster", clusterId);
            insert.Parameters.AddWithValue("rule", TestRule);
            insert.Parameters.AddWithValue("object", objectKey);
            insert.Parameters.AddWithValue("status", status.Code());
            await insert.ExecuteNonQueryAsync();
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        await RunFinisher.FinishAsync(db, new FinishingRun(run.Id, null, now, 1, 1, 0), portal.Factory.Time, CancellationToken.None);
        await transaction.CommitAsync();
        return now;
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

    private static (string RuleId, string ObjectKey) Key(FindingView finding) => (finding.RuleId, finding.ObjectKey);

    private static FindingState State(FindingView finding) => Enum.Parse<FindingState>(finding.Status, ignoreCase: true);

    // As the findings API reads them: with the state and last-seen time the lifecycle leaves to be derived.
    private async Task<Dictionary<(string RuleId, string ObjectKey), FindingView>> FindingsAsync(string clusterName)
    {
        var page = await portal.Service<FindingQueries>().ListAsync(PortalUser.System, new FindingFilter { ClusterId = await ClusterIdAsync(clusterName) }, FindingSort.Default, 1, 500, CancellationToken.None);
        return page.Items.ToDictionary(Key);
    }

    private async Task<List<FindingView>> TestRuleFindingsAsync() =>
        (await portal.Service<FindingQueries>().ListAsync(PortalUser.System, new FindingFilter { RuleId = TestRule }, FindingSort.Default, 1, 500, CancellationToken.None)).Items.ToList();

    // Each finding row's transaction id: it changes whenever the row is rewritten.
    private async Task<Dictionary<string, string>> RowVersionsAsync(string clusterName)
    {
        var clusterId = await ClusterIdAsync(clusterName);
        await using var db = await CreateDbAsync();
        return (await db.Database.SqlQuery<string>($"SELECT rule_id || '|' || object_key || '|' || xmin::text AS \"Value\" FROM findings WHERE cluster_id = {clusterId}").ToListAsync())
            .ToDictionary(row => row[..row.LastIndexOf('|')]);
    }

    private async Task<Guid> ClusterIdAsync(string clusterName)
    {
        await using var db = await CreateDbAsync();
        return await db.Clusters.Where(c => c.Name == clusterName).Select(c => c.Id).SingleAsync();
    }

    private async Task<Guid?> LatestRunIdAsync(string clusterName)
    {
        await using var db = await CreateDbAsync();
        return await db.Clusters.Where(c => c.Name == clusterName).Select(c => c.LatestRunId).SingleAsync();
    }

    private Task<AppDbContext> CreateDbAsync() =>
        portal.Factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
}
