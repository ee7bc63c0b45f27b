using System.Text.Json.Nodes;
using AksPosture.Engine.Collection;
using AksPosture.Engine.Snapshots;
using AksPosture.Web.Features.Assessments;
using AksPosture.Web.Features.Collection;
using Microsoft.Extensions.Options;

namespace AksPosture.Web.Tests.Features.Collection;

public sealed class LiveScopeTests
{
    private const string First = "3f6c1a2e-5b4d-4c8e-9a71-0d2e8b6f4a11";
    private const string Second = "8a2e4c7b-1d9f-4b3a-b6e5-7c0f2d9a8e52";

    [Theory]
    [InlineData("all", "all visible subscriptions")]
    [InlineData(" ALL ", "all visible subscriptions")]
    [InlineData("subscription:3F6C1A2E-5B4D-4C8E-9A71-0D2E8B6F4A11, 8a2e4c7b-1d9f-4b3a-b6e5-7c0f2d9a8e52", $"subscription {First}, subscription {Second}")]
    [InlineData("management-group:mg-platform,mg-apps", "management group mg-platform, management group mg-apps")]
    public void TryParseScope_ValidSetting_GivesTheResourceGraphScope(string setting, string expected)
    {
        Assert.True(LiveAzureOptions.TryParseScope(setting, out var scope));
        Assert.Equal(expected, scope.ToString());
    }

    [Theory]
    [InlineData("everything")]
    [InlineData("subscription:")]
    [InlineData("subscription:not-a-guid")]
    [InlineData("tenant:contoso")]
    public void Validate_ScopeThatIsNoScope_FailsNamingTheSettingAndTheGrammar(string setting)
    {
        var result = Validator().Validate(null, new LiveAzureOptions { Scope = setting });

        Assert.True(result.Failed);
        Assert.Contains($"Azure:Scope '{setting}' is not a scope: use 'all'", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PlainHttpEndpoint_FailsSayingTokensAreNeverSentInClear()
    {
        var result = Validator(new AzureConnectionOptions { ArmEndpoint = new Uri("http://management.example") })
            .Validate(null, new LiveAzureOptions { Scope = "all" });

        Assert.Contains("Azure:ArmEndpoint must be an https URL", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NotConfigured_SucceedsWhateverTheConnectionSays()
    {
        var result = Validator(new AzureConnectionOptions { ArmEndpoint = new Uri("http://management.example") }).Validate(null, new LiveAzureOptions());

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void For_FleetRun_ReadsTheConfiguredScopeWhole()
    {
        var configured = FleetScope.OfManagementGroups("mg-apps");

        var (scope, include) = LiveRunScope.For(configured, Parse("fleet"));

        Assert.Same(configured, scope);
        Assert.Null(include);
    }

    [Fact]
    public void For_SubscriptionRunWithinAll_QueriesOnlyThoseSubscriptions()
    {
        var (scope, include) = LiveRunScope.For(FleetScope.AllSubscriptions, Parse($"subscription:{Second}"));

        Assert.Equal([Second], scope.Subscriptions);
        Assert.Null(include);
    }

    [Fact]
    public void For_SubscriptionRunOutsideTheConfiguredList_FailsNamingTheSubscription()
    {
        var error = Assert.Throws<ClusterSourceException>(() => LiveRunScope.For(FleetScope.OfSubscriptions(First), Parse($"subscription:{First},{Second}")));

        Assert.Contains($"Subscription {Second} is outside the portal's Azure scope", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(First, error.Message.Split('(')[0], StringComparison.Ordinal);
    }

    [Fact]
    public void For_SubscriptionRunUnderManagementGroups_KeepsTheGroupsAndFiltersTheSubscription()
    {
        var configured = FleetScope.OfManagementGroups("mg-apps");

        var (scope, include) = LiveRunScope.For(configured, Parse($"subscription:{First}"));

        Assert.Same(configured, scope);
        Assert.True(include!(Cluster(First, [])));
        Assert.False(include(Cluster(Second, [])));
    }

    [Fact]
    public void For_TagRun_IncludesClustersWithTheTagWhateverTheCaseOfItsName()
    {
        var (scope, include) = LiveRunScope.For(FleetScope.AllSubscriptions, Parse("tag:Environment=Prod"));

        Assert.True(scope.IsAll);
        Assert.True(include!(Cluster(First, new() { ["ENVIRONMENT"] = "Prod" })));
        Assert.False(include(Cluster(First, new() { ["environment"] = "prod" })));
        Assert.False(include(Cluster(First, [])));
    }

    private static LiveAzureOptionsValidator Validator(AzureConnectionOptions? connection = null) =>
        new(Options.Create(connection ?? new AzureConnectionOptions()));

    private static RunScope Parse(string text) => RunScope.TryParse(text, out var scope) ? scope : throw new ArgumentException(text);

    private static ClusterSnapshot Cluster(string subscription, Dictionary<string, string> tags)
    {
        var resource = new JsonObject
        {
            ["id"] = $"/subscriptions/{subscription}/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks",
            ["name"] = "aks",
            ["tags"] = new JsonObject(tags.Select(t => KeyValuePair.Create(t.Key, (JsonNode?)t.Value))),
        };
        return new ClusterSnapshot(resource, "test");
    }
}
