namespace AksPosture.Web.Features.Remediation;

/// <summary>A value to store, which may itself be null (to clear an owner, say), as opposed to leaving the field alone.</summary>
public readonly record struct NewValue<T>(T Value);

/// <summary>The remediation fields one request changes; a null field is left as it is.</summary>
public sealed record RemediationChange(
    NewValue<string?>? Owner = null,
    NewValue<DateOnly?>? DueAt = null,
    NewValue<WorkflowStatus>? WorkflowStatus = null,
    NewValue<string?>? TicketUrl = null)
{
    public bool IsEmpty => Owner is null && DueAt is null && WorkflowStatus is null && TicketUrl is null;

    /// <summary>
    /// Applies the change; returns the changed fields' values before and after (API names), both empty when nothing
    /// actually changed.
    /// </summary>
    public (Dictionary<string, object?> Before, Dictionary<string, object?> After) ApplyTo(FindingRemediation remediation)
    {
        var before = new Dictionary<string, object?>();
        var after = new Dictionary<string, object?>();
        if (Owner is { } owner && owner.Value != remediation.Owner)
        {
            (before["owner"], after["owner"], remediation.Owner) = (remediation.Owner, owner.Value, owner.Value);
        }

        if (DueAt is { } due && due.Value != remediation.DueAt)
        {
            (before["dueAt"], after["dueAt"], remediation.DueAt) = (remediation.DueAt, due.Value, due.Value);
        }

        if (WorkflowStatus is { } status && status.Value != remediation.WorkflowStatus)
        {
            (before["workflowStatus"], after["workflowStatus"], remediation.WorkflowStatus) = (remediation.WorkflowStatus.Key(), status.Value.Key(), status.Value);
        }

        if (TicketUrl is { } ticket && ticket.Value != remediation.TicketUrl)
        {
            (before["ticketUrl"], after["ticketUrl"], remediation.TicketUrl) = (remediation.TicketUrl, ticket.Value, ticket.Value);
        }

        return (before, after);
    }

    /// <summary>The audit action for a change of <paramref name="fields"/>: a specific verb for one field, <c>finding.update</c> for several.</summary>
    public static string AuditAction(IReadOnlyCollection<string> fields) => fields.Count != 1 ? "finding.update" : fields.Single() switch
    {
        "owner" => "finding.assign",
        "dueAt" => "finding.set-due-date",
        "workflowStatus" => "finding.set-workflow-status",
        _ => "finding.set-ticket",
    };
}
