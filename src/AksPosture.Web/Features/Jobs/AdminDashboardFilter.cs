using AksPosture.Web.Features.Access;
using Hangfire.Dashboard;

namespace AksPosture.Web.Features.Jobs;

/// <summary>
/// The jobs dashboard can delete and re-run jobs, so only administrators open it. The endpoint's Admin policy answers
/// first; this is Hangfire's own check, kept so the dashboard never falls back to its default (local requests only).
/// </summary>
internal sealed class AdminDashboardFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) => PortalUser.FromPrincipal(context.GetHttpContext().User).IsAdmin;
}
