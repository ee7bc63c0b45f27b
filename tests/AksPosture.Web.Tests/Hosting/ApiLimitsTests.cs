using System.Net;
using System.Text;
using AksPosture.Web.Tests.Access;
using AksPosture.Web.Tests.Infrastructure;

namespace AksPosture.Web.Tests.Hosting;

public sealed class ApiLimitsTests(ApiLimitsTests.ThreeRequestsPortal portal) : IClassFixture<ApiLimitsTests.ThreeRequestsPortal>
{
    [Fact]
    public async Task Api_OverTheUsersLimit_Returns429WithRetryAfter_OtherUsersAndPagesCarryOn()
    {
        using var reader = portal.ClientAs(EntraPortalFixture.PaymentsReader);
        using var other = portal.ClientAs(EntraPortalFixture.OrdersReader);

        var allowed = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            allowed.Add((await reader.GetAsync("/api/v1/schedules")).StatusCode);
        }

        var refused = await reader.GetAsync("/api/v1/schedules");
        var page = await reader.GetAsync("/rules");
        var otherUser = await other.GetAsync("/api/v1/schedules");

        Assert.All(allowed, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(int.Parse(refused.Headers.GetValues("Retry-After").Single()), 1, 60);
        Assert.Contains("Security:ApiPermitLimit", (await refused.ReadAsync<ProblemBody>()).Detail);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, otherUser.StatusCode);
    }

    [Fact]
    public async Task Api_BodyOverTheLimit_Returns413_ImportsAllowMore()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var factory = new PortalFactory(database.ConnectionString, sampleFleet: false, settings: new Dictionary<string, string?> { ["Security:MaxRequestBodyBytes"] = "4096" });
        factory.UseKestrel(0);
        factory.StartServer();
        using var client = factory.CreateClient();

        // As curl does for large bodies: wait for the server's answer before sending, so a refusal arrives before the bytes.
        client.DefaultRequestHeaders.ExpectContinue = true;
        var large = $$"""{ "name": "{{new string('x', 8192)}}", "cron": "0 2 * * *" }""";

        var schedule = await client.PostAsync("/api/v1/schedules", new StringContent(large, Encoding.UTF8, "application/json"));
        var import = await client.ImportAsync(Fixtures.Read(Fixtures.MostlyCompliant).Replace("\"tags\": {", $"\"tags\": {{ \"padding\": \"{new string('x', 8192)}\",", StringComparison.Ordinal));
        var tooLargeImport = await client.ImportAsync(new string(' ', 51 * 1024 * 1024) + "{}");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, schedule.StatusCode);
        Assert.Equal(HttpStatusCode.OK, import.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLargeImport.StatusCode);
        Assert.Contains("at most 50 MB", (await tooLargeImport.ReadAsync<ProblemBody>()).Detail);
    }

    public sealed class ThreeRequestsPortal : EntraPortalFixture
    {
        protected override bool SampleFleet => false;

        protected override bool Worker => false;

        protected override IReadOnlyDictionary<string, string?>? Settings =>
            new Dictionary<string, string?>(TestIdentityProvider.Settings) { ["Security:ApiPermitLimit"] = "3", ["Security:ApiWindow"] = "00:01:00" };
    }
}
