using System.Diagnostics.CodeAnalysis;
using Npgsql;

namespace AksPosture.Web.Features.Assessments;

public enum RunScopeKind
{
    Fleet,
    Subscriptions,
    Tag,
}

/// <summary>
/// Which clusters a run or schedule covers: <c>fleet</c>, <c>subscription:{id}[,{id}…]</c> or <c>tag:{key}={value}</c>.
/// <see cref="ToString"/> is the normalised form runs are keyed on, so two spellings of one scope never run at once.
/// </summary>
public sealed record RunScope(RunScopeKind Kind, IReadOnlyList<string> SubscriptionIds, string? TagKey, string? TagValue)
{
    public const string Grammar =
        "'fleet', 'subscription:<subscription GUID>' (several separated by commas) or 'tag:<key>=<value>'";

    public static RunScope Fleet { get; } = new(RunScopeKind.Fleet, [], null, null);

    public override string ToString() => Kind switch
    {
        RunScopeKind.Subscriptions => $"subscription:{string.Join(',', SubscriptionIds)}",
        RunScopeKind.Tag => $"tag:{TagKey}={TagValue}",
        _ => "fleet",
    };

    public static bool TryParse(string? text, [NotNullWhen(true)] out RunScope? scope)
    {
        scope = null;
        text = text?.Trim();
        if (string.IsNullOrEmpty(text) || text.Equals("fleet", StringComparison.OrdinalIgnoreCase))
        {
            scope = Fleet;
            return true;
        }

        var colon = text.IndexOf(':');
        if (colon < 0)
        {
            return false;
        }

        var (kind, rest) = (text[..colon].Trim(), text[(colon + 1)..].Trim());
        if (kind.Equals("subscription", StringComparison.OrdinalIgnoreCase) || kind.Equals("subscriptions", StringComparison.OrdinalIgnoreCase))
        {
            var parts = rest.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var ids = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var part in parts)
            {
                if (!Guid.TryParse(part, out var id))
                {
                    return false;
                }

                ids.Add(id.ToString("D"));
            }

            scope = ids.Count == 0 ? null : new RunScope(RunScopeKind.Subscriptions, ids.ToList(), null, null);
            return scope is not null;
        }

        var equals = rest.IndexOf('=');
        if (kind.Equals("tag", StringComparison.OrdinalIgnoreCase) && equals > 0)
        {
            // Azure compares tag names case-insensitively and keeps values as written.
            var key = rest[..equals].Trim().ToLowerInvariant();
            var value = rest[(equals + 1)..].Trim();
            scope = key.Length == 0 ? null : new RunScope(RunScopeKind.Tag, [], key, value);
            return scope is not null;
        }

        return false;
    }

    /// <summary>A SQL condition on the clusters table (alias <paramref name="alias"/>) that holds for clusters in the scope.</summary>
    public string SqlFilter(string alias, NpgsqlCommand command)
    {
        switch (Kind)
        {
            case RunScopeKind.Subscriptions:
                command.Parameters.AddWithValue("scope_subscriptions", SubscriptionIds.ToArray());
                return $"{alias}.subscription_id = ANY(@scope_subscriptions)";
            case RunScopeKind.Tag:
                command.Parameters.AddWithValue("scope_tag_key", TagKey!);
                command.Parameters.AddWithValue("scope_tag_value", TagValue!);
                return $"EXISTS (SELECT 1 FROM jsonb_each_text({alias}.tags) t WHERE lower(t.key) = @scope_tag_key AND t.value = @scope_tag_value)";
            default:
                return "TRUE";
        }
    }
}
