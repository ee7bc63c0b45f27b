using System.Globalization;

namespace AksPosture.Web.Tests.Access;

/// <summary>
/// Keeps cookies as a browser would, but reads their expiry on the portal's fake clock: the portal dates its cookies
/// by that clock, so a real cookie jar would throw away the sign-in's correlation cookie as long expired.
/// </summary>
public sealed class FakeClockBrowser(TimeProvider clock) : DelegatingHandler
{
    private readonly Dictionary<string, string> _cookies = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (_cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
        }

        var response = await base.SendAsync(request, cancellationToken);
        foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
        {
            Keep(header);
        }

        return response;
    }

    private void Keep(string header)
    {
        var parts = header.Split(';', StringSplitOptions.TrimEntries);
        var (name, value) = (parts[0][..parts[0].IndexOf('=')], parts[0][(parts[0].IndexOf('=') + 1)..]);
        var expires = parts.Skip(1).FirstOrDefault(p => p.StartsWith("expires=", StringComparison.OrdinalIgnoreCase));
        var expired = expires is not null && DateTimeOffset.Parse(expires["expires=".Length..], CultureInfo.InvariantCulture) <= clock.GetUtcNow();
        if (expired || value.Length == 0)
        {
            _cookies.Remove(name);
        }
        else
        {
            _cookies[name] = value;
        }
    }
}
