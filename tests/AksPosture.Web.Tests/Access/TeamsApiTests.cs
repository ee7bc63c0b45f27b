using System.Net;
using AksPosture.Web.Tests.Infrastructure;

namespace AksPosture.Web.Tests.Access;

public sealed class TeamsApiTests(EmptyEntraPortalFixture portal) : IClassFixture<EmptyEntraPortalFixture>
{
    private const string GroupId = "9c0d7e6f-1a2b-4c3d-8e9f-0a1b2c3d4e5f";

    [Fact]
    public async Task CreateTeam_Valid_Returns201NormalisedAndAudited()
    {
        using var admin = portal.ClientAs(EntraPortalFixture.Admin);

        var response = await admin.PostJsonAsync("/api/v1/teams", """
            { "name": " Search ", "description": "Search squad", "subscriptionIds": ["7A1C2F4E-3B5D-4C6E-8F90-1A2B3C4D5E60"],
              "tagKey": "Team", "tagValue": "search", "entraGroupIds": ["9C0D7E6F-1A2B-4C3D-8E9F-0A1B2C3D4E5F"] }
            """);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var team = await response.ReadAsync<TeamBody>();
        Assert.Equal($"/api/v1/teams/{team.Id}", response.Headers.Location!.OriginalString);
        Assert.Equal(("Search", "team", "search"), (team.Name, team.TagKey, team.TagValue));
        Assert.Equal(["7a1c2f4e-3b5d-4c6e-8f90-1a2b3c4d5e60"], team.SubscriptionIds);
        Assert.Equal([GroupId], team.EntraGroupIds);
        var audit = await (await admin.GetAsync($"/api/v1/audit?entityType=team&entityId={team.Id}")).ReadAsync<PageBody<AuditBody>>();
        var entry = Assert.Single(audit.Items);
        Assert.Equal(("team.create", "admin-oid"), (entry.Action, entry.ActorId));
        Assert.Equal("search", entry.After!.Value.GetProperty("tagValue").GetString());
    }

    [Theory]
    [InlineData("""{ "name": "", "tagKey": "team", "tagValue": "x" }""", "name", "1 to 128 characters")]
    [InlineData("""{ "name": "Owns nothing" }""", "subscriptionIds", "at least one subscription id or a tag")]
    [InlineData("""{ "name": "Bad ids", "subscriptionIds": ["prod"] }""", "subscriptionIds", "'prod'")]
    [InlineData("""{ "name": "Bad groups", "tagKey": "team", "tagValue": "x", "entraGroupIds": ["Payments admins"] }""", "entraGroupIds", "'Payments admins'")]
    [InlineData("""{ "name": "Half a tag", "tagKey": "team" }""", "tagKey", "both tagKey and tagValue")]
    public async Task CreateTeam_Invalid_Returns400SayingWhatToFix(string body, string field, string message)
    {
        using var admin = portal.ClientAs(EntraPortalFixture.Admin);

        var response = await admin.PostJsonAsync("/api/v1/teams", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadAsync<ProblemBody>();
        Assert.Contains(message, Assert.Single(problem.Errors![field]));
    }

    [Fact]
    public async Task CreateTeam_NameTaken_Returns400()
    {
        using var admin = portal.ClientAs(EntraPortalFixture.Admin);
        (await admin.PostJsonAsync("/api/v1/teams", """{ "name": "Twice", "tagKey": "team", "tagValue": "twice" }""")).EnsureSuccessStatusCode();

        var second = await admin.PostJsonAsync("/api/v1/teams", """{ "name": "Twice", "tagKey": "team", "tagValue": "other" }""");

        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Contains("already exists", (await second.ReadAsync<ProblemBody>()).Errors!["name"].Single());
    }

    [Fact]
    public async Task UpdateAndDeleteTeam_AreAuditedWithBeforeAndAfter_UnknownIs404()
    {
        using var admin = portal.ClientAs(EntraPortalFixture.Admin);
        var team = await (await admin.PostJsonAsync("/api/v1/teams", """{ "name": "Renamed", "tagKey": "team", "tagValue": "old" }""")).ReadAsync<TeamBody>();

        var updated = await (await admin.PutJsonAsync($"/api/v1/teams/{team.Id}", """{ "name": "Renamed", "tagKey": "team", "tagValue": "new" }""")).ReadAsync<TeamBody>();
        var deleted = await admin.DeleteAsync($"/api/v1/teams/{team.Id}");
        var gone = await admin.GetAsync($"/api/v1/teams/{team.Id}");
        var unknown = await admin.PutJsonAsync($"/api/v1/teams/{Guid.NewGuid()}", """{ "name": "Nobody", "tagKey": "team", "tagValue": "x" }""");
        var audit = await (await admin.GetAsync($"/api/v1/audit?entityType=team&entityId={team.Id}")).ReadAsync<PageBody<AuditBody>>();

        Assert.Equal("new", updated.TagValue);
        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.NotFound, HttpStatusCode.NotFound), (deleted.StatusCode, gone.StatusCode, unknown.StatusCode));
        Assert.Equal(["team.delete", "team.update", "team.create"], audit.Items.Select(e => e.Action));
        Assert.Equal(("old", "new"), (audit.Items[1].Before!.Value.GetProperty("tagValue").GetString(), audit.Items[1].After!.Value.GetProperty("tagValue").GetString()));
        Assert.Null(audit.Items[0].After);
    }

    [Fact]
    public async Task Team_CreatedForAGroup_GivesItsMembersTheSubscriptionUntilDeleted()
    {
        var subscription = RunDriver.NewSubscription();
        await portal.ImportAsync(ClusterDocuments.InSubscription(subscription, "aks-team-owned"));
        using var admin = portal.ClientAs(EntraPortalFixture.Admin);
        using var member = portal.ClientAs(new TestUser("member-oid", "Mia Member", ["Reader"], [GroupId]));
        var url = $"/api/v1/scores?scope=subscription:{subscription}";

        var before = await member.GetAsync(url);
        var team = await (await admin.PostJsonAsync("/api/v1/teams", $$"""{ "name": "Owner of {{subscription}}", "subscriptionIds": ["{{subscription}}"], "entraGroupIds": ["{{GroupId}}"] }""")).ReadAsync<TeamBody>();
        var during = await member.GetAsync(url);
        await admin.DeleteAsync($"/api/v1/teams/{team.Id}");
        var after = await member.GetAsync(url);

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.OK, HttpStatusCode.NotFound), (before.StatusCode, during.StatusCode, after.StatusCode));
        Assert.Equal(1, (await during.ReadAsync<ScoresBody>()).Clusters);
    }
}

public sealed record TeamBody(Guid Id, string Name, string Description, List<string> SubscriptionIds, string? TagKey, string? TagValue, List<string> EntraGroupIds);
