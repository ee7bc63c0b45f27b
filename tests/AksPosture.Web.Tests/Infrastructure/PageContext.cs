using System.Security.Claims;
using AksPosture.Web.Features.Access;
using AngleSharp.Dom;
using Bunit;
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
    public static BunitContext For(PortalFixture portal, Action<IServiceCollection, PortalFixture> addServices)
    {
        var context = new BunitContext();
        context.Services.AddMudServices();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.AddAuthorization().SetAuthorized("Page Admin").SetClaims(new Claim("oid", "page-admin")).SetRoles(PortalRoles.Admin)
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

    /// <summary>The button whose text is <paramref name="text"/>.</summary>
    public static IElement Button<T>(this IRenderedComponent<T> cut, string text)
        where T : IComponent =>
        cut.FindAll("button").Single(b => b.TextContent.Trim() == text);
}
