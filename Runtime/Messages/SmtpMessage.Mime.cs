using MimeKit;

namespace TypedMail;

public sealed partial class SmtpMessage
{
    /// <summary>
    /// The MIME message that a send writes on the wire, built anew at each call by TypedMail's one MIME writer (the same
    /// that writes typed messages): Bcc is not in its headers (it goes in the envelope only), the Date is the one set or
    /// the current date. Attachments are not read into memory: files are checked now and streamed by MimeKit when the
    /// message is written (each write opens them again).
    /// </summary>
    /// <exception cref="TypedMailException">An attachment file is missing (12008), larger than <see cref="MaxAttachmentBytes"/>
    /// (12030), unreadable (12031), or not Base64 for encode type -2 (12032).</exception>
    public MimeMessage ToMimeMessage() => Write();

    /// <summary>This message written by <see cref="MimeWriter"/>, with its envelope.</summary>
    internal WrittenMessage Write()
    {
        ThrowIfDisposed();
        var content = new MessageContent
        {
            Sender = _sender,
            Date = _date,
            TextBody = _textBody,
            HtmlBody = _htmlBody,
            TextAlternative = _textAlternative,
            MaxAttachmentBytes = _maxAttachmentBytes,
            Format = _format,
        };
        content.From.AddRange(_from);
        content.ReplyTo.AddRange(_replyTo);
        content.To.AddRange(_to);
        content.Cc.AddRange(_cc);
        content.Bcc.AddRange(_bcc);
        content.Texts.AddRange(_texts);
        content.Headers.AddRange(_headers);
        content.MimeHeaders.AddRange(_mimeHeaders);
        content.Attachments.AddRange(_attachments);
        return MimeWriter.Write(content);
    }
}
