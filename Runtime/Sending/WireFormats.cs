using System.Collections.Generic;
using System.Linq;
using MimeKit;

namespace TypedMail;

/// <summary>How messages are written on the wire: CRLF, Bcc never written, international (UTF-8) only under SMTPUTF8.</summary>
internal static class WireFormats
{
    /// <summary>CRLF, and Bcc never written (MailKit 4.18 writes it when the envelope is given explicitly).</summary>
    public static readonly FormatOptions Ascii = Create(international: false);

    /// <summary>As <see cref="Ascii"/>, with UTF-8 addresses and headers: for a server that offers SMTPUTF8 (RFC 6531).</summary>
    public static readonly FormatOptions International = Create(international: true);

    /// <summary>
    /// Whether the envelope needs SMTPUTF8: a non-ASCII local part. A non-ASCII domain alone does not: it goes out as
    /// its ASCII A-label (IDNA), which every server accepts.
    /// </summary>
    public static bool NeedsSmtpUtf8(MailboxAddress sender, IEnumerable<MailboxAddress> recipients) =>
        HasNonAsciiLocalPart(sender) || recipients.Any(HasNonAsciiLocalPart);

    private static bool HasNonAsciiLocalPart(MailboxAddress mailbox)
    {
        var address = mailbox.Address;
        var at = address.LastIndexOf('@');
        var local = at < 0 ? address : address.Substring(0, at);
        return local.Any(c => c > 127);
    }

    private static FormatOptions Create(bool international)
    {
        var options = FormatOptions.Default.Clone();
        options.NewLineFormat = NewLineFormat.Dos;
        options.International = international;
        options.HiddenHeaders.Add(HeaderId.Bcc);
        options.HiddenHeaders.Add(HeaderId.ResentBcc);
        return options;
    }
}
