using System.Diagnostics;
using System.Text.Json.Nodes;
using AksPosture.Engine.Snapshots;
using AksPosture.Web.Data;
using AksPosture.Web.Features.Access;
using AksPosture.Web.Features.Assessments;
using AksPosture.Web.Features.Attestations;
using AksPosture.Web.Features.Exceptions;
using AksPosture.Web.Features.SampleFleet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AksPosture.Benchmarks;

/// <summary>
/// The fleet the pages benchmark loads pages over, stored the way a portal gets it: the sample teams (each owns the
/// synthetic clusters carrying its tag), two imported runs of the synthetic fleet that differ on a fifth of the
/// clusters (so runs have changes, findings resolve and appear), a few exceptions and attestations through the
/// portal's services, and daily history before the two runs for the trends (set-based in SQL; setup, not measured).
/// </summary>
internal static class PagesFleet
{
    // Two administrators: one requests and records, the other approves (the portal refuses to let one person do both).
    private static readonly PortalUser Requester = new("bench-requester", "Benchmark requester", new HashSet<string>([PortalRoles.Admin]), new HashSet<string>());

    private static readonly PortalUser Approver = new("bench-approver", "Benchmark approver", new HashSet<string>([PortalRoles.Admin]), new HashSet<string>());

    public static async Task StoreAsync(IServiceProvider services, string connectionString, int count, int days)
    {
        var factory = services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            db.Teams.AddRange(SampleTeams.Create(DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }

        var documents = SyntheticFleet.Generate(BenchmarkInputs.SampleFleetFolder, count, seed: 1);
        // A tenth of the clusters is worse in the first run and fixed in the second; another tenth gets worse in the second.
        await ImportAsync(services, documents.Select((d, i) => i % 10 == 0 ? Drift(d) : d), "first run");
        await ImportAsync(services, documents.Select((d, i) => i % 10 == 5 ? Drift(d) : d), "second run");
        await StoreGovernanceAsync(services, connectionString);
        await QueryLatency.BuildHistoryAsync(connectionString, "benchmark", days);
    }

    private static async Task ImportAsync(IServiceProvider services, IEnumerable<string> documents, string label)
    {
        var stopwatch = Stopwatch.StartNew();
        var snapshots = documents.Select((document, i) => SnapshotReader.Read(document, $"synthetic-{i}").Snapshots.Single()).ToList();
        var names = snapshots.Select(s => s.SubscriptionId).Distinct().ToDictionary(id => id, id => $"Subscription {id[..8]}");
        using var scope = services.CreateScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<AssessmentService>()
            .AssessAsync(snapshots, names, "benchmark", isSample: false, CancellationToken.None);
        Console.WriteLine($"{label}: stored {outcome.Run.ClustersAssessed:N0} clusters in {names.Count} subscriptions in {stopwatch.Elapsed.TotalSeconds:0.0} s (run {outcome.Run.Status})");
    }

    // Settings a real cluster drifts on between runs: the free control plane tier and no network policy.
    private static string Drift(string document)
    {
        var bundle = JsonNode.Parse(document)!.AsObject();
        var cluster = bundle["cluster"]!.AsObject();
        cluster["sku"] = new JsonObject { ["name"] = "Base", ["tier"] = "Free" };
        if ((cluster["properties"] as JsonObject ?? cluster)["networkProfile"] is JsonObject network)
        {
            network["networkPolicy"] = "none";
        }

        return bundle.ToJsonString();
    }

    // Approved exceptions on single clusters and on one team's tag, one still pending, and attestations of manual checks.
    private static async Task StoreGovernanceAsync(IServiceProvider services, string connectionString)
    {
        var stopwatch = Stopwatch.StartNew();
        var failing = await PairsAsync(connectionString, "FAIL", 6);
        var manual = await PairsAsync(connectionString, "MANUAL", 6);
        var expires = DateTimeOffset.UtcNow.AddDays(60).ToString("yyyy-MM-dd");
        using var scope = services.CreateScope();
        var exceptions = scope.ServiceProvider.GetRequiredService<ExceptionService>();
        var requests = failing.Select(p => new ExceptionRequest(p.RuleId, "cluster", "mitigated", "Compensating control in the landing zone.", expires, p.ClusterId.ToString()))
            .Append(new ExceptionRequest(failing[0].RuleId, "tag", "riskAccepted", "Accepted for the web team's clusters until the migration.", expires, Tag: "team=web"))
            .ToList();
        for (var i = 0; i < requests.Count; i++)
        {
            var requested = await exceptions.RequestAsync(Requester, requests[i], CancellationToken.None);
            var id = requested.Value?.Id ?? throw new InvalidOperationException($"Exception request refused: {requested.Problem?.Detail}");
            if (i > 0)
            {
                Ensure((await exceptions.ApproveAsync(Approver, id, "Approved for the benchmark.", CancellationToken.None)).Problem);
            }
        }

        var attestations = scope.ServiceProvider.GetRequiredService<AttestationService>();
        foreach (var (clusterId, ruleId) in manual)
        {
            Ensure((await attestations.RecordAsync(Requester, new AttestationRequest(clusterId.ToString(), ruleId, "pass", "https://wiki.example/drills/2026-q4", "platform-team", expires), CancellationToken.None)).Problem);
        }

        Console.WriteLine($"stored {requests.Count} exceptions ({requests.Count - 1} approved, one pending) and {manual.Count} attestations in {stopwatch.Elapsed.TotalSeconds:0.0} s");
    }

    private static void Ensure(object? problem)
    {
        if (problem is not null)
        {
            throw new InvalidOperationException($"The portal refused a benchmark change: {problem}");
        }
    }

    // Distinct clusters with a cluster-level result of the given status in their latest run.
    private static async Task<List<(Guid ClusterId, string RuleId)>> PairsAsync(string connectionString, string status, int count)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT DISTINCT ON (c.id) c.id, r.rule_id
            FROM clusters c JOIN rule_results r ON r.run_id = c.latest_run_id AND r.cluster_id = c.id
            WHERE r.status = @status AND r.object_key = ''
            ORDER BY c.id, r.rule_id
            LIMIT @count
            """, connection);
        command.Parameters.AddWithValue("status", status);
        command.Parameters.AddWithValue("count", count);
        var pairs = new List<(Guid, string)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            pairs.Add((reader.GetGuid(0), reader.GetString(1)));
        }

        return pairs.Count == count ? pairs : throw new InvalidOperationException($"Only {pairs.Count} clusters have a {status} result; the benchmark needs {count}.");
    }
}
