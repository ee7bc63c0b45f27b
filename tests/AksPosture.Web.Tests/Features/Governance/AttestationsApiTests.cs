using System.Net;
using System.Text.Json;
using AksPosture.Engine.Rules;
using AksPosture.Engine.Scoring;
using AksPosture.Web.Tests.Infrastructure;

namespace AksPosture.Web.Tests.Features.Governance;

/// <summary>The attestations API: recorded by alex (Admin, who sees every cluster), refused to a Reader.</summary>
public sealed class AttestationsApiTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private readonly string _subscription = RunDriver.NewSubscription();

    private DateTimeOffset Now => portal.Factory.Time.GetUtcNow();

    [Fact]
    public async Task RecordThenRevoke_TheAttestedVerdictCountsInTheAdjustedScoreOnlyWhileActive()
    {
        var clusterId = await portal.ImportClusterAsync(_subscription, "aks-api-attest");
        var results = await portal.LatestResultsAsync(clusterId);
        var ruleId = results.Where(r => !r.IsObjectResult && r.Status == RuleStatus.Manual)
            .Where(r => results.Any(o => o.Pillar == r.Pillar && o.Status == RuleStatus.Fail))
            .Select(r => r.RuleId).Order(StringComparer.Ordinal).First();
        var armId = Uri.EscapeDataString(ClusterDocuments.InSubscription(_subscription, "aks-api-attest").Id);
        using var alex = portal.As("alex");

        var created = await alex.PostJsonAsync("/api/v1/attestations", Request(clusterId, ruleId, "pass"));
        var attestation = await created.ReadAsync<AttestationBody>();
        var attested = await (await alex.GetAsync($"/api/v1/scores?scope=cluster:{armId}")).ReadAsync<ScoresWithAdjustedBody>();
        var listed = await (await alex.GetAsync($"/api/v1/attestations?state=active&clusterId={clusterId}")).ReadAsync<PageBody<AttestationBody>>();
        var revoked = await alex.PostJsonAsync($"/api/v1/attestations/{attestation.Id}/revoke", """{ "comment": "Recorded on the wrong cluster." }""");
        var afterRevoke = await (await alex.GetAsync($"/api/v1/scores?scope=cluster:{armId}")).ReadAsync<ScoresWithAdjustedBody>();

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(("aks-api-attest", "pass", "active"), (attestation.ClusterName, attestation.Result, attestation.State));
        Assert.Equal(ScoreCalculator.Score(results.WithStatus(ruleId, RuleStatus.Pass)).Overall, attested.Adjusted.Overall);
        Assert.Equal(ScoreCalculator.Score(results).Overall, attested.Overall);
        Assert.NotEqual(attested.Overall, attested.Adjusted.Overall);
        Assert.Equal(1, attested.Adjusted.AttestationsApplied);
        Assert.Equal([attestation.Id], listed.Items.Select(a => a.Id));
        Assert.Equal("revoked", (await revoked.ReadAsync<AttestationBody>()).State);
        Assert.Equal(afterRevoke.Overall, afterRevoke.Adjusted.Overall);
    }

    [Fact]
    public async Task Post_AsReaderOrInvalid_IsRefusedSayingWhy()
    {
        var clusterId = await portal.ImportClusterAsync(_subscription, "aks-api-attest-bad");
        using var riley = portal.As("riley");
        using var alex = portal.As("alex");

        var byReader = await riley.PostJsonAsync("/api/v1/attestations", Request(clusterId, "AKS-REL-04", "pass"));
        var invalid = await alex.PostJsonAsync("/api/v1/attestations", JsonSerializer.Serialize(new { clusterId = "aks-api-attest-bad", ruleId = "AKS-REL-04", result = "pass" }));

        Assert.Equal(HttpStatusCode.Forbidden, byReader.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var problem = await invalid.ReadAsync<ProblemBody>();
        Assert.Equal(["clusterId", "evidence", "expiresAt", "owner"], problem.Errors!.Keys.Order());
        Assert.Equal("'aks-api-attest-bad' is neither a portal cluster id (GUID) nor the ARM resource id of a cluster.", problem.Errors["clusterId"][0]);
    }

    private string Request(Guid clusterId, string ruleId, string result) => JsonSerializer.Serialize(new
    {
        clusterId, ruleId, result, evidence = "https://wiki.example.com/runbooks/aks-dr-drill-2026-10", owner = "Platform team",
        expiresAt = Now.AddDays(90).ToString("yyyy-MM-dd"),
    });
}
