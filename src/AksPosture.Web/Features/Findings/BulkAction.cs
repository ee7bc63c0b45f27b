using AksPosture.Web.Features.Remediation;

namespace AksPosture.Web.Features.Findings;

/// <summary>A change the explorer applies to the selected findings, or to every finding that matches its filter.</summary>
public sealed record BulkAction(RemediationChange Change, bool AllMatching);
