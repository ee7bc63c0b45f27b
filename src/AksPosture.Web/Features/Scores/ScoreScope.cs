using AksPosture.Engine.Snapshots;

namespace AksPosture.Web.Features.Scores;

public enum ScoreScopeKind
{
    Fleet,
    Subscription,
    Cluster,
}

/// <summary>What a score is about: the whole fleet, one subscription or one cluster (by ARM id).</summary>
public sealed record ScoreScope(ScoreScopeKind Kind, string? Id)
{
    public static ScoreScope Fleet { get; } = new(ScoreScopeKind.Fleet, null);

    public override string ToString() => Kind switch
    {
        ScoreScopeKind.Subscription => $"subscription:{Id}",
        ScoreScopeKind.Cluster => $"cluster:{Id}",
        _ => "fleet",
    };

    /// <summary>Parses <c>fleet</c>, <c>subscription:{guid}</c> or <c>cluster:{ARM id}</c>; ids are lower-cased for matching.</summary>
    public static bool TryParse(string? text, out ScoreScope scope)
    {
        scope = Fleet;
        text = text?.Trim();
        if (string.IsNullOrEmpty(text) || text.Equals("fleet", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var colon = text.IndexOf(':');
        var (kind, id) = colon < 0 ? (text, "") : (text[..colon], text[(colon + 1)..].Trim());
        if (kind.Equals("subscription", StringComparison.OrdinalIgnoreCase) && Guid.TryParse(id, out var subscription))
        {
            scope = new ScoreScope(ScoreScopeKind.Subscription, subscription.ToString("D"));
            return true;
        }

        if (kind.Equals("cluster", StringComparison.OrdinalIgnoreCase) && ResourceId.TryParse(id) is not null)
        {
            scope = new ScoreScope(ScoreScopeKind.Cluster, id.ToLowerInvariant());
            return true;
        }

        return false;
    }
}
