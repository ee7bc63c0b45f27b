using System.Net;
using System.Text.Json;
using AksPosture.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AksPosture.Web.Tests.Access;

public sealed partial class CrossTeamSweepTests
{
    [Theory]
    [InlineData("csv")]
    [InlineData("json")]
    public async Task FindingsExport_AsAReaderOfOneTeam_IsTheAdministratorsExportOfThatTeam(string format)
    {
        await portal.SampleFleetLoadedAsync();
        await using var db = await portal.CreateDbAsync();
        var payments = await db.Teams.Where(t => t.TagValue == "payments").Select(t => t.Id).SingleAsync();
        var paymentClusters = (await db.Clusters.AsNoTracking().ToListAsync())
            .Where(c => c.Tags.Any(t => t.Key == "team" && t.Value == "payments"))
            .Select(c => c.Id.ToString())
            .ToHashSet();
        using var reader = portal.ClientAs(EntraPortalFixture.PaymentsReader);
        using var admin = portal.ClientAs(EntraPortalFixture.Admin);
        var url = $"/api/v1/findings/export?format={format}&includeGone=true";

        var asReader = await ExportAsync(reader, url);
        var asAdminForTheTeam = await ExportAsync(admin, $"{url}&teamId={payments}");
        var asAdmin = await ExportAsync(admin, url);

        var readerClusters = ClusterIds(asReader, format);
        output.WriteLine($"{format} export: {readerClusters.Count} rows for the Payments reader, {ClusterIds(asAdmin, format).Count} for an administrator");
        Assert.NotEmpty(readerClusters);
        Assert.All(readerClusters, id => Assert.Contains(id, paymentClusters));
        Assert.Equal(asAdminForTheTeam, asReader);
        Assert.True(ClusterIds(asAdmin, format).Count > readerClusters.Count);
    }

    private static async Task<string> ExportAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The cluster id of every row, in order.</summary>
    private static List<string> ClusterIds(string export, string format)
    {
        if (format == "json")
        {
            using var json = JsonDocument.Parse(export);
            return json.RootElement.EnumerateArray().Select(f => f.GetProperty("clusterId").GetString()!).ToList();
        }

        var rows = RemediationClient.ParseCsv(export).Where(r => r.Count > 1).ToList();
        var column = rows[0].IndexOf("clusterId");
        return rows.Skip(1).Select(r => r[column]).ToList();
    }
}
