using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using MimeKit;

namespace TypedMail;

public sealed partial class SmtpMessage
{
    /// <summary>
    /// The MIME message that a send writes on the wire, built anew at each call: Bcc is not in its headers (it goes in
    /// the envelope only), the Date is the one set or the current date, file attachments are read now.
    /// </summary>
    /// <exception cref="TypedMailException">An attachment file is missing (12008) or not valid Base64 for encode type -2.</exception>
    public MimeMessage ToMimeMessage()
    {
        ThrowIfDisposed();
        var message = new MimeMessage();
        message.From.AddRange(_from.Select(Clone));
        if (_sender is not null)
        {
            message.Sender = Clone(_sender);
        }

        message.ReplyTo.AddRange(_replyTo.Select(Clone));
        message.To.AddRange(_to.Select(Clone));
        message.Cc.AddRange(_cc.Select(Clone));
        foreach (var text in _texts)
        {
            if (string.Equals(text.Key, "Subject", StringComparison.OrdinalIgnoreCase))
            {
                message.Subject = text.Value;
            }
            else
            {
                message.Headers.Add(text.Key, Encoding.UTF8, text.Value);
            }
        }

        if (!_texts.ContainsKey("Subject"))
        {
            // MimeKit starts every message with an empty Subject; 4D's "removed" means no Subject header at all.
            message.Headers.Remove(HeaderId.Subject);
        }

        message.Date = _date ?? DateTimeOffset.Now;
        foreach (var header in _headers)
        {
            if (string.Equals(header.Key, "Message-ID", StringComparison.OrdinalIgnoreCase))
            {
                message.MessageId = header.Value.Trim().Trim('<', '>');
            }
            else
            {
                message.Headers.Add(header.Key, Encoding.UTF8, header.Value);
            }
        }

        message.Body = BuildBody();
        return message;
    }

    private static MailboxAddress Clone(MailboxAddress mailbox) => (MailboxAddress)mailbox.Clone();

    private static TextPart TextPartOf(string subtype, string text)
    {
        var part = new TextPart(subtype);
        // 4D writes line breaks as CR; normalised to LF here, MailKit writes CRLF on the wire.
        part.SetText(Encoding.UTF8, text.Replace("\r\n", "\n").Replace('\r', '\n'));
        return part;
    }

    private MimeEntity BuildBody()
    {
        var parts = _attachments.Select(a => (Attachment: a, Part: BuildAttachment(a))).ToList();
        var inline = parts.Where(p => p.Attachment.ContentId is not null && _htmlBody is not null).Select(p => p.Part).ToList();
        var attached = parts.Where(p => !(p.Attachment.ContentId is not null && _htmlBody is not null)).Select(p => p.Part).ToList();

        MimeEntity? html = null;
        if (_htmlBody is not null)
        {
            html = TextPartOf("html", _htmlBody);
            if (inline.Count > 0)
            {
                var related = new MultipartRelated { html };
                foreach (var part in inline)
                {
                    related.Add(part);
                }

                html = related;
            }
        }

        MimeEntity body;
        var text = PlainText();
        if (text is not null && html is not null)
        {
            body = new MultipartAlternative { TextPartOf("plain", text), html };
        }
        else
        {
            body = html ?? TextPartOf("plain", text ?? string.Empty);
        }

        if (attached.Count == 0)
        {
            return body;
        }

        var mixed = new Multipart("mixed") { body };
        foreach (var part in attached)
        {
            mixed.Add(part);
        }

        return mixed;
    }

    private static MimePart BuildAttachment(MessageAttachment attachment)
    {
        var contentType = attachment.MimeType ?? MimeTypes.GetMimeType(attachment.FileName);
        var part = new MimePart(ContentType.Parse(contentType))
        {
            FileName = attachment.FileName,
            ContentDisposition = new ContentDisposition(attachment.ContentId is null ? ContentDisposition.Attachment : ContentDisposition.Inline),
        };
        part.ContentDisposition.FileName = attachment.FileName;
        if (attachment.ContentId is not null)
        {
            part.ContentId = attachment.ContentId.Trim().Trim('<', '>');
        }

        byte[] bytes;
        if (attachment.Content is not null)
        {
            bytes = attachment.Content;
        }
        else
        {
            try
            {
                bytes = File.ReadAllBytes(attachment.Path!);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new TypedMailException(ErrorCodes.AttachmentNotFound, $"'{attachment.Path}' cannot be read: {ex.Message}", ex);
            }
        }

        if (attachment.EncodeType == -2)
        {
            // Already Base64: checked, then written as is.
            var text = Encoding.ASCII.GetString(bytes);
            try
            {
                Convert.FromBase64String(string.Concat(text.Where(c => !char.IsWhiteSpace(c))));
            }
            catch (FormatException ex)
            {
                throw new TypedMailException(ErrorCodes.InvalidArgument, $"'{attachment.FileName}' was attached as already Base64 (-2) but is not Base64.", ex);
            }

            part.Content = new MimeContent(new MemoryStream(bytes), ContentEncoding.Base64);
            part.ContentTransferEncoding = ContentEncoding.Base64;
            return part;
        }

        part.Content = new MimeContent(new MemoryStream(bytes));
        part.ContentTransferEncoding = attachment.EncodeType == 2 ? ContentEncoding.Base64 : ContentEncoding.Default;
        return part;
    }
}
