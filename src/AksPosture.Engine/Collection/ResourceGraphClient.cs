using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using AksPosture.Engine.Snapshots;

namespace AksPosture.Engine.Collection;

/// <summary>
/// Azure Resource Graph queries (2022-10-01, <c>POST /providers/Microsoft.ResourceGraph/resources</c>): 1,000 rows a
/// page, the next page asked with the same body and the previous <c>$skipToken</c>. Every query passes through the
/// client's quota limiter.
/// </summary>
public sealed class ResourceGraphClient(AzureRestClient client)
{
    public const string ApiVersion = "2022-10-01";
    public const int PageSize = 1000;
    public const string Path = $"providers/Microsoft.ResourceGraph/resources?api-version={ApiVersion}";

    /// <summary>Every managed cluster in scope, in the ARM GET shape; <c>id</c> is projected and ordered on, as paging needs.</summary>
    public const string ClustersQuery =
        "resources | where type =~ 'microsoft.containerservice/managedclusters' "
        + "| project id, name, type, location, resourceGroup, subscriptionId, tags, sku, identity, zones, kind, extendedLocation, properties "
        + "| order by id asc";

    public const string SubscriptionsQuery =
        "resourcecontainers | where type =~ 'microsoft.resources/subscriptions' | project id, subscriptionId, name | order by id asc";

    /// <summary>The rows of a query, page by page.</summary>
    public async IAsyncEnumerable<IReadOnlyList<JsonObject>> QueryPagesAsync(string query, FleetScope scope, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? skipToken = null;
        do
        {
            var body = new JsonObject { ["query"] = query };
            scope.ApplyTo(body);
            body["options"] = skipToken is null
                ? new JsonObject { ["$top"] = PageSize, ["resultFormat"] = "objectArray" }
                : new JsonObject { ["$top"] = PageSize, ["$skipToken"] = skipToken, ["resultFormat"] = "objectArray" };
            var result = await client.PostAsync(Path, body, cancellationToken).ConfigureAwait(false);
            if (!result.IsSuccess)
            {
                throw new ResourceGraphException(query, result);
            }

            yield return (result.Body?["data"] as JsonArray ?? []).OfType<JsonObject>().ToList();
            skipToken = ClusterSnapshot.TextOf(result.Body?["$skipToken"]);
        }
        while (!string.IsNullOrEmpty(skipToken));
    }

    public async Task<IReadOnlyList<JsonObject>> QueryAsync(string query, FleetScope scope, CancellationToken cancellationToken)
    {
        var rows = new List<JsonObject>();
        await foreach (var page in QueryPagesAsync(query, scope, cancellationToken).ConfigureAwait(false))
        {
            rows.AddRange(page);
        }

        return rows;
    }

    /// <summary>Subscription id (lower case) → display name, from the <c>resourcecontainers</c> table.</summary>
    public async Task<IReadOnlyDictionary<string, string>> SubscriptionNamesAsync(FleetScope scope, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync(SubscriptionsQuery, scope, cancellationToken).ConfigureAwait(false);
        return rows
            .Select(r => (Id: ClusterSnapshot.TextOf(r["subscriptionId"]), Name: ClusterSnapshot.TextOf(r["name"])))
            .Where(r => r.Id is not null && r.Name is not null)
            .DistinctBy(r => r.Id!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(r => r.Id!.ToLowerInvariant(), r => r.Name!, StringComparer.OrdinalIgnoreCase);
    }
}

/// <summary>A Resource Graph query was refused or failed after the retries.</summary>
public sealed class ResourceGraphException(string query, ArmResult result)
    : Exception($"Resource Graph query failed with HTTP {result.Status}{(result.ErrorCode is null ? "" : $" {result.ErrorCode}")}: {result.ErrorMessage ?? "no detail"} (query: {query})")
{
    public ArmResult Result { get; } = result;
}
