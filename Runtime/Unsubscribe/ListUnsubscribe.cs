using System;
using MimeKit;

namespace TypedMail;

/// <summary>
/// One-click unsubscribe (RFC 8058): <c>List-Unsubscribe: &lt;https://…&gt;</c> (RFC 2369), optionally with a
/// <c>mailto:</c> alternative, and <c>List-Unsubscribe-Post: List-Unsubscribe=One-Click</c>, which tells the mailbox
/// provider it may unsubscribe the reader with one POST to the https link. A DKIM signature covers both headers.
/// </summary>
public static class ListUnsubscribe
{
    /// <summary>The List-Unsubscribe header's name.</summary>
    public const string HeaderName = "List-Unsubscribe";

    /// <summary>The List-Unsubscribe-Post header's name.</summary>
    public const string PostHeaderName = "List-Unsubscribe-Post";

    /// <summary>The only value RFC 8058 defines for List-Unsubscribe-Post.</summary>
    public const string OneClick = "List-Unsubscribe=One-Click";

    /// <summary>Reads a rendered unsubscribe link (e.g. from a template): it must be an absolute https URI.</summary>
    /// <param name="link">The link's text.</param>
    /// <returns>The link.</returns>
    /// <exception cref="TypedMailException">Code <see cref="ErrorCodes.InvalidArgument"/>: not an absolute https URI.</exception>
    public static Uri Link(string link)
    {
        HeaderText.RefuseLineBreaks(link, "unsubscribe link");
        var text = link?.Trim();
        // On Unix a rooted path such as "/u/1" parses as an absolute file URI: it is a relative link all the same.
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.IsFile && !text!.StartsWith("file:", StringComparison.OrdinalIgnoreCase)))
        {
            throw new TypedMailException(ErrorCodes.InvalidArgument, $"The unsubscribe link '{link}' is not an absolute URI.");
        }

        return Checked(uri);
    }

    /// <summary>The List-Unsubscribe value: <c>&lt;https://…&gt;</c>, then <c>&lt;mailto:…&gt;</c> when given; null when neither is.</summary>
    /// <param name="oneClick">The https link a POST unsubscribes from (RFC 8058).</param>
    /// <param name="mailto">An address (or <c>mailto:</c> URI) that unsubscribes by mail; optional.</param>
    /// <exception cref="TypedMailException">Code <see cref="ErrorCodes.InvalidArgument"/>: the link is not https, or the address is invalid.</exception>
    public static string? HeaderValue(Uri? oneClick, string? mailto = null)
    {
        var link = oneClick is null ? null : "<" + Checked(oneClick).AbsoluteUri + ">";
        var mail = MailtoValue(mailto);
        return link is null ? mail : mail is null ? link : link + ", " + mail;
    }

    /// <summary>Sets both headers on a MIME message (replacing any), or removes them when there is nothing to set.</summary>
    /// <param name="headers">The message's headers.</param>
    /// <param name="oneClick">The https one-click link; without it only the <c>mailto:</c> is written, and no List-Unsubscribe-Post.</param>
    /// <param name="mailto">An address (or <c>mailto:</c> URI) that unsubscribes by mail; optional.</param>
    /// <exception cref="TypedMailException">Code <see cref="ErrorCodes.InvalidArgument"/>: the link is not https, or the address is invalid.</exception>
    public static void Apply(HeaderList headers, Uri? oneClick, string? mailto = null)
    {
        if (headers is null)
        {
            throw new ArgumentNullException(nameof(headers));
        }

        var value = HeaderValue(oneClick, mailto);
        headers.RemoveAll(HeaderName);
        headers.RemoveAll(PostHeaderName);
        if (value is null)
        {
            return;
        }

        headers.Add(HeaderName, value);
        if (oneClick is not null)
        {
            headers.Add(PostHeaderName, OneClick);
        }
    }

    private static Uri Checked(Uri uri)
    {
        if (!uri.IsAbsoluteUri)
        {
            throw new TypedMailException(ErrorCodes.InvalidArgument, $"The unsubscribe link '{uri}' is not an absolute URI.");
        }

        if (!string.Equals(uri.Scheme, "https", StringComparison.OrdinalIgnoreCase))
        {
            throw new TypedMailException(ErrorCodes.InvalidArgument,
                $"The unsubscribe link '{uri}' is not https: RFC 8058 one-click unsubscribe requires an https URI (TM0023).");
        }

        return uri;
    }

    private static string? MailtoValue(string? mailto)
    {
        if (string.IsNullOrWhiteSpace(mailto))
        {
            return null;
        }

        HeaderText.RefuseLineBreaks(mailto, "unsubscribe address");
        var text = mailto!.Trim();
        var address = text.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) ? text.Substring("mailto:".Length) : text;
        var bare = address.Split('?')[0];
        if (!MailboxAddress.TryParse(bare, out var mailbox) || mailbox.Address.IndexOf('@') <= 0 || !string.Equals(mailbox.Address, bare, StringComparison.OrdinalIgnoreCase))
        {
            throw new TypedMailException(ErrorCodes.InvalidAddress, $"The unsubscribe address '{mailto}' is not an e-mail address.");
        }

        return "<mailto:" + address.Replace(" ", "%20").Replace(">", "%3E") + ">";
    }
}
