namespace AksPosture.Web.Features.Remediation;

/// <summary>
/// Who fixes a finding, by when, how far they are and where the work is tracked. Kept beside the finding rather than
/// in it, so run merges never touch it and it survives a finding resolving and reopening. A finding without a row
/// is unassigned, has no due date and is to do.
/// </summary>
public sealed class FindingRemediation
{
    public const int OwnerMaxLength = 256;

    public const int TicketUrlMaxLength = 2048;

    public Guid ClusterId { get; set; }

    public required string RuleId { get; set; }

    public string ObjectKey { get; set; } = "";

    /// <summary>Who answers for the fix, as people write it (a name or an e-mail address); null when unassigned.</summary>
    public string? Owner { get; set; }

    /// <summary>The day the fix is due (UTC); past it, an active finding is overdue.</summary>
    public DateOnly? DueAt { get; set; }

    public WorkflowStatus WorkflowStatus { get; set; }

    /// <summary>The work item that tracks the fix (http or https).</summary>
    public string? TicketUrl { get; set; }

    /// <summary>How many comments the finding has, kept here so lists need not count them row by row.</summary>
    public int CommentCount { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = "";
}
