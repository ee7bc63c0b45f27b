using System.Text.Json.Nodes;

namespace AksPosture.Engine.Rules;

/// <summary>One entry of <c>properties.agentPoolProfiles</c>; reads are recorded as evidence under the pool's name.</summary>
public sealed class AgentPool(Probe probe, JsonObject pool, string name)
{
    public string Name { get; } = name;

    public string? Text(string field) => Probe.AsText(PathOf(field), Read(field));
    public bool? Bool(string field) => Probe.AsBool(PathOf(field), Read(field));
    public int? Int(string field) => Probe.AsInt(PathOf(field), Read(field));
    public IReadOnlyList<string> TextList(string field) => Probe.AsTextList(PathOf(field), Read(field));

    /// <summary><c>System</c>, <c>User</c> or <c>Gateway</c>; absent reads as User, the API default for added pools.</summary>
    public string Mode => Text("mode") ?? "User";

    public bool IsSystem => Mode.Equals("System", StringComparison.OrdinalIgnoreCase);

    /// <summary>Regular user pools: not system, not the static egress gateway pools, not Spot.</summary>
    public bool IsRegularUserPool =>
        Mode.Equals("User", StringComparison.OrdinalIgnoreCase) && !IsSpot;

    public bool IsUserPool => Mode.Equals("User", StringComparison.OrdinalIgnoreCase);

    public bool IsSpot => string.Equals(Text("scaleSetPriority"), "Spot", StringComparison.OrdinalIgnoreCase);

    public bool Autoscaled => Bool("enableAutoScaling") == true;

    /// <summary>The guaranteed node count: the autoscaler's minimum when it is on, else the fixed count.</summary>
    public int? GuaranteedNodes => Autoscaled ? Int("minCount") : Int("count");

    private JsonNode? Read(string field) => probe.Record(PathOf(field), pool[field]);

    // Every rule reads the same few fields of the same few pools: build each evidence path once.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Pool, string Field), string> Paths = new();

    private string PathOf(string field) => Paths.GetOrAdd((Name, field), key => $"properties.agentPoolProfiles[{key.Pool}].{key.Field}");
}
