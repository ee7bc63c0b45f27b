using Azure.Core;
using Azure.Core.Pipeline;

namespace AksPosture.Engine.Collection;

/// <summary>
/// Applies the client-side limits to every attempt (retries too): Resource Graph queries wait for the quota
/// limiter and report its headers back; other ARM calls wait for their subscription's bucket.
/// </summary>
internal sealed class ThrottlePolicy(ResourceGraphLimiter resourceGraph, SubscriptionThrottle subscriptions) : HttpPipelinePolicy
{
    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        var uri = message.Request.Uri.ToUri();
        if (CallKinds.Of(uri) != CallKinds.ResourceGraph)
        {
            if (SubscriptionOf(uri) is { } subscription)
            {
                await subscriptions.WaitAsync(subscription, message.CancellationToken).ConfigureAwait(false);
            }

            await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
            return;
        }

        using (await resourceGraph.AcquireAsync(message.CancellationToken).ConfigureAwait(false))
        {
            await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
        }

        if (message.HasResponse)
        {
            resourceGraph.Observe(message.Response);
        }
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

    private static string? SubscriptionOf(Uri uri)
    {
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var at = Array.FindIndex(segments, s => s.Equals("subscriptions", StringComparison.OrdinalIgnoreCase));
        return at >= 0 && at + 1 < segments.Length ? segments[at + 1] : null;
    }
}
