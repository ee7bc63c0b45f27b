using AksPosture.Web.Data;
using AksPosture.Web.Features.Access;
using AksPosture.Web.Features.Fleet;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AksPosture.Web.Features.Teams;

/// <summary>
/// The clusters one user may see under one filter, as a SQL condition on the clusters table. Every query that lists
/// or counts clusters, findings, scores or exports goes through this, so team scoping holds in the query layer and not
/// only in what links a page shows. Gone clusters are not excluded here; callers decide.
/// </summary>
public sealed class ClusterSelection
{
    private readonly List<string> _conditions = [];
    private readonly List<NpgsqlParameter> _parameters = [];

    private ClusterSelection()
    {
    }

    /// <summary>Builds the selection: non-admins see only the clusters of teams one of their groups belongs to.</summary>
    public static async Task<ClusterSelection> ForAsync(AppDbContext db, PortalUser user, ClusterFilter filter, CancellationToken cancellationToken)
    {
        var selection = new ClusterSelection();
        if (!user.IsAdmin)
        {
            var groups = user.GroupIds.ToArray();
            var teams = await db.Teams.AsNoTracking()
                .Where(t => t.EntraGroupIds.Any(g => groups.Contains(g)))
                .ToListAsync(cancellationToken);
            selection.AddAnyTeam(teams);
        }

        if (filter.TeamId is { } teamId)
        {
            var team = await db.Teams.AsNoTracking().FirstOrDefaultAsync(t => t.Id == teamId, cancellationToken);
            selection.AddAnyTeam(team is null ? [] : [team]);
        }

        if (filter.SubscriptionId is { } subscription)
        {
            selection.Add("{0}.subscription_id = @{p}", subscription.ToLowerInvariant());
        }

        if (filter.SubscriptionIds is { Count: > 0 } subscriptions)
        {
            selection.Add("{0}.subscription_id = ANY(@{p})", subscriptions.Select(s => s.ToLowerInvariant()).ToArray());
        }

        if (filter.ClusterId is { } clusterId)
        {
            selection.Add("{0}.id = @{p}", clusterId);
        }

        if (filter.Environment is { } environment)
        {
            selection.Add("lower({0}.environment) = @{p}", environment.ToLowerInvariant());
        }

        if (filter.TagKey is { } tagKey)
        {
            selection.AddTag(tagKey, filter.TagValue ?? "");
        }

        return selection;
    }

    /// <summary>The clusters as a query EF can compose on.</summary>
    public IQueryable<Cluster> Clusters(AppDbContext db)
    {
        if (_conditions.Count == 0)
        {
            return db.Clusters;
        }

        // The condition holds only fixed SQL and parameter names; every value travels as a parameter.
        var sql = "SELECT * FROM clusters c WHERE " + Condition("c");
#pragma warning disable EF1002
        return db.Clusters.FromSqlRaw(sql, _parameters.Select(Clone).ToArray<object>());
#pragma warning restore EF1002
    }

    /// <summary>The condition for hand-written SQL, on the clusters table aliased <paramref name="alias"/>.</summary>
    public string Condition(string alias) =>
        _conditions.Count == 0 ? "TRUE" : string.Join(" AND ", _conditions.Select(c => string.Format(c, alias)));

    /// <summary>Adds this selection's parameters to a hand-written command that uses <see cref="Condition"/>.</summary>
    public void AddParameters(NpgsqlCommand command) => command.Parameters.AddRange(_parameters.Select(Clone).ToArray());

    private void AddAnyTeam(IReadOnlyList<Team> teams)
    {
        if (teams.Count == 0)
        {
            _conditions.Add("FALSE");
            return;
        }

        var alternatives = new List<string>();
        foreach (var team in teams)
        {
            if (team.SubscriptionIds.Count > 0)
            {
                alternatives.Add($"{{0}}.subscription_id = ANY(@{Parameter(team.SubscriptionIds.Select(s => s.ToLowerInvariant()).ToArray())})");
            }

            if (team.TagKey is { } key)
            {
                alternatives.Add(TagCondition(key, team.TagValue ?? ""));
            }
        }

        _conditions.Add(alternatives.Count == 0 ? "FALSE" : $"({string.Join(" OR ", alternatives)})");
    }

    private void AddTag(string key, string value) => _conditions.Add(TagCondition(key, value));

    private string TagCondition(string key, string value) =>
        $"EXISTS (SELECT 1 FROM jsonb_each_text({{0}}.tags) tag WHERE lower(tag.key) = @{Parameter(key.ToLowerInvariant())} AND tag.value = @{Parameter(value)})";

    private void Add(string condition, object value) => _conditions.Add(condition.Replace("{p}", Parameter(value), StringComparison.Ordinal));

    private string Parameter(object value)
    {
        var name = $"selection_{_parameters.Count}";
        _parameters.Add(new NpgsqlParameter(name, value));
        return name;
    }

    // A parameter belongs to one command, and a selection may serve several.
    private static NpgsqlParameter Clone(NpgsqlParameter parameter) => new(parameter.ParameterName, parameter.Value);
}
