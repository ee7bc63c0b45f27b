namespace AksPosture.Engine.Rules;

public enum RuleScope
{
    Cluster,
    Workload,
    ClusterAndWorkload,
}

public enum Automation
{
    /// <summary>Decided entirely from data.</summary>
    Automated,
    /// <summary>Data decides part of it; a person attests the rest.</summary>
    Partial,
    /// <summary>An attestation item: a person records the verdict.</summary>
    Manual,
}

/// <summary>What a rule is, for people: everything except its predicate.</summary>
public sealed record RuleDefinition
{
    public required string Id { get; init; }
    public required Pillar Pillar { get; init; }
    public required Severity Severity { get; init; }
    public required string Title { get; init; }
    public required string Rationale { get; init; }
    public required string Remediation { get; init; }

    /// <summary>Where the rule comes from in the Well-Architected service guide for AKS.</summary>
    public required string SeedReference { get; init; }

    public RuleScope Scope { get; init; } = RuleScope.Cluster;
    public Automation Automation { get; init; } = Automation.Automated;

    /// <summary>An <c>az</c> command that fixes the finding, when one exists.</summary>
    public string? RemediationCommand { get; init; }

    /// <summary>The ARM / Bicep property to set.</summary>
    public string? RemediationProperty { get; init; }

    public string? LearnMoreUrl { get; init; }

    /// <summary>Azure Policy definition ids (or other catalogue references) that check the same thing.</summary>
    public IReadOnlyList<string> Lineage { get; init; } = [];

    /// <summary>Rules of different seed items that share one check carry the same id here.</summary>
    public string? CheckId { get; init; }

    public string EffectiveCheckId => CheckId ?? Id;
}
