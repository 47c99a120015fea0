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
    /// the envelope only), the Date is the one set or the current date. Attachments are not read into memory: files are
    /// checked now and streamed by MimeKit when the message is written (each write opens them again).
    /// </summary>
    /// <exception cref="TypedMailException">An attachment file is missing (12008), larger than <see cref="MaxAttachmentBytes"/>
    /// (12030), unreadable (12031), or not Base64 for encode type -2 (12032).</exception>
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
                message.Headers.Replace(HeaderId.Subject, _format.HeaderEncoding(text.Value), text.Value);
            }
            else
            {
                message.Headers.Add(text.Key, _format.HeaderEncoding(text.Value), text.Value);
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
                message.Headers.Add(header.Key, _format.HeaderEncoding(header.Value), header.Value);
            }
        }

        message.Body = BuildBody();
        return message;
    }

    private MailboxAddress Clone(MailboxAddress mailbox)
    {
        var clone = (MailboxAddress)mailbox.Clone();
        clone.Encoding = _format.HeaderEncoding(clone.Name ?? string.Empty);
        return clone;
    }

    private TextPart TextPartOf(string subtype, string text)
    {
        var part = new TextPart(subtype);
        // 4D writes line breaks as CR; normalised to LF here, MailKit writes CRLF on the wire.
        text = text.Replace("\r\n", "\n").Replace('\r', '\n');
        part.SetText(_format.BodyEncodingFor(text), text);
        var transfer = _format.TransferEncodingFor(text);
        if (transfer != ContentEncoding.Default)
        {
            part.ContentTransferEncoding = transfer;
        }

        return part;
    }

    /// <summary>
    /// The body as 4D wrote it when SMTP_AddHeader gave MIME headers (Content-Type, Content-Transfer-Encoding...): those
    /// headers and the body text, as they are, parsed into one MIME entity (a hand-made multipart stays as written).
    /// </summary>
    private MimeEntity RawBody()
    {
        var text = (_htmlBody ?? _textBody ?? string.Empty).Replace("\r\n", "\n").Replace('\r', '\n').Replace("\n", "\r\n");
        var head = new StringBuilder();
        if (!_mimeHeaders.Any(h => string.Equals(h.Key, "Content-Type", StringComparison.OrdinalIgnoreCase)))
        {
            head.Append("Content-Type: ").Append(_htmlBody is null ? "text/plain" : "text/html").Append("; charset=utf-8\r\n");
        }

        foreach (var header in _mimeHeaders)
        {
            head.Append(header.Key).Append(": ").Append(header.Value).Append("\r\n");
        }

        var bytes = Encoding.UTF8.GetBytes(head.Append("\r\n").Append(text).ToString());
        return MimeEntity.Load(new MemoryStream(bytes, writable: false));
    }

    private MimeEntity BuildBody()
    {
        var parts = _attachments.Select(a => (Attachment: a, Part: BuildAttachment(a))).ToList();
        if (_mimeHeaders.Count > 0)
        {
            var raw = RawBody();
            if (parts.Count == 0)
            {
                return raw;
            }

            var withAttachments = new Multipart("mixed") { raw };
            foreach (var part in parts)
            {
                withAttachments.Add(part.Part);
            }

            return withAttachments;
        }

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

    private MimePart BuildAttachment(MessageAttachment attachment) => attachment.ToMimePart(_maxAttachmentBytes);
}
