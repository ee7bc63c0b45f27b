using System.Text.Json.Nodes;

namespace AksPosture.Engine.Rules;

/// <summary>
/// One entry of <c>properties.agentPoolProfiles</c>; reads are recorded as evidence under the pool's name. A small
/// value (the probe and the pool's cached reads): most rules list the pools, so listing them allocates one array.
/// </summary>
public readonly struct AgentPool
{
    private readonly Probe _probe;
    private readonly PoolEntry _entry;

    internal AgentPool(Probe probe, PoolEntry entry)
    {
        _probe = probe;
        _entry = entry;
    }

    public string Name => _entry.Name;

    public string? Text(string field) => Read(field).Text;

    public bool? Bool(string field)
    {
        var read = Read(field);
        return Probe.AsBool(read.Path, read.Node);
    }

    public int? Int(string field)
    {
        var read = Read(field);
        return Probe.AsInt(read.Path, read.Node);
    }

    public IReadOnlyList<string> TextList(string field)
    {
        var read = Read(field);
        return Probe.AsTextList(read.Path, read.Node);
    }

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

    /// <summary>The first pool in the list with this pool's name (what a lookup by name finds); reading it records nothing.</summary>
    internal JsonObject? Raw => _entry.FirstOfName;

    private ValueRead Read(string field) => _probe.Record(_entry.Field(field));
}
