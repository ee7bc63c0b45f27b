namespace AksPosture.Web.Tests.Browser;

/// <summary>
/// The journeys share one portal and one browser: starting a portal, assessing the sample fleet and launching Chromium
/// once instead of once per journey keeps the suite light on a small machine. Each journey still has its own browser
/// context (cookies, so its own sample user), and only the exception journey changes data (one cluster's exception).
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserJourneys : ICollectionFixture<BrowserPortalFixture>
{
    public const string Name = "Browser journeys";
}
