using System.Text.Json.Nodes;
using AksPosture.Engine.Rules;
using AksPosture.Web.Features.Access;
using AksPosture.Web.Features.Attestations;
using AksPosture.Web.Features.Exceptions;
using AksPosture.Web.Features.Findings;
using AksPosture.Web.Features.Fleet;
using AksPosture.Web.Features.Governance;
using AksPosture.Web.Features.Remediation;
using AksPosture.Web.Features.SampleFleet;
using AksPosture.Web.Tests.Features.Governance;
using AksPosture.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AksPosture.Web.Tests.Access;

/// <summary>
/// Everything of the sample Orders team a Payments user must never see: its clusters (plus one in a subscription no other
/// team has), an approved exception, an attestation, and an owner and a comment on one of its findings, all stored
/// through the services by administrators. <see cref="Markers"/> are the strings that give any of it away.
/// </summary>
public sealed record OtherTeamData(
    IReadOnlyList<Cluster> Clusters,
    Guid TeamId,
    string OnlySubscriptionId,
    Guid OnlyRunId,
    Guid EarlierRunId,
    FindingKey Finding,
    Guid ExceptionId,
    Guid AttestationId,
    IReadOnlyList<string> Markers)
{
    public const string TagValue = "orders";
    public const string Justification = "orders-only justification 5c1e";
    public const string Comment = "orders-only comment 9b7d";
    public const string Owner = "orders-only-owner-3a2f";
    public const string Evidence = "orders-only evidence 6e04";

    private static readonly PortalUser Admin = GovernanceData.Admin("sweep-admin");

    // An exception is approved by someone other than its requester.
    private static readonly PortalUser SecondAdmin = GovernanceData.Admin("sweep-approver");

    public Cluster First => Clusters[0];

    /// <summary>Stores the Orders team's extra data once the sample fleet is loaded.</summary>
    public static async Task<OtherTeamData> SeedAsync(PortalFixture portal)
    {
        await portal.SampleFleetLoadedAsync();
        // Later than the sample run, so the import's run can be compared with it.
        portal.Factory.Time.Advance(TimeSpan.FromHours(1));
        var subscription = RunDriver.NewSubscription();
        var import = await portal.ImportAsync(ClusterDocuments.InSubscription(subscription, "aks-orders-only-sub", r => r["tags"] = new JsonObject { ["team"] = TagValue }));
        await using var db = await portal.CreateDbAsync();
        var clusters = (await db.Clusters.AsNoTracking().Where(c => c.GoneAt == null && c.LatestRunId != null).ToListAsync())
            .Where(c => c.Tags.Any(t => t.Key.Equals("team", StringComparison.OrdinalIgnoreCase) && t.Value == TagValue))
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .ToList();
        var teamId = await db.Teams.Where(t => t.TagValue == TagValue).Select(t => t.Id).SingleAsync();
        var earlierRun = await db.AssessmentRuns.Where(r => r.Trigger == SampleFleetJob.Trigger).Select(r => r.Id).SingleAsync();
        var ids = clusters.Select(c => c.Id).ToList();
        var finding = await db.Findings.AsNoTracking().Where(f => ids.Contains(f.ClusterId) && f.ObjectKey == "" && f.ResolvedAt == null)
            .OrderBy(f => f.ClusterId).ThenBy(f => f.RuleId).FirstAsync();
        var manual = await db.RuleResults.AsNoTracking()
            .Where(r => ids.Contains(r.ClusterId) && r.Status == RuleStatus.Manual && r.ObjectKey == ""
                && db.Clusters.Any(c => c.Id == r.ClusterId && c.LatestRunId == r.RunId))
            .OrderBy(r => r.ClusterId).ThenBy(r => r.RuleId).FirstAsync();
        var key = new FindingKey(finding.ClusterId, finding.RuleId, finding.ObjectKey);

        var exception = await Value(portal.Service<ExceptionService>().RequestAsync(Admin, new ExceptionRequest(
            finding.RuleId, "cluster", "riskAccepted", Justification, "2026-12-31", finding.ClusterId.ToString()), default));
        await Value(portal.Service<ExceptionService>().ApproveAsync(SecondAdmin, exception.Id, Comment, default));
        var attestation = await Value(portal.Service<AttestationService>().RecordAsync(Admin, new AttestationRequest(
            manual.ClusterId.ToString(), manual.RuleId, "pass", Evidence, Owner, "2026-12-31"), default));
        var (assigned, _, _) = await portal.Service<RemediationService>().ApplyAsync(Admin, [key], new RemediationChange(Owner: new NewValue<string?>(Owner)), default);
        Assert.Equal(1, assigned!.Changed);
        Assert.NotNull(await portal.Service<CommentService>().AddAsync(Admin, key, Comment, default));

        var markers = clusters.SelectMany(c => new[] { c.Name, c.Id.ToString("D"), c.Id.ToString("N") })
            .Concat([subscription, Justification, Comment, Owner, Evidence])
            .ToList();
        Assert.True(clusters.Count >= 2 && clusters.Any(c => c.SubscriptionId == subscription), "the Orders team's clusters were not found");
        return new OtherTeamData(clusters, teamId, subscription, import.Run.Id, earlierRun, key, exception.Id, attestation.Id, markers);
    }

    /// <summary>
    /// The markers <paramref name="body"/> contains, compared without case (ids may be written either way), except those
    /// the request <paramref name="url"/> itself carried: repeating what was asked (a filter shown back, a refusal that
    /// names the id) tells nothing new.
    /// </summary>
    public IReadOnlyList<string> FoundIn(string body, string url)
    {
        var asked = Uri.UnescapeDataString(url);
        return Markers.Where(m => body.Contains(m, StringComparison.OrdinalIgnoreCase) && !asked.Contains(m, StringComparison.OrdinalIgnoreCase)).ToList();
    }

    private static async Task<T> Value<T>(Task<GovernanceResult<T>> pending)
        where T : class
    {
        var result = await pending;
        return result.Value ?? throw new InvalidOperationException(result.Problem?.Detail);
    }
}
