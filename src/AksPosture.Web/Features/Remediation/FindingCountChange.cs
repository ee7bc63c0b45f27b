namespace AksPosture.Web.Features.Remediation;

/// <summary>
/// How the runs of one day (UTC) changed the number of active findings of one cluster in one pillar. Only changes are
/// stored, so a year of daily runs over a quiet fleet stays small, and the count on any day is the sum of the changes
/// up to it. Rows are written with SQL only, hence no key for EF to track; a unique index covers the burn-down's reads.
/// </summary>
public sealed class FindingCountChange
{
    public Guid ClusterId { get; set; }

    public DateOnly Day { get; set; }

    /// <summary>The pillar key (<c>reliability</c>, <c>costOptimization</c>, …).</summary>
    public required string Pillar { get; set; }

    public int Delta { get; set; }
}

/// <summary>The same changes summed over the whole fleet, so an administrator's unfiltered burn-down reads a row per day and pillar.</summary>
public sealed class FleetFindingCountChange
{
    public DateOnly Day { get; set; }

    public required string Pillar { get; set; }

    public int Delta { get; set; }
}

/// <summary>The number of active findings of one cluster in one pillar now: what the next run's changes are measured against.</summary>
public sealed class ActiveFindingCount
{
    public Guid ClusterId { get; set; }

    public required string Pillar { get; set; }

    public int Active { get; set; }
}
