using System;
using System.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace TypedMail.Mailbox.Web;

/// <summary>The endpoints every shown document has, under its API base: raw source, sandboxed HTML, parts, <c>cid:</c> resources.</summary>
internal static class DocumentEndpoints
{
    public static void Map(RouteGroupBuilder group, string apiBase, Func<HttpContext, string, MailDocument?> find)
    {
        group.MapGet("/{id}/raw", (HttpContext context, string id) =>
            find(context, id) is { } document
                ? Results.Bytes(document.Raw, "message/rfc822", $"message-{document.Id}.eml")
                : Missing(id));

        group.MapGet("/{id}/html", (HttpContext context, string id) =>
        {
            if (find(context, id) is not { } document)
            {
                return Missing(id);
            }

            UntrustedHtml.Protect(context.Response);
            var html = document.Message.HtmlBody ?? string.Empty;
            return Results.Content(UntrustedHtml.ResolveContentIds(html, $"{apiBase}/{Uri.EscapeDataString(document.Id)}"), "text/html; charset=utf-8");
        });

        group.MapGet("/{id}/links", (HttpContext context, string id) =>
            find(context, id) is { } document ? Results.Ok(Checks.HtmlLinks.Of(document.Message.HtmlBody)) : Missing(id));

        group.MapGet("/{id}/dkim", (HttpContext context, string id, Checks.DkimCheck dkim) =>
            find(context, id) is { } document ? Results.Ok(dkim.Verify(document.Message)) : Missing(id));

        group.MapGet("/{id}/spam", async (HttpContext context, string id, Checks.SpamAssassinCheck spam) =>
            find(context, id) is { } document ? Results.Ok(await spam.JudgeAsync(document).ConfigureAwait(false)) : Missing(id));

        group.MapGet("/{id}/parts/{index:int}", (HttpContext context, string id, int index) =>
        {
            var part = find(context, id)?.Parts.FirstOrDefault(candidate => candidate.Index == index);
            if (part is null)
            {
                return Results.Problem($"Message '{id}' has no attachment number {index}.", statusCode: StatusCodes.Status404NotFound);
            }

            UntrustedHtml.Protect(context.Response);
            var disposition = new ContentDispositionHeaderValue("attachment");
            disposition.SetHttpFileName(part.FileName);
            context.Response.Headers.ContentDisposition = disposition.ToString();
            return Results.Bytes(part.Decode(), part.ContentType);
        });

        group.MapGet("/{id}/cid/{contentId}", (HttpContext context, string id, string contentId) =>
        {
            var part = find(context, id)?.FindByContentId(contentId);
            if (part is null)
            {
                return Results.Problem($"Message '{id}' has no inline part with Content-ID <{contentId}>.", statusCode: StatusCodes.Status404NotFound);
            }

            UntrustedHtml.Protect(context.Response);
            return Results.Bytes(part.Decode(), part.ContentType);
        });
    }

    public static IResult Missing(string id) =>
        Results.Problem($"There is no message '{id}' (deleted, or the inbox was restarted without --store).", statusCode: StatusCodes.Status404NotFound);
}
