using System.Net.Http.Json;
using System.Text;

namespace AksPosture.Web.Tests.Infrastructure;

/// <summary>The API's JSON as a client reads it; kept apart from the server's records so a rename breaks a test.</summary>
public sealed record ImportBody(Guid RunId, string Status, string RuleSetVersion, string ScoringVersion, List<ImportedClusterBody> Clusters, List<ImportErrorBody> Errors);

public sealed record ImportedClusterBody(string Id, string Name, string SubscriptionId, double? Overall);

public sealed record ImportErrorBody(string File, string Message);

public sealed record ScoresBody(
    string Scope,
    double? Reliability,
    double? Security,
    double? CostOptimization,
    double? OperationalExcellence,
    double? PerformanceEfficiency,
    double? Overall,
    int Clusters);

public sealed record ProblemBody(int Status, string? Title, string? Detail, Dictionary<string, string[]>? Errors = null);

public sealed record AcceptedBody(Guid Id);

public sealed record RunBody(
    Guid Id,
    string Status,
    string Trigger,
    string? Scope,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    int ClustersTotal,
    int ClustersAssessed,
    int ClustersFailed,
    string RuleSetVersion);

public sealed record PageBody<T>(List<T> Items, int Page, int PageSize, int Total);

public sealed record FindingBody(
    Guid ClusterId, string ClusterName, string SubscriptionId, string RuleId, string ObjectKey, string Pillar, string Severity, string Result,
    string Status, DateTimeOffset FirstSeenAt, DateTimeOffset LastSeenAt, DateTimeOffset? ResolvedAt, DateTimeOffset? ReopenedAt, bool ClusterGone);

public sealed record FindingChangeBody(Guid ClusterId, string ClusterName, string RuleId, string ObjectKey, string Result);

public sealed record DiffBody(
    Guid Id, Guid Against, int NewCount, int ResolvedCount, int ReopenedCount,
    List<FindingChangeBody> New, List<FindingChangeBody> Resolved, List<FindingChangeBody> Reopened);

public sealed record TrendPointBody(
    DateTimeOffset At, Guid RunId, double? Reliability, double? Security, double? CostOptimization, double? OperationalExcellence,
    double? PerformanceEfficiency, double? Overall, int Clusters);

public sealed record TrendBody(string Scope, string Interval, DateTimeOffset From, DateTimeOffset To, List<TrendPointBody> Points);

public sealed record ScheduleBody(
    Guid Id, string Name, string Cron, string TimeZone, string Scope, bool Paused, DateTimeOffset? NextRunAt, DateTimeOffset? LastTriggeredAt, Guid? LastRunId);

public static class ApiClient
{
    public static Task<HttpResponseMessage> ImportAsync(this HttpClient client, string json) =>
        client.PostAsync("/api/v1/imports", new StringContent(json, Encoding.UTF8, "application/json"));

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, string json) =>
        client.PostAsync(url, new StringContent(json, Encoding.UTF8, "application/json"));

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string url, string json) =>
        client.PutAsync(url, new StringContent(json, Encoding.UTF8, "application/json"));

    /// <summary>Polls a run until it is no longer queued or running.</summary>
    public static async Task<RunBody> FinishedRunAsync(this HttpClient client, Guid id)
    {
        RunBody? run = null;
        await Eventually.Async(async () =>
        {
            run = await (await client.GetAsync($"/api/v1/assessments/{id}")).ReadAsync<RunBody>();
            return run.Status is not ("queued" or "running");
        }, $"run {id} to finish");
        return run!;
    }

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<T>() ?? throw new InvalidOperationException("The response body is empty.");
}
