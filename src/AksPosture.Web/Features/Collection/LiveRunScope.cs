using AksPosture.Engine.Collection;
using AksPosture.Engine.Snapshots;
using AksPosture.Web.Features.Assessments;

namespace AksPosture.Web.Features.Collection;

/// <summary>What a run reads from Azure: its scope (fleet, subscriptions, tag) within the portal's configured Azure scope.</summary>
internal static class LiveRunScope
{
    /// <summary>The Resource Graph scope to query and, where that scope cannot express the run's, which inventory rows to collect.</summary>
    public static (FleetScope Scope, Func<ClusterSnapshot, bool>? Include) For(FleetScope configured, RunScope run)
    {
        switch (run.Kind)
        {
            case RunScopeKind.Tag:
                var (key, value) = (run.TagKey!, run.TagValue!);
                // Tag names compare case-insensitively (the snapshot's tags do), values as written: as RunScope does in SQL.
                return (configured, c => c.Tags.TryGetValue(key, out var tag) && tag == value);
            case RunScopeKind.Subscriptions when configured.ManagementGroups.Count > 0:
                // Only clusters of these subscriptions that sit under the configured management groups.
                var wanted = run.SubscriptionIds.ToHashSet(StringComparer.OrdinalIgnoreCase);
                return (configured, c => wanted.Contains(c.SubscriptionId));
            case RunScopeKind.Subscriptions:
                List<string> outside = configured.IsAll ? [] : run.SubscriptionIds.Except(configured.Subscriptions, StringComparer.OrdinalIgnoreCase).ToList();
                return outside.Count == 0
                    ? (FleetScope.OfSubscriptions(run.SubscriptionIds), null)
                    : throw new ClusterSourceException(
                        $"Subscription {string.Join(", ", outside)} is outside the portal's Azure scope ({configured}); " +
                        "add it to Azure:Scope or run a scope inside it. Nothing was read or changed.");
            default:
                return (configured, null);
        }
    }
}
