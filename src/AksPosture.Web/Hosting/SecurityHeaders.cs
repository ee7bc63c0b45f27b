using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Components;

namespace AksPosture.Web.Hosting;

/// <summary>
/// Headers that make the browser refuse what the portal never does: run scripts from elsewhere, be framed, sniff
/// content types, send the address of a page to other sites, or (outside Development) use plain HTTP.
/// </summary>
internal sealed class SecurityHeaders(RequestDelegate next, IHostEnvironment environment, string signInOrigin)
{
    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy(context);
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            if (!environment.IsDevelopment() && context.Request.IsHttps)
            {
                headers.StrictTransportSecurity = "max-age=31536000";
            }

            return Task.CompletedTask;
        });
        return next(context);
    }

    private string ContentSecurityPolicy(HttpContext context)
    {
        var request = context.Request;
        var socket = $"{(request.IsHttps ? "wss" : "ws")}://{request.Host}";
        return string.Join("; ",
            "default-src 'self'",
            $"script-src 'self'{ImportMapHash(context)}",
            // MudBlazor positions popovers, drawers and progress bars with inline style attributes, which only
            // 'unsafe-inline' allows; scripts stay locked to this site, so injected styles cannot run code.
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self' data:",
            // The interactive pages talk to the server over a WebSocket on this host.
            $"connect-src 'self' {socket}",
            "object-src 'none'",
            "base-uri 'self'",
            // Signing out posts a form whose answer redirects to Entra ID; browsers check that redirect against form-action.
            $"form-action 'self'{signInOrigin}",
            "frame-ancestors 'none'");
    }

    /// <summary>
    /// Blazor writes the import map (names of fingerprinted scripts) inline; allowing exactly its hash keeps every
    /// other inline script blocked.
    /// </summary>
    private static string ImportMapHash(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<ImportMapDefinition>() is not { } importMap)
        {
            return "";
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(importMap.ToString()));
        return $" 'sha256-{Convert.ToBase64String(hash)}'";
    }
}
