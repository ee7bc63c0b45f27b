namespace AksPosture.Web.Features.Access;

/// <summary>
/// The app roles of the Entra ID app registration. Each role includes the ones above it in this list, so an Approver
/// may also do what a Contributor and a Reader may.
/// </summary>
public static class PortalRoles
{
    /// <summary>Sees posture data of the clusters of their teams.</summary>
    public const string Reader = "Reader";

    /// <summary>Updates findings, requests exceptions and records attestations.</summary>
    public const string Contributor = "Contributor";

    /// <summary>Approves or rejects exceptions that someone else requested.</summary>
    public const string Approver = "Approver";

    /// <summary>Manages schedules, teams and settings, opens the jobs dashboard, and sees every cluster.</summary>
    public const string Admin = "Admin";

    public static IReadOnlyList<string> All { get; } = [Reader, Contributor, Approver, Admin];

    /// <summary>The roles that satisfy <paramref name="role"/>: the role itself and every role above it.</summary>
    public static IReadOnlyList<string> AtLeast(string role) => All.Skip(All.ToList().IndexOf(role)).ToList();
}

/// <summary>Authorization policy names; every endpoint and page names one.</summary>
public static class PortalPolicies
{
    public const string Read = "posture.read";

    public const string Contribute = "posture.contribute";

    public const string Approve = "posture.approve";

    public const string Administer = "posture.administer";

    /// <summary>The lowest role a policy admits, for messages; null for an unknown policy.</summary>
    public static string? RoleFor(string? policy) => policy switch
    {
        Read => PortalRoles.Reader,
        Contribute => PortalRoles.Contributor,
        Approve => PortalRoles.Approver,
        Administer => PortalRoles.Admin,
        _ => null,
    };
}
