using AksPosture.Web.Components;
using AksPosture.Web.Components.Shared;
using Microsoft.AspNetCore.Hosting.StaticWebAssets;
using MudBlazor.Services;

namespace AksPosture.Web.Hosting;

public static class PortalUiExtensions
{
    public static WebApplicationBuilder AddPortalUi(this WebApplicationBuilder builder)
    {
        // Serve package assets (MudBlazor's CSS and JS) when run from build output in any environment, not only
        // Development; published output has no static web assets manifest, so there this changes nothing.
        StaticWebAssetsLoader.UseStaticWebAssets(builder.Environment, builder.Configuration);
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddSingleton<PrerenderHandoff>();
        return builder;
    }

    public static WebApplication MapPortalUi(this WebApplication app)
    {
        app.UseAntiforgery();
        // The framework's and MudBlazor's files and our stylesheet hold no posture data; the signed-out page needs them.
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
