using AksPosture.Web.Features.Access;
using AksPosture.Web.Features.Teams;

namespace AksPosture.Web.Features.SampleFleet;

/// <summary>The teams of the invented organisation: each owns the sample clusters tagged with its name.</summary>
public static class SampleTeams
{
    public static IReadOnlyList<Team> Create(DateTimeOffset now) =>
    [
        Make("Payments", "payments", SampleUsers.PaymentsGroupId, now),
        Make("Orders", "orders", "5a4d6f52-0000-4000-8000-000000000002", now),
        Make("Web", "web", "5a4d6f52-0000-4000-8000-000000000003", now),
        Make("Data", "data", "5a4d6f52-0000-4000-8000-000000000004", now),
        Make("Platform", "platform", "5a4d6f52-0000-4000-8000-000000000005", now),
    ];

    private static Team Make(string name, string tagValue, string groupId, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Name = name,
        Description = $"Sample team: the clusters tagged team={tagValue}.",
        TagKey = "team",
        TagValue = tagValue,
        EntraGroupIds = [groupId],
        CreatedAt = now,
        UpdatedAt = now,
    };
}
