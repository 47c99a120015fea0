using System;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace TypedMail.Mailbox.Web;

/// <summary>
/// Serves content that came in a message (its HTML body, its parts). Mail is untrusted: the response runs no script
/// (a CSP <c>sandbox</c> without allow-scripts, even when opened outside the page's sandboxed iframe), loads nothing
/// remote, and can only show images from this inbox (its <c>cid:</c> parts) or data: URLs.
/// </summary>
internal static partial class UntrustedHtml
{
    /// <summary>The policy on every response whose content came from a message.</summary>
    public const string ContentSecurityPolicy =
        "sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; font-src 'self' data:; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

    /// <summary>Points every <c>cid:</c> URL of the HTML at the inbox's endpoint for that document's inline parts.</summary>
    public static string ResolveContentIds(string html, string documentBase) =>
        ContentIdUrl().Replace(html, match => $"{documentBase}/cid/{Uri.EscapeDataString(Uri.UnescapeDataString(match.Groups[1].Value))}");

    /// <summary>Adds the headers that keep message content inert.</summary>
    public static void Protect(HttpResponse response)
    {
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers.CacheControl = "no-store";
    }

    [GeneratedRegex("""cid:([^"'\s)>]+)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ContentIdUrl();
}
