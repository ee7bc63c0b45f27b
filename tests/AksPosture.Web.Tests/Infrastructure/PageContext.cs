using System.Security.Claims;
using AksPosture.Web.Features.Access;
using AngleSharp.Dom;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace AksPosture.Web.Tests.Infrastructure;

/// <summary>
/// A bUnit context for a portal page, with the page's services taken from a test portal (its database and jobs), viewed
/// by an administrator.
/// </summary>
public static class PageContext
{
    public static BunitContext For(PortalFixture portal, Action<IServiceCollection, PortalFixture> addServices) => For(portal, addServices, out _);

    /// <summary>As above, with the <paramref name="authorization"/> that signs another user in (<c>SetClaims</c>) while the test runs.</summary>
    public static BunitContext For(PortalFixture portal, Action<IServiceCollection, PortalFixture> addServices, out BunitAuthorizationContext authorization)
    {
        var context = new BunitContext();
        context.Services.AddMudServices();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        authorization = context.AddAuthorization();
        authorization.SetAuthorized("Page Admin").SetRoles(PortalRoles.Admin).SetClaims(new Claim("oid", "page-admin"))
            .SetPolicies(PortalPolicies.Read, PortalPolicies.Contribute, PortalPolicies.Approve, PortalPolicies.Administer);
        addServices(context.Services, portal);
        return context;
    }

    /// <summary>The messages the page showed as snackbars, oldest first.</summary>
    public static IEnumerable<string> Snackbars(this BunitContext context) =>
        context.Services.GetRequiredService<ISnackbar>().ShownSnackbars.Select(s => s.Message ?? "");

    /// <summary>The input of the MudBlazor field labelled <paramref name="label"/>.</summary>
    public static IElement Field<T>(this IRenderedComponent<T> cut, string label)
        where T : IComponent =>
        cut.FindAll(".mud-input-control").Single(c => c.QuerySelector("label")?.TextContent.Trim() == label).QuerySelector("input")!;

    /// <summary>
    /// Waits for the field, then finds and changes it on the renderer's thread: a re-render in between (auth state
    /// arriving, a refresh timer) would otherwise retire the handler that was found.
    /// </summary>
    public static Task ChangeFieldAsync<T>(this IRenderedComponent<T> cut, string label, string value)
        where T : IComponent
    {
        cut.WaitForAssertion(() => cut.Field(label));
        return cut.InvokeAsync(() => cut.Field(label).Change(value));
    }

    /// <summary>Waits for the button, then finds and clicks it on the renderer's thread (see <see cref="ChangeFieldAsync{T}"/>).</summary>
    public static Task ClickButtonAsync<T>(this IRenderedComponent<T> cut, string text)
        where T : IComponent
    {
        cut.WaitForAssertion(() => cut.Button(text));
        return cut.InvokeAsync(() => cut.Button(text).ClickAsync(new()));
    }

    /// <summary>Waits for the element <paramref name="selector"/> names, then clicks it on the renderer's thread and awaits its handler.</summary>
    public static Task ClickAsync<T>(this IRenderedComponent<T> cut, string selector)
        where T : IComponent
    {
        cut.WaitForElement(selector);
        return cut.InvokeAsync(() => cut.Find(selector).ClickAsync(new()));
    }

    /// <summary>The button whose text is <paramref name="text"/>.</summary>
    public static IElement Button<T>(this IRenderedComponent<T> cut, string text)
        where T : IComponent =>
        cut.FindAll("button").Single(b => b.TextContent.Trim() == text);
}
