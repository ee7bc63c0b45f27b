using System.Net;
using System.Text.Json;
using AksPosture.Web.Data;
using AksPosture.Web.Features.Access;
using AksPosture.Web.Features.Audit;
using AksPosture.Web.Tests.Infrastructure;

namespace AksPosture.Web.Tests.Access;

public sealed class AuditApiTests(EmptyEntraPortalFixture portal) : IClassFixture<EmptyEntraPortalFixture>
{
    private static readonly DateTimeOffset Day = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ListAudit_Filters_ByEntityActorAndTime_NewestFirst_Paged()
    {
        var entity = Guid.NewGuid().ToString();
        await RecordAsync(entity, ("alice-oid", "Alice Example", Day.AddHours(1)), ("bob-oid", "Bob Example", Day.AddHours(2)), ("alice-oid", "Alice Example", Day.AddDays(1)));
        using var admin = portal.ClientAs(EntraPortalFixture.Admin);

        var all = await ListAsync(admin, $"entityType=team&entityId={entity}");
        var alice = await ListAsync(admin, $"entityId={entity}&actor=alice-oid");
        var byName = await ListAsync(admin, $"entityId={entity}&actor=bob%20ex");
        var firstDay = await ListAsync(admin, $"entityId={entity}&from=2026-10-01&to=2026-10-01T23:59:59Z");
        var paged = await ListAsync(admin, $"entityId={entity}&page=2&pageSize=2");

        Assert.Equal([Day.AddDays(1), Day.AddHours(2), Day.AddHours(1)], all.Items.Select(e => e.At));
        Assert.Equal(2, alice.Total);
        Assert.Equal("bob-oid", Assert.Single(byName.Items).ActorId);
        Assert.Equal(2, firstDay.Total);
        Assert.Equal((3, Day.AddHours(1)), (paged.Total, Assert.Single(paged.Items).At));
    }

    [Fact]
    public async Task ExportAudit_Csv_HasTheHeaderEveryEntryAndDefusesFormulas()
    {
        var entity = Guid.NewGuid().ToString();
        await RecordAsync(entity, ("mallory-oid", "=HYPERLINK(\"https://evil.example\")", Day), ("carol-oid", "Carol, Example", Day.AddHours(1)));
        using var admin = portal.ClientAs(EntraPortalFixture.Admin);

        var response = await admin.GetAsync($"/api/v1/audit/export?format=csv&entityId={entity}");
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("text/csv; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.StartsWith("attachment", response.Content.Headers.ContentDisposition!.ToString());
        Assert.Equal(AuditCsv.Header, lines[0].TrimEnd('\r'));
        Assert.Equal(3, lines.Length);
        Assert.Contains("\"Carol, Example\"", lines[1]);
        Assert.Contains("\"'=HYPERLINK(\"\"https://evil.example\"\")\"", lines[2]);
    }

    [Fact]
    public async Task ExportAudit_Json_IsTheEntriesWithTheirValues()
    {
        var entity = Guid.NewGuid().ToString();
        await RecordAsync(entity, ("dave-oid", "Dave Example", Day));
        using var admin = portal.ClientAs(EntraPortalFixture.Admin);

        var json = await admin.GetStringAsync($"/api/v1/audit/export?format=json&entityId={entity}");
        var entries = JsonSerializer.Deserialize<List<AuditBody>>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;

        var entry = Assert.Single(entries);
        Assert.Equal(("dave-oid", "team.update"), (entry.ActorId, entry.Action));
        Assert.Equal(("before", "after"), (entry.Before!.Value.GetProperty("name").GetString(), entry.After!.Value.GetProperty("name").GetString()));
    }

    [Theory]
    [InlineData("/api/v1/audit?from=yesterday", "'from' ('yesterday')")]
    [InlineData("/api/v1/audit/export?format=xlsx", "'xlsx' is not 'csv' or 'json'")]
    public async Task Audit_BadQuery_Returns400SayingWhatToFix(string url, string message)
    {
        using var admin = portal.ClientAs(EntraPortalFixture.Admin);

        var response = await admin.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, (await response.ReadAsync<ProblemBody>()).Detail);
    }

    private static Task<PageBody<AuditBody>> ListAsync(HttpClient client, string query) =>
        client.GetAsync($"/api/v1/audit?{query}").ContinueWith(t => t.Result.ReadAsync<PageBody<AuditBody>>()).Unwrap();

    private async Task RecordAsync(string entityId, params (string Id, string Name, DateTimeOffset At)[] changes)
    {
        await using AppDbContext db = await portal.CreateDbAsync();
        foreach (var (id, name, at) in changes)
        {
            var actor = new PortalUser(id, name, new HashSet<string>(), new HashSet<string>());
            AuditLog.Record(db, actor, at, "team.update", "team", entityId, new { name = "before" }, new { name = "after" });
        }

        await db.SaveChangesAsync();
    }
}
