using AksPosture.Engine.Rules;
using AksPosture.Web.Features.Remediation;

namespace AksPosture.Web.Features.Findings;

/// <summary>Everything the finding page shows: the finding, what the latest result saw, how to fix it, and what people did.</summary>
public sealed record FindingDetail(
    FindingView Finding,
    RuleHelp? Rule,
    LatestResult? Latest,
    IReadOnlyList<ResultInRun> Recent,
    IReadOnlyList<FindingHistoryEntry> History,
    IReadOnlyList<CommentView> Comments);

/// <summary>The rule catalog's explanation and fix: the <c>az</c> command and the property to set.</summary>
public sealed record RuleHelp(
    string Id, string Title, string Rationale, string Remediation, string? RemediationCommand, string? RemediationProperty, string? LearnMoreUrl)
{
    public static RuleHelp? For(string ruleId) => RuleCatalog.Find(ruleId)?.Definition is { } rule
        ? new RuleHelp(rule.Id, rule.Title, rule.Rationale, rule.Remediation, rule.RemediationCommand, rule.RemediationProperty, rule.LearnMoreUrl)
        : null;
}

/// <summary>The newest stored result for the finding's rule and object, with the evidence the rule read.</summary>
public sealed record LatestResult(Guid RunId, DateTimeOffset? At, string Result, string Message, IReadOnlyList<Evidence> Evidence);

/// <summary>
/// The result in one of the cluster's recent runs: a status code, <c>removed</c> when retention dropped that run's
/// results, or null when the run reported nothing for the object (it had no defect there).
/// </summary>
public sealed record ResultInRun(Guid RunId, DateTimeOffset? FinishedAt, string? Result);

/// <summary>A change people made to the finding, from the audit log; before and after hold the changed values as JSON.</summary>
public sealed record FindingHistoryEntry(DateTimeOffset At, string ActorName, string Action, string? Before, string? After);
