using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using MimeKit.Text;
using TypedMail.Mailbox.Web.Json;

namespace TypedMail.Mailbox.Web.Checks;

/// <summary>
/// Every link of an HTML body (<c>&lt;a href&gt;</c> and <c>&lt;area href&gt;</c>), in order, with its text and a warning
/// for those a reader's client would open unencrypted (<c>http:</c>) or that are no URL at all.
/// </summary>
internal static class HtmlLinks
{
    public static LinksJson Of(string? html)
    {
        if (html is null)
        {
            return new LinksJson(false, []);
        }

        var links = new List<LinkJson>();
        var tokenizer = new HtmlTokenizer(new StringReader(html));
        string? href = null;
        var text = new StringBuilder();
        while (tokenizer.ReadNextToken(out var token))
        {
            if (token is HtmlTagToken tag && tag.Id is HtmlTagId.A or HtmlTagId.Area)
            {
                if (href is not null && (tag.IsEndTag || tag.Id == HtmlTagId.A))
                {
                    links.Add(Link(href, text.ToString()));
                    href = null;
                }

                if (!tag.IsEndTag && Href(tag) is { } found)
                {
                    href = found;
                    text.Clear();
                    if (tag.Id == HtmlTagId.Area || tag.IsEmptyElement)
                    {
                        links.Add(Link(href, AltText(tag)));
                        href = null;
                    }
                }
            }
            else if (href is not null && token is HtmlDataToken data)
            {
                text.Append(data.Data);
            }
            else if (href is not null && token is HtmlTagToken { Id: HtmlTagId.Image } image && AltText(image) is { Length: > 0 } alt)
            {
                text.Append('[').Append(alt).Append(']');
            }
        }

        if (href is not null)
        {
            links.Add(Link(href, text.ToString()));
        }

        return new LinksJson(true, links);
    }

    private static string? Href(HtmlTagToken tag)
    {
        foreach (var attribute in tag.Attributes)
        {
            if (attribute.Id == HtmlAttributeId.Href)
            {
                return attribute.Value ?? string.Empty;
            }
        }

        return null;
    }

    private static string AltText(HtmlTagToken tag)
    {
        foreach (var attribute in tag.Attributes)
        {
            if (attribute.Id == HtmlAttributeId.Alt)
            {
                return attribute.Value ?? string.Empty;
            }
        }

        return string.Empty;
    }

    private static LinkJson Link(string href, string text)
    {
        var url = href.Trim();
        var shown = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return new LinkJson(url, shown, null, url.StartsWith('#') ? null : "Not an absolute URL: a mail has no base address, so a reader's client cannot open it.");
        }

        var warning = uri.Scheme switch
        {
            "http" => "http: is not encrypted: anyone on the reader's network can read or change what it opens. Use https:.",
            "javascript" => "javascript: links do not run in mail clients.",
            _ => null,
        };
        return new LinkJson(url, shown, uri.Scheme, warning);
    }
}
