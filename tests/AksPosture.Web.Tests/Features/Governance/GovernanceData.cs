using System.Text.Json.Nodes;
using AksPosture.Engine.Rules;
using AksPosture.Web.Features.Access;
using AksPosture.Web.Features.Assessments;
using AksPosture.Web.Features.Exceptions;
using AksPosture.Web.Features.Teams;
using AksPosture.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AksPosture.Web.Tests.Features.Governance;

/// <summary>People, clusters and requests for exception and attestation tests; each test works in a subscription of its own.</summary>
public static class GovernanceData
{
    public static PortalUser User(string id, string role, params string[] groups) =>
        new(id, $"{id} (test)", new HashSet<string>([role]), new HashSet<string>(groups));

    public static PortalUser Admin(string id = "admin-1") => User(id, PortalRoles.Admin);

    /// <summary>Imports the mostly compliant cluster into <paramref name="subscription"/>, tagged <c>exception-test=<paramref name="tag"/></c>.</summary>
    public static async Task<Guid> ImportClusterAsync(this PortalFixture portal, string subscription, string name, string tag = "none")
    {
        var snapshot = ClusterDocuments.InSubscription(subscription, name, r => ((JsonObject)r["tags"]!)["exception-test"] = tag);
        var outcome = await portal.ImportAsync(snapshot);
        return outcome.Clusters.Single().ClusterId!.Value;
    }

    /// <summary>A team owning <paramref name="subscription"/> whose members are the Entra group <paramref name="groupId"/>.</summary>
    public static async Task AddTeamAsync(this PortalFixture portal, string subscription, string groupId)
    {
        var now = portal.Factory.Time.GetUtcNow();
        await using var db = await portal.CreateDbAsync();
        db.Teams.Add(new Team
        {
            Id = Guid.NewGuid(), Name = $"team-{groupId}", SubscriptionIds = [subscription], EntraGroupIds = [groupId], CreatedAt = now, UpdatedAt = now,
        });
        await db.SaveChangesAsync();
    }

    /// <summary>The cluster's results in its latest run, as the engine produced them (without messages and evidence).</summary>
    public static async Task<List<RuleResult>> LatestResultsAsync(this PortalFixture portal, Guid clusterId)
    {
        await using var db = await portal.CreateDbAsync();
        var runId = await db.Clusters.Where(c => c.Id == clusterId).Select(c => c.LatestRunId).SingleAsync();
        var records = await db.RuleResults.AsNoTracking().Where(r => r.RunId == runId && r.ClusterId == clusterId).ToListAsync();
        return records.Select(ResultRecords.ToResult).ToList();
    }

    /// <summary>The first cluster-level result with <paramref name="status"/>, by rule id.</summary>
    public static string FirstRule(this IEnumerable<RuleResult> results, RuleStatus status) =>
        results.Where(r => !r.IsObjectResult && r.Status == status).Select(r => r.RuleId).Order(StringComparer.Ordinal).First();

    /// <summary>The results with the rule's cluster-level result given another status: what the engine would score if it had found that.</summary>
    public static List<RuleResult> WithStatus(this IEnumerable<RuleResult> results, string ruleId, RuleStatus status) =>
        results.Select(r => r.RuleId == ruleId && !r.IsObjectResult ? r with { Status = status } : r).ToList();

    public static ExceptionRequest ForCluster(Guid clusterId, string ruleId, string category, DateTimeOffset expiresAt) =>
        new(ruleId, "cluster", category, "A compensating control covers this: the cluster is only reachable from the build network.", expiresAt.ToString("O"), clusterId.ToString());
}
