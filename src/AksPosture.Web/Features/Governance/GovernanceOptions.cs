using System.ComponentModel.DataAnnotations;

namespace AksPosture.Web.Features.Governance;

/// <summary>Limits for exceptions and attestations: section <c>Governance</c>.</summary>
public sealed class GovernanceOptions
{
    public const string SectionName = "Governance";

    /// <summary>The longest an exception may be granted for; a later expiry is refused.</summary>
    [Range(1, 3650)]
    public int ExceptionMaxDays { get; set; } = 365;

    /// <summary>The longest an attestation holds before someone must attest again.</summary>
    [Range(1, 3650)]
    public int AttestationMaxDays { get; set; } = 365;

    /// <summary>Active exceptions and attestations expiring within this many days are listed as expiring.</summary>
    [Range(1, 365)]
    public int ExpiringWithinDays { get; set; } = 30;
}
