using System;

namespace TypedMail;

public sealed partial class SmtpMessage
{
    /// <summary>
    /// One-click unsubscribe (RFC 8058): sets <c>List-Unsubscribe</c> to the https link (and the <c>mailto:</c> address
    /// when given) and <c>List-Unsubscribe-Post: List-Unsubscribe=One-Click</c>, replacing earlier values; both null
    /// removes them. A sender with DKIM signs both headers.
    /// </summary>
    /// <param name="oneClick">The per-recipient https link that unsubscribes with one POST.</param>
    /// <param name="mailto">An address (or <c>mailto:</c> URI) that unsubscribes by mail; optional.</param>
    /// <exception cref="TypedMailException">Code <see cref="ErrorCodes.InvalidArgument"/> for a link that is not https, <see cref="ErrorCodes.InvalidAddress"/> for a bad address.</exception>
    public void SetUnsubscribe(Uri? oneClick, string? mailto = null)
    {
        ThrowIfDisposed();
        var value = ListUnsubscribe.HeaderValue(oneClick, mailto);
        _headers.RemoveAll(h => string.Equals(h.Key, ListUnsubscribe.HeaderName, StringComparison.OrdinalIgnoreCase)
            || string.Equals(h.Key, ListUnsubscribe.PostHeaderName, StringComparison.OrdinalIgnoreCase));
        if (value is null)
        {
            return;
        }

        AddHeader(ListUnsubscribe.HeaderName, value);
        if (oneClick is not null)
        {
            AddHeader(ListUnsubscribe.PostHeaderName, ListUnsubscribe.OneClick);
        }
    }
}
