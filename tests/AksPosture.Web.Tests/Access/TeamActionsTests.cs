using System.Net;
using System.Text.Json.Nodes;
using AksPosture.Web.Features.Access;
using AksPosture.Web.Tests.Infrastructure;

namespace AksPosture.Web.Tests.Access;

/// <summary>What a Contributor may set going: runs and imports of their own teams' clusters, nothing of the whole fleet.</summary>
public sealed class TeamActionsTests(EmptyEntraPortalFixture portal) : IClassFixture<EmptyEntraPortalFixture>, IAsyncLifetime
{
    private const string GroupId = "3e4f5a6b-7c8d-4e9f-8a0b-1c2d3e4f5a6b";
    private static readonly TestUser Contributor = new("runner-oid", "Ron Runner", [PortalRoles.Contributor], [GroupId]);

    public async Task InitializeAsync()
    {
        using var admin = portal.ClientAs(EntraPortalFixture.Admin);
        var response = await admin.PostJsonAsync("/api/v1/teams", $$"""{ "name": "Runners", "tagKey": "team", "tagValue": "runners", "entraGroupIds": ["{{GroupId}}"] }""");
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.BadRequest, "the team exists after this");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("fleet")]
    [InlineData("tag:team=elsewhere")]
    [InlineData("subscription:7a1c2f4e-3b5d-4c6e-8f90-1a2b3c4d5e60")]
    public async Task StartRun_ScopeBeyondTheirTeams_Returns403NamingWhatTheyMayStart(string scope)
    {
        using var contributor = portal.ClientAs(Contributor);

        var response = await contributor.PostJsonAsync("/api/v1/assessments", $$"""{ "scope": "{{scope}}" }""");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("You may start: tag:team=runners.", (await response.ReadAsync<ProblemBody>()).Detail);
    }

    [Fact]
    public async Task StartRun_TheirTeamsTag_IsAccepted()
    {
        using var contributor = portal.ClientAs(Contributor);

        var response = await contributor.PostJsonAsync("/api/v1/assessments", """{ "scope": "tag:Team=runners" }""");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task StartRun_ContributorWithoutTeam_IsToldToAskForOne()
    {
        using var loner = portal.ClientAs(new TestUser("loner-oid", "Lou Loner", [PortalRoles.Contributor], []));

        var response = await loner.PostJsonAsync("/api/v1/assessments", """{ "scope": "tag:team=runners" }""");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("You belong to no team yet", (await response.ReadAsync<ProblemBody>()).Detail);
    }

    [Fact]
    public async Task Import_ClusterOfTheirTeam_IsAssessed_OneOutsideIsRefusedByName()
    {
        using var contributor = portal.ClientAs(Contributor);
        var subscription = RunDriver.NewSubscription();
        var ours = Document(subscription, "aks-runners-own", tagged: true);
        var theirs = Document(subscription, "aks-someone-elses", tagged: false);

        var accepted = await contributor.ImportAsync(ours.ToJsonString());
        var refused = await contributor.ImportAsync(new JsonArray(ours.DeepClone(), theirs.DeepClone()).ToJsonString());

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var detail = (await refused.ReadAsync<ProblemBody>()).Detail!;
        Assert.Contains("aks-someone-elses", detail);
        Assert.DoesNotContain("aks-runners-own", detail);
    }

    private static JsonObject Document(string subscription, string name, bool tagged)
    {
        var resource = JsonNode.Parse(Fixtures.Read(Fixtures.MostlyCompliant))!.AsObject();
        resource["name"] = name;
        resource["id"] = $"/subscriptions/{subscription}/resourcegroups/rg-tests/providers/Microsoft.ContainerService/managedClusters/{name}";
        if (tagged)
        {
            resource["tags"]!["Team"] = "runners";
        }

        return resource;
    }
}
