using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;

namespace AksPosture.Web.Tests.Access;

/// <summary>The browser's way in: OpenID Connect code flow against the test provider, a session cookie, and sign-out.</summary>
public sealed partial class SignInTests(EntraPortalFixture portal) : IClassFixture<EntraPortalFixture>
{
    [Fact]
    public async Task Page_BrowserWithoutSession_IsSentToSignInThenToTheProvider()
    {
        using var browser = Browser();

        var page = await browser.GetAsync("/runs");
        var signIn = await browser.GetAsync(page.Headers.Location);

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/account/sign-in?returnUrl=%2Fruns", page.Headers.Location!.OriginalString.Replace("https://localhost", "", StringComparison.Ordinal));
        var authorize = signIn.Headers.Location!;
        var query = QueryHelpers.ParseQuery(authorize.Query);
        Assert.Equal($"{TestIdentityProvider.Instance}{TestIdentityProvider.TenantId}/oauth2/v2.0/authorize", authorize.GetLeftPart(UriPartial.Path));
        Assert.Equal(TestIdentityProvider.ClientId, query["client_id"]);
        Assert.Equal("https://localhost/signin-oidc", query["redirect_uri"]);
        Assert.Equal("code", query["response_type"]);
    }

    [Fact]
    public async Task SignIn_CodeFlow_OpensPagesWithTheSessionAndSignOutEndsIt()
    {
        using var browser = Browser();

        var landed = await SignInAsync(browser, EntraPortalFixture.PaymentsReader, "/runs");
        var runs = await browser.GetAsync("/runs");
        var html = await runs.Content.ReadAsStringAsync();

        Assert.Equal("/runs", landed);
        Assert.Equal(HttpStatusCode.OK, runs.StatusCode);
        Assert.Contains("Assessment runs", html);
        Assert.Contains(EntraPortalFixture.PaymentsReader.Name, html);

        var signOut = await browser.PostAsync("/account/sign-out", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryField().Match(html).Groups["token"].Value,
        }));
        var afterwards = await browser.GetAsync("/runs");

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.StartsWith($"{TestIdentityProvider.Instance}{TestIdentityProvider.TenantId}/oauth2/v2.0/logout", signOut.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.Redirect, afterwards.StatusCode);
        Assert.Contains("/account/sign-in", afterwards.Headers.Location!.ToString());
    }

    [Fact]
    public async Task SignOut_WithoutAntiforgeryToken_IsRefused()
    {
        using var browser = Browser();
        await SignInAsync(browser, EntraPortalFixture.PaymentsReader, "/");

        var signOut = await browser.PostAsync("/account/sign-out", new FormUrlEncodedContent([]));
        var still = await browser.GetAsync("/runs");

        Assert.Equal(HttpStatusCode.BadRequest, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.OK, still.StatusCode);
    }

    [Fact]
    public async Task Session_ReaderOpensAdminPage_IsSentToNotAllowed()
    {
        using var browser = Browser();
        await SignInAsync(browser, EntraPortalFixture.PaymentsReader, "/");

        var audit = await browser.GetAsync("/audit");
        var notAllowed = await browser.GetAsync(audit.Headers.Location);

        Assert.Equal(HttpStatusCode.Redirect, audit.StatusCode);
        Assert.StartsWith("/account/access-denied", audit.Headers.Location!.PathAndQuery);
        Assert.Contains("data-testid=\"not-allowed\"", await notAllowed.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Session_ChangeThroughTheApiWithTheCookie_Returns401()
    {
        using var browser = Browser();
        await SignInAsync(browser, EntraPortalFixture.Admin, "/");

        var read = await browser.GetAsync("/api/v1/schedules");
        var change = await browser.PostAsync("/api/v1/schedules", new StringContent("""{"name":"x","cron":"0 2 * * *"}""", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, change.StatusCode);
    }

    private HttpClient Browser()
    {
        var client = portal.Factory.CreateDefaultClient(new Uri("https://localhost"), new FakeClockBrowser(portal.Factory.Time));
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        return client;
    }

    /// <summary>Plays the browser's part of the code flow: to the provider, back with a code; returns where the portal sends it.</summary>
    private async Task<string> SignInAsync(HttpClient browser, TestUser user, string returnUrl)
    {
        var challenge = await browser.GetAsync($"/account/sign-in?returnUrl={Uri.EscapeDataString(returnUrl)}");
        var query = QueryHelpers.ParseQuery(challenge.Headers.Location!.Query);
        var answer = new Dictionary<string, string>
        {
            ["code"] = portal.Provider.IssueCode(user, query["nonce"]!),
            ["state"] = query["state"]!,
        };
        var callback = query["response_mode"] == "form_post"
            ? await browser.PostAsync("/signin-oidc", new FormUrlEncodedContent(answer))
            : await browser.GetAsync(QueryHelpers.AddQueryString("/signin-oidc", answer!));
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        return callback.Headers.Location!.OriginalString;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
