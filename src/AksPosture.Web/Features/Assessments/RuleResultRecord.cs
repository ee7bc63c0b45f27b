using AksPosture.Engine.Rules;

namespace AksPosture.Web.Features.Assessments;

/// <summary>One rule's verdict on one cluster (or one object in it) in one run.</summary>
public sealed class RuleResultRecord
{
    public Guid RunId { get; set; }

    public Guid ClusterId { get; set; }

    public required string RuleId { get; set; }

    /// <summary>The object inside the cluster; empty for the cluster itself.</summary>
    public string ObjectKey { get; set; } = "";

    public Pillar Pillar { get; set; }

    public Severity Severity { get; set; }

    public RuleStatus Status { get; set; }

    public required string Message { get; set; }

    /// <summary>JSON array of <c>{ path, value }</c>; value is null when the property was absent.</summary>
    public required string Evidence { get; set; }

    public required string CheckId { get; set; }
}
