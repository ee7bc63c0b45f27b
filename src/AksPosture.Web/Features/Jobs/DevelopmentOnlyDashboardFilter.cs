using Hangfire.Dashboard;

namespace AksPosture.Web.Features.Jobs;

/// <summary>
/// The portal has no sign-in yet, so the jobs dashboard (which can delete and re-run jobs) opens only in
/// Development. Issue 7 replaces this with the Admin policy.
/// </summary>
internal sealed class DevelopmentOnlyDashboardFilter(IHostEnvironment environment) : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) => environment.IsDevelopment();
}
