namespace AksPosture.Web.Features.Remediation;

/// <summary>
/// How a run changed the number of active findings of one cluster in one pillar. Only changes are stored, so a year
/// of daily runs over a quiet fleet stays small, and the count at any moment is the sum of the changes before it.
/// </summary>
public sealed class FindingCountChange
{
    public Guid RunId { get; set; }

    public Guid ClusterId { get; set; }

    /// <summary>The pillar key (<c>reliability</c>, <c>costOptimization</c>, …).</summary>
    public required string Pillar { get; set; }

    /// <summary>When the run became visible (its finish).</summary>
    public DateTimeOffset At { get; set; }

    public int Delta { get; set; }
}

/// <summary>The number of active findings of one cluster in one pillar now: what the next run's changes are measured against.</summary>
public sealed class ActiveFindingCount
{
    public Guid ClusterId { get; set; }

    public required string Pillar { get; set; }

    public int Active { get; set; }
}
