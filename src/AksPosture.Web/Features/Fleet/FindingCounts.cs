using AksPosture.Engine.Rules;
using AksPosture.Web.Data;
using AksPosture.Web.Features.Teams;

namespace AksPosture.Web.Features.Fleet;

/// <summary>Open findings and how they moved, in the selection: one row however many findings, from the findings table.</summary>
public sealed record RemediationProgress(int Open, int OpenedSince, int ResolvedSince, int ReopenedSince, DateTimeOffset Since);

/// <summary>Counts over the finding lifecycle of the clusters one user may see; findings of gone clusters are left out.</summary>
internal static class FindingCounts
{
    // A probe per selected cluster through the findings' primary key (cluster first); OFFSET 0 keeps it one.
    private const string OpenFindings = """
        FROM clusters c
        CROSS JOIN LATERAL (SELECT f.rule_id, f.pillar, f.severity, f.status, f.cluster_id FROM findings f
                            WHERE f.cluster_id = c.id AND f.state <> 'resolved' OFFSET 0) f
        WHERE c.gone_at IS NULL AND {selection}
        """;

    /// <summary>Every rule with open findings, at most one row per rule of the catalog.</summary>
    /// <remarks>
    /// Each cluster's findings are folded to one row per rule inside its probe, so clusters are counted with count(*)
    /// over a few dozen groups; count(DISTINCT) sorted every open finding of the fleet, spilling to disk.
    /// </remarks>
    public static async Task<List<RuleFailureRow>> RulesAsync(AppDbContext db, ClusterSelection selection, CancellationToken cancellationToken)
    {
        await using var command = await SelectionCommand.CreateAsync(db, selection, """
            SELECT f.rule_id, f.pillar, f.severity, count(*) FILTER (WHERE f.fails), count(*)
            FROM clusters c
            CROSS JOIN LATERAL (SELECT f.rule_id, f.pillar, f.severity, bool_or(f.status = 'FAIL') AS fails FROM findings f
                                WHERE f.cluster_id = c.id AND f.state <> 'resolved' GROUP BY 1, 2, 3) f
            WHERE c.gone_at IS NULL AND {selection}
            GROUP BY 1, 2, 3
            """, cancellationToken);
        var rows = new List<RuleFailureRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var ruleId = reader.GetString(0);
            rows.Add(new RuleFailureRow(
                ruleId, RuleCatalog.Find(ruleId)?.Definition.Title, PillarNames.FromKey(reader.GetString(1)) ?? Pillar.Reliability,
                Enum.Parse<Severity>(reader.GetString(2), ignoreCase: true), (int)reader.GetInt64(3), (int)reader.GetInt64(4)));
        }

        return rows;
    }

    /// <summary>The rules failing on the most clusters, then by weight.</summary>
    public static IReadOnlyList<RuleFailureRow> MostFailed(IEnumerable<RuleFailureRow> rules, int count) =>
        rules.Where(r => r.ClustersFailing > 0)
            .OrderByDescending(r => r.ClustersFailing).ThenByDescending(r => r.Severity).ThenBy(r => r.RuleId, StringComparer.Ordinal)
            .Take(count).ToList();

    /// <summary>The highest-impact open findings: severity weight times clusters affected.</summary>
    public static IReadOnlyList<RuleFailureRow> TopRisks(IEnumerable<RuleFailureRow> rules, int count) =>
        rules.OrderByDescending(r => r.Impact).ThenByDescending(r => r.Severity).ThenBy(r => r.RuleId, StringComparer.Ordinal)
            .Take(count).ToList();

    public static async Task<Dictionary<Severity, int>> OpenBySeverityAsync(AppDbContext db, ClusterSelection selection, CancellationToken cancellationToken) =>
        (await BySeverityAsync<string>(db, selection, $"SELECT ''::text, f.severity, count(*) {OpenFindings} GROUP BY 1, 2", cancellationToken))
            .GetValueOrDefault("") ?? [];

    // Columns: group key, severity, count.
    private static async Task<Dictionary<TKey, Dictionary<Severity, int>>> BySeverityAsync<TKey>(
        AppDbContext db, ClusterSelection selection, string sql, CancellationToken cancellationToken)
        where TKey : notnull
    {
        await using var command = await SelectionCommand.CreateAsync(db, selection, sql, cancellationToken);
        var groups = new Dictionary<TKey, Dictionary<Severity, int>>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var key = reader.GetFieldValue<TKey>(0);
            if (!groups.TryGetValue(key, out var counts))
            {
                groups[key] = counts = [];
            }

            counts[Enum.Parse<Severity>(reader.GetString(1), ignoreCase: true)] = (int)reader.GetInt64(2);
        }

        return groups;
    }

    public static Task<Dictionary<string, Dictionary<Severity, int>>> OpenBySeverityPerSubscriptionAsync(
        AppDbContext db, ClusterSelection selection, CancellationToken cancellationToken) =>
        BySeverityAsync<string>(db, selection, $"SELECT c.subscription_id, f.severity, count(*) {OpenFindings} GROUP BY 1, 2", cancellationToken);

    public static Task<Dictionary<Guid, Dictionary<Severity, int>>> OpenBySeverityPerTeamAsync(
        AppDbContext db, ClusterSelection selection, CancellationToken cancellationToken) =>
        BySeverityAsync<Guid>(db, selection, $"""
            WITH {GroupScores.TeamMembers}
            SELECT m.team_id, f.severity, count(*)
            FROM team_members m
            CROSS JOIN LATERAL (SELECT f.severity FROM findings f WHERE f.cluster_id = m.cluster_id AND f.state <> 'resolved' OFFSET 0) f
            GROUP BY 1, 2
            """, cancellationToken);

    public static async Task<RemediationProgress> ProgressAsync(
        AppDbContext db, ClusterSelection selection, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var command = await SelectionCommand.CreateAsync(db, selection, """
            SELECT count(*) FILTER (WHERE f.state <> 'resolved'),
                   count(*) FILTER (WHERE f.first_seen_at >= @since),
                   count(*) FILTER (WHERE f.state = 'resolved' AND f.resolved_at >= @since),
                   count(*) FILTER (WHERE f.reopened_at >= @since)
            FROM clusters c
            CROSS JOIN LATERAL (SELECT f.state, f.first_seen_at, f.resolved_at, f.reopened_at FROM findings f
                                WHERE f.cluster_id = c.id OFFSET 0) f
            WHERE c.gone_at IS NULL AND {selection}
            """, cancellationToken);
        command.Parameters.AddWithValue("since", since);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new RemediationProgress((int)reader.GetInt64(0), (int)reader.GetInt64(1), (int)reader.GetInt64(2), (int)reader.GetInt64(3), since);
    }
}
