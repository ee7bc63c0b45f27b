namespace AksPosture.Web.Features.Remediation;

/// <summary>
/// What the people who own a finding are doing about it. It is theirs alone: runs never change it. Whether the defect
/// is still there is the finding's lifecycle state (new, open, resolved, reopened), which only runs set.
/// </summary>
public enum WorkflowStatus
{
    /// <summary>Nobody has started on it; every finding starts here.</summary>
    ToDo,

    /// <summary>Someone is working on the fix.</summary>
    InProgress,

    /// <summary>The fix is applied; the next run that resolves the finding confirms it.</summary>
    PendingVerification,

    /// <summary>The owners decided not to fix it. The finding still counts in scores; an exception is how that changes.</summary>
    WontFix,
}

public static class WorkflowStatusNames
{
    public static IReadOnlyList<WorkflowStatus> All { get; } = Enum.GetValues<WorkflowStatus>();

    /// <summary>The word the API, exports and the database use.</summary>
    public static string Key(this WorkflowStatus status) => status switch
    {
        WorkflowStatus.ToDo => "todo",
        WorkflowStatus.InProgress => "in-progress",
        WorkflowStatus.PendingVerification => "pending-verification",
        WorkflowStatus.WontFix => "wont-fix",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static string DisplayName(this WorkflowStatus status) => status switch
    {
        WorkflowStatus.ToDo => "To do",
        WorkflowStatus.InProgress => "In progress",
        WorkflowStatus.PendingVerification => "Fixed, pending verification",
        WorkflowStatus.WontFix => "Won't fix",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static string AllowedKeys { get; } = string.Join(", ", All.Select(s => s.Key()));

    public static WorkflowStatus? FromKey(string? key) =>
        All.Select(s => (WorkflowStatus?)s).FirstOrDefault(s => string.Equals(s!.Value.Key(), key?.Trim(), StringComparison.OrdinalIgnoreCase));
}
