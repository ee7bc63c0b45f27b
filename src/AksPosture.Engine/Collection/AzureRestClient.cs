using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Core;
using Azure.Core.Pipeline;
using AksPosture.Engine.Snapshots;

namespace AksPosture.Engine.Collection;

/// <summary>
/// The one client for ARM and Resource Graph: relative paths against the configured endpoint, JSON in and out, on the
/// shared pipeline. Error answers are returned, not thrown, so one failed data set never stops a run.
/// </summary>
public sealed class AzureRestClient
{
    private readonly HttpPipeline _pipeline;

    public AzureRestClient(AzureConnectionOptions options, TokenCredential credential, TimeProvider? time = null)
    {
        time ??= TimeProvider.System;
        Options = options;
        Credential = credential;
        Endpoint = options.ArmEndpoint;
        ResourceGraphLimiter = new ResourceGraphLimiter(time: time);
        SubscriptionThrottle = new SubscriptionThrottle(options.ReadsPerSecondPerSubscription, options.ReadBurstPerSubscription, time);
        _pipeline = AzurePipeline.Create(options, credential, [new ThrottlePolicy(ResourceGraphLimiter, SubscriptionThrottle), new CallCountingPolicy(Statistics, time)]);
    }

    public AzureConnectionOptions Options { get; }

    public TokenCredential Credential { get; }

    public Uri Endpoint { get; }

    public ResourceGraphLimiter ResourceGraphLimiter { get; }

    public SubscriptionThrottle SubscriptionThrottle { get; }

    public CallStatistics Statistics { get; } = new();

    public Task<ArmResult> GetAsync(string pathAndQuery, CancellationToken cancellationToken) =>
        SendAsync(RequestMethod.Get, new Uri(Endpoint, pathAndQuery), null, cancellationToken);

    public Task<ArmResult> PostAsync(string pathAndQuery, JsonNode? body, CancellationToken cancellationToken) =>
        SendAsync(RequestMethod.Post, new Uri(Endpoint, pathAndQuery), body, cancellationToken);

    /// <summary>GETs an ARM list and follows <c>nextLink</c>; the result body is <c>{ "value": [ … all pages … ] }</c>.</summary>
    public async Task<ArmResult> GetListAsync(string pathAndQuery, CancellationToken cancellationToken)
    {
        var items = new JsonArray();
        Uri? next = new(Endpoint, pathAndQuery);
        while (next is not null)
        {
            var page = await SendAsync(RequestMethod.Get, next, null, cancellationToken).ConfigureAwait(false);
            if (!page.IsSuccess)
            {
                return page;
            }

            foreach (var item in page.Body?["value"] as JsonArray ?? [])
            {
                items.Add(item?.DeepClone());
            }

            next = ClusterSnapshot.TextOf(page.Body?["nextLink"]) is { Length: > 0 } link ? SameHost(new Uri(link)) : null;
        }

        return new ArmResult(200, new JsonObject { ["value"] = items });
    }

    private async Task<ArmResult> SendAsync(RequestMethod method, Uri uri, JsonNode? body, CancellationToken cancellationToken)
    {
        using var message = _pipeline.CreateMessage();
        message.Request.Method = method;
        message.Request.Uri.Reset(uri);
        message.Request.Headers.Add("Accept", "application/json");
        if (body is not null)
        {
            message.Request.Headers.Add("Content-Type", "application/json");
            message.Request.Content = RequestContent.Create(BinaryData.FromString(body.ToJsonString()));
        }

        await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var response = message.Response;
        return new ArmResult(response.Status, Parse(response.Content));
    }

    // A nextLink pointing elsewhere would carry our token to another host; only the configured endpoint is followed.
    private Uri SameHost(Uri link) =>
        string.Equals(link.Authority, Endpoint.Authority, StringComparison.OrdinalIgnoreCase)
            ? link
            : throw new InvalidOperationException($"nextLink '{link}' leaves the ARM endpoint {Endpoint}.");

    private static JsonNode? Parse(BinaryData? content)
    {
        if (content is null || content.ToMemory().IsEmpty)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(content.ToStream(), SnapshotReader.NodeOptions);
        }
        catch (JsonException)
        {
            return JsonValue.Create(content.ToString());
        }
    }
}
