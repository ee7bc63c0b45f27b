using AksPosture.Engine.Rules;
using AksPosture.Web.Features.Remediation;

namespace AksPosture.Web.Features.Findings;

/// <summary>
/// A finding as lists, exports and the API show it: the lifecycle a run maintains (<see cref="Status"/> is new, open,
/// resolved or reopened) beside the remediation people maintain (owner, due date, workflow status, ticket).
/// </summary>
public sealed record FindingView(
    Guid ClusterId,
    string ClusterName,
    string ClusterArmId,
    string SubscriptionId,
    string RuleId,
    string ObjectKey,
    string Pillar,
    string Severity,
    string Result,
    string Status,
    DateTimeOffset FirstSeenAt,
    DateTimeOffset LastSeenAt,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset? ReopenedAt,
    int TimesReopened,
    bool ClusterGone,
    string Key,
    string? RuleTitle,
    string? Environment,
    string? Owner,
    DateOnly? DueAt,
    string WorkflowStatus,
    string? TicketUrl,
    int CommentCount,
    bool Overdue);

public sealed record FindingPage(IReadOnlyList<FindingView> Items, int Page, int PageSize, int Total);

/// <summary>One finding row as the database returns it, before it is put in words.</summary>
internal sealed record FindingRow
{
    private static readonly Dictionary<string, string> RuleTitles =
        RuleCatalog.All.ToDictionary(r => r.Definition.Id, r => r.Definition.Title, StringComparer.OrdinalIgnoreCase);

    public Guid ClusterId { get; init; }

    public string ClusterName { get; init; } = "";

    public string ClusterArmId { get; init; } = "";

    public string ClusterArmIdKey { get; init; } = "";

    public string SubscriptionId { get; init; } = "";

    public string? Environment { get; init; }

    public DateTimeOffset? GoneAt { get; init; }

    public string RuleId { get; init; } = "";

    public string ObjectKey { get; init; } = "";

    public Pillar Pillar { get; init; }

    public Severity Severity { get; init; }

    public RuleStatus Result { get; init; }

    public FindingState State { get; init; }

    public DateTimeOffset FirstSeenAt { get; init; }

    public DateTimeOffset LastSeenAt { get; init; }

    public DateTimeOffset? ResolvedAt { get; init; }

    public DateTimeOffset? ReopenedAt { get; init; }

    public int TimesReopened { get; init; }

    public string? Owner { get; init; }

    public DateOnly? DueAt { get; init; }

    /// <summary>Null when nobody has touched the finding's remediation (which reads as to do).</summary>
    public WorkflowStatus? WorkflowStatus { get; init; }

    public string? TicketUrl { get; init; }

    public int? CommentCount { get; init; }

    public FindingView ToView(DateOnly today) => new(
        ClusterId, ClusterName, ClusterArmId, SubscriptionId, RuleId, ObjectKey, Pillar.Key(), Severity.ToString().ToLowerInvariant(),
        Result.Code(), State.ToString().ToLowerInvariant(), FirstSeenAt, LastSeenAt, ResolvedAt, ReopenedAt, TimesReopened, GoneAt is not null,
        new FindingKey(ClusterId, RuleId, ObjectKey).ToString(), RuleTitles.GetValueOrDefault(RuleId), Environment, Owner, DueAt,
        (WorkflowStatus ?? Remediation.WorkflowStatus.ToDo).Key(), TicketUrl, CommentCount ?? 0,
        FindingOverdue.IsOverdue(State, WorkflowStatus, DueAt, today));
}

/// <summary>When a finding is overdue; the SQL filter in <see cref="FindingRows"/> says the same.</summary>
public static class FindingOverdue
{
    public static bool IsOverdue(FindingState state, WorkflowStatus? workflow, DateOnly? dueAt, DateOnly today) =>
        dueAt is { } due && due < today && Finding.IsActive(state) && workflow != WorkflowStatus.WontFix;
}
