using System;
using System.Collections.Concurrent;
using System.IO;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace TypedMail.Mailbox.Web;

/// <summary>The inbox's own pages and their scripts and styles, served from the assembly's embedded resources.</summary>
internal static class PageEndpoints
{
    // The pages run only their own scripts; a message's HTML is framed from this origin under its own stricter policy.
    private const string PagePolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-src 'self'; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static readonly ConcurrentDictionary<string, byte[]?> Assets = new(StringComparer.Ordinal);

    public static void Map(WebApplication app)
    {
        app.MapGet("/", (HttpContext context) => Page(context, "index.html"));
        app.MapGet("/messages/{id}", (HttpContext context) => Page(context, "message.html"));
        app.MapGet("/previews", (HttpContext context) => Page(context, "previews.html"));
        app.MapGet("/previews/{id}", (HttpContext context) => Page(context, "message.html"));
        app.MapGet("/assets/{name}", (HttpContext context, string name) => Asset(context, name));
    }

    private static IResult Page(HttpContext context, string name)
    {
        context.Response.Headers.ContentSecurityPolicy = PagePolicy;
        return Asset(context, name);
    }

    private static IResult Asset(HttpContext context, string name)
    {
        var content = Assets.GetOrAdd(name, Read);
        if (content is null)
        {
            return Results.NotFound();
        }

        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers.CacheControl = "no-cache";
        var type = Path.GetExtension(name) switch
        {
            ".html" => "text/html; charset=utf-8",
            ".js" => "text/javascript; charset=utf-8",
            ".css" => "text/css; charset=utf-8",
            ".svg" => "image/svg+xml",
            _ => "application/octet-stream",
        };
        return Results.Bytes(content, type);
    }

    private static byte[]? Read(string name)
    {
        using var stream = typeof(PageEndpoints).Assembly.GetManifestResourceStream("TypedMail.Mailbox.Web.Assets." + name);
        if (stream is null)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
