using AksPosture.Web.Features.Access;

namespace AksPosture.Web.Tests.Infrastructure;

public static class TestUsers
{
    /// <summary>A user holding <paramref name="role"/> and belonging to <paramref name="groups"/>.</summary>
    public static PortalUser With(string role, params string[] groups) =>
        new("test-user", "Test User", new HashSet<string>([role]), new HashSet<string>(groups));
}
