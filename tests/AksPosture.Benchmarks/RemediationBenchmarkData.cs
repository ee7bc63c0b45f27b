using System.Globalization;
using AksPosture.Engine.Rules;

namespace AksPosture.Benchmarks;

/// <summary>
/// The remediation benchmark's fleet, written by set-based SQL in the database itself (nothing to do with how the
/// portal writes; only the shape of the data matters here).
/// </summary>
internal static class RemediationBenchmarkData
{
    private static readonly string[] Teams = ["payments", "orders", "web", "data", "platform"];

    private const string EmptyObject = "{}";

    public static string GroupId(int team) => $"00000000-0000-4000-8000-00000000000{team + 1}";

    public static string Sql(int clusters, int days, int perCluster, int churnPercent, IReadOnlyList<RuleDefinition> rules)
    {
        var ruleRows = string.Join(",\n", rules.Select((r, i) => $"({i}, '{r.Id}', '{r.Pillar.Key()}', '{r.Severity.ToString().ToLowerInvariant()}')"));
        var teamRows = string.Join(",\n", Teams.Select((t, i) =>
            $"(gen_random_uuid(), '{t}', 'bench', '{{}}', 'team', '{t}', ARRAY['{GroupId(i)}'], now(), now())"));
        var churn = (churnPercent / 100.0).ToString(CultureInfo.InvariantCulture);
        return $"""
            CREATE TEMP TABLE bench_rules (n int, rule_id text, pillar text, severity text);
            INSERT INTO bench_rules VALUES {ruleRows};
            CREATE TEMP TABLE bench_runs AS
                SELECT d, gen_random_uuid() AS id, date_trunc('day', now()) - make_interval(days => {days} - 1 - d) + interval '6 hours' AS at
                FROM generate_series(0, {days} - 1) d;
            INSERT INTO assessment_runs (id, trigger, status, queued_at, started_at, finished_at, rule_set_version, scoring_version,
                                         clusters_total, clusters_assessed, clusters_failed, batches_done, batches_total)
                SELECT id, 'schedule', 'succeeded', at, at, at, 'bench', '1', {clusters}, {clusters}, 0, 0, 0 FROM bench_runs;
            INSERT INTO subscriptions (subscription_id, display_name, first_seen_at, last_seen_at)
                SELECT md5('sub' || s)::uuid::text, 'Subscription ' || s, now(), now() FROM generate_series(0, 499) s;
            INSERT INTO teams (id, name, description, subscription_ids, tag_key, tag_value, entra_group_ids, created_at, updated_at) VALUES {teamRows};
            INSERT INTO clusters (id, arm_id, arm_id_key, name, subscription_id, resource_group, location, tags, environment, latest_snapshot,
                                  is_sample, first_seen_at, last_seen_at, latest_run_id)
                SELECT gen_random_uuid(), a.arm, lower(a.arm), 'aks-' || k, a.sub, 'rg-' || k, 'westeurope',
                       jsonb_build_object('team', (ARRAY['{string.Join("','", Teams)}'])[k % 5 + 1], 'environment', (ARRAY['production','staging','dev'])[k % 3 + 1]),
                       (ARRAY['production','staging','dev'])[k % 3 + 1], '{EmptyObject}', false,
                       (SELECT min(at) FROM bench_runs), (SELECT max(at) FROM bench_runs), (SELECT id FROM bench_runs WHERE d = {days} - 1)
                FROM generate_series(0, {clusters} - 1) k,
                     LATERAL (SELECT md5('sub' || (k % 500))::uuid::text AS sub) s,
                     LATERAL (SELECT '/subscriptions/' || s.sub || '/resourceGroups/rg-' || k || '/providers/Microsoft.ContainerService/managedClusters/aks-' || k AS arm, s.sub) a;
            CREATE TEMP TABLE bench_clusters AS SELECT id, row_number() OVER (ORDER BY id) AS k FROM clusters;
            INSERT INTO findings (cluster_id, rule_id, object_key, pillar, severity, status, state, first_seen_at, last_seen_at,
                                  resolved_at, reopened_at, times_reopened, last_run_id)
                SELECT c.id, r.rule_id, CASE WHEN j % 4 = 3 THEN 'ns-' || (c.k % 20) || '/Deployment/app-' || j ELSE '' END, r.pillar, r.severity,
                       'FAIL', CASE WHEN x.u < 0.25 THEN 'resolved' WHEN x.u < 0.35 THEN 'new' WHEN x.u < 0.4 THEN 'reopened' ELSE 'open' END,
                       x.first, now(), CASE WHEN x.u < 0.25 THEN least(now(), x.first + make_interval(secs => 86400 * (1 + 60 * random()))) END,
                       NULL, 0, (SELECT id FROM bench_runs WHERE d = {days} - 1)
                FROM bench_clusters c
                CROSS JOIN generate_series(0, {perCluster} - 1) j
                JOIN bench_rules r ON r.n = (c.k + j) % (SELECT count(*) FROM bench_rules)
                CROSS JOIN LATERAL (SELECT random() + 0 * j AS u, now() - make_interval(secs => 86400 * {days} * random() + 0 * j) AS first) x;
            INSERT INTO active_finding_counts (cluster_id, pillar, active)
                SELECT cluster_id, pillar, count(*) FROM findings WHERE state <> 'resolved' GROUP BY cluster_id, pillar;
            INSERT INTO finding_count_changes (cluster_id, day, pillar, delta)
                SELECT cluster_id, (SELECT at::date FROM bench_runs WHERE d = 0), pillar, active FROM active_finding_counts;
            INSERT INTO finding_count_changes (cluster_id, day, pillar, delta)
                SELECT c.id, r.at::date, p.pillar, CASE WHEN v.x = 0 THEN 1 ELSE v.x END
                FROM bench_runs r
                CROSS JOIN bench_clusters c
                CROSS JOIN (VALUES ('reliability'), ('security'), ('costOptimization'), ('operationalExcellence'), ('performanceEfficiency')) p(pillar)
                CROSS JOIN LATERAL (SELECT (floor(random() * 5) - 2)::int + 0 * r.d AS x) v
                WHERE r.d > 0 AND random() < {churn};
            INSERT INTO fleet_finding_count_changes (day, pillar, delta)
                SELECT day, pillar, sum(delta) FROM finding_count_changes GROUP BY day, pillar;
            INSERT INTO finding_remediations (cluster_id, rule_id, object_key, owner, due_at, workflow_status, ticket_url, comment_count, updated_at, updated_by)
                SELECT f.cluster_id, f.rule_id, f.object_key, 'owner-' || (abs(hashtext(f.rule_id)) % 50) || '@contoso.com',
                       current_date + (floor(random() * 60) - 30)::int, (ARRAY['todo','in-progress','pending-verification','wont-fix'])[floor(random() * 4 + 1)],
                       NULL, 0, now(), 'bench'
                FROM findings f WHERE random() < 0.2;
            """;
    }
}
