using AksPosture.Web.Features.Access;

namespace AksPosture.Web.Features.Governance;

/// <summary>
/// Cascaded by <see cref="ClusterGovernanceSection"/> to the result cards of a cluster page: who is looking, what reaches
/// the cluster, and how to refresh after a request or attestation.
/// </summary>
public sealed record ClusterGovernanceContext(Guid ClusterId, string ClusterName, PortalUser User, ClusterGovernance Governance, Func<Task> ReloadAsync);
