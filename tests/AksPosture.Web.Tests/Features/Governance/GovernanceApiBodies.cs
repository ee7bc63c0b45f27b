using AksPosture.Web.Features.Access;
using AksPosture.Web.Tests.Infrastructure;

namespace AksPosture.Web.Tests.Features.Governance;

/// <summary>The exceptions, attestations and adjusted scores JSON as a client reads it.</summary>
public sealed record ExceptionBody(
    Guid Id, string RuleId, string Scope, string ScopeText, Guid? ClusterId, string? Tag, string Category, string Justification,
    DateTimeOffset ExpiresAt, string State, bool Expiring, string RequestedBy, string? DecidedBy, string? DecisionComment);

public sealed record AttestationBody(Guid Id, Guid ClusterId, string ClusterName, string RuleId, string Result, string Evidence, string Owner, string State);

public sealed record AdjustedBody(
    double? Reliability, double? Security, double? CostOptimization, double? OperationalExcellence, double? PerformanceEfficiency, double? Overall,
    int Clusters, int ClustersAdjusted, int ExceptionsApplied, int AttestationsApplied);

public sealed record ScoresWithAdjustedBody(string Scope, double? Security, double? Overall, int Clusters, AdjustedBody Adjusted);

public static class SampleClients
{
    /// <summary>A client acting as a sample user (alex, avery, casey, riley) through the sample mode's cookie.</summary>
    public static HttpClient As(this PortalFixture portal, string sampleUser)
    {
        var client = portal.Factory.CreateClient();
        client.DefaultRequestHeaders.Add("Cookie", $"{SampleUsers.CookieName}={sampleUser}");
        return client;
    }
}
