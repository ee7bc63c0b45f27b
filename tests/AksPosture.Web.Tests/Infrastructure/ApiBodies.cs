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

public sealed record ProblemBody(int Status, string? Title, string? Detail);

public static class ApiClient
{
    public static Task<HttpResponseMessage> ImportAsync(this HttpClient client, string json) =>
        client.PostAsync("/api/v1/imports", new StringContent(json, Encoding.UTF8, "application/json"));

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<T>() ?? throw new InvalidOperationException("The response body is empty.");
}
