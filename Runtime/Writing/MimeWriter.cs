using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using MimeKit;

namespace TypedMail;

/// <summary>
/// The one place where TypedMail writes MIME. Every message, typed or 4D-style, previewed, recorded, signed, stored or
/// sent, is the output of <see cref="Write"/>: text/plain or text/html alone; multipart/alternative for text + HTML
/// (the text generated from the HTML when none is given); multipart/related for <c>cid:</c> parts of an HTML body;
/// multipart/mixed for attachments. Bcc is in the envelope only. Attachments are not read into memory: files are checked
/// now and streamed by MimeKit when the message is written.
/// </summary>
internal static class MimeWriter
{
    /// <summary>Writes <paramref name="content"/> as a MIME message carrying its envelope.</summary>
    /// <exception cref="TypedMailException">An attachment file is missing (12008), too large (12030), unreadable (12031), or not Base64 for encode type -2 (12032).</exception>
    public static WrittenMessage Write(MessageContent content)
    {
        var format = content.Format;
        var message = new WrittenMessage(EnvelopeOf(content));
        message.From.AddRange(content.From.Select(m => Clone(m, format)));
        if (content.Sender is not null)
        {
            message.Sender = Clone(content.Sender, format);
        }

        message.ReplyTo.AddRange(content.ReplyTo.Select(m => Clone(m, format)));
        message.To.AddRange(content.To.Select(m => Clone(m, format)));
        message.Cc.AddRange(content.Cc.Select(m => Clone(m, format)));
        var subject = false;
        foreach (var text in content.Texts)
        {
            if (string.Equals(text.Key, "Subject", StringComparison.OrdinalIgnoreCase))
            {
                message.Headers.Replace(HeaderId.Subject, format.HeaderEncoding(text.Value), text.Value);
                subject = true;
            }
            else
            {
                message.Headers.Add(text.Key, format.HeaderEncoding(text.Value), text.Value);
            }
        }

        if (!subject)
        {
            // MimeKit starts every message with an empty Subject; 4D's "removed" means no Subject header at all.
            message.Headers.Remove(HeaderId.Subject);
        }

        message.Date = content.Date ?? DateTimeOffset.Now;
        foreach (var header in content.Headers)
        {
            if (string.Equals(header.Key, "Message-ID", StringComparison.OrdinalIgnoreCase))
            {
                message.MessageId = header.Value.Trim().Trim('<', '>');
            }
            else
            {
                message.Headers.Add(header.Key, format.HeaderEncoding(header.Value), header.Value);
            }
        }

        message.Body = Body(content);
        ChooseTransferEncodings(message);
        return message;
    }

    /// <summary>
    /// Fixes the transfer encoding of every part left to choose (7bit, quoted-printable or base64: safe on any server), so
    /// that MailKit sends the parts as written and a DKIM signature covers what is previewed: the bytes shown, recorded,
    /// signed and stored are the bytes sent. A part whose encoding was chosen (4D's preferences, 4D's MIME headers) keeps it.
    /// </summary>
    private static void ChooseTransferEncodings(MimeMessage message)
    {
        foreach (var part in message.BodyParts.OfType<MimePart>())
        {
            if (part.ContentTransferEncoding == ContentEncoding.Default)
            {
                part.Prepare(EncodingConstraint.SevenBit);
            }
        }
    }

    /// <summary>The envelope: Sender when set, else the first From; To, Cc and Bcc, each address once.</summary>
    public static MessageEnvelope EnvelopeOf(MessageContent content) =>
        MessageEnvelope.Of(content.Sender, content.From, content.To.Concat(content.Cc).Concat(content.Bcc));

    /// <summary>The text part's content: the text body, else the alternative generated from the HTML body (null when none).</summary>
    private static string? PlainText(MessageContent content)
    {
        if (content.TextBody is not null || content.HtmlBody is null || !content.TextAlternative)
        {
            return content.TextBody;
        }

        var generated = HtmlToText.Convert(content.HtmlBody);
        return generated.Length == 0 ? null : generated;
    }

    private static MailboxAddress Clone(MailboxAddress mailbox, MessageFormat format)
    {
        var clone = (MailboxAddress)mailbox.Clone();
        clone.Encoding = format.HeaderEncoding(clone.Name ?? string.Empty);
        return clone;
    }

    private static TextPart TextPartOf(string subtype, string text, MessageFormat format)
    {
        var part = new TextPart(subtype);
        // 4D writes line breaks as CR; normalised to LF here, MailKit writes CRLF on the wire.
        text = text.Replace("\r\n", "\n").Replace('\r', '\n');
        var charset = format.BodyEncodingFor(text);
        part.SetText(charset, text);
        var transfer = format.TransferEncodingFor(text);
        if (transfer != ContentEncoding.Default)
        {
            part.ContentTransferEncoding = transfer;
        }

        if (transfer is ContentEncoding.QuotedPrintable or ContentEncoding.Base64 && format.EncodedLineLength is { } length)
        {
            // 4D's lineLength under MIME's 76: encoded now with that line length, so MimeKit writes it as it is.
            MimeKit.Encodings.IMimeEncoder encoder = transfer == ContentEncoding.Base64
                ? new MimeKit.Encodings.Base64Encoder(length)
                : new MimeKit.Encodings.QuotedPrintableEncoder(length);
            var bytes = charset.GetBytes(text);
            var encoded = new byte[encoder.EstimateOutputLength(bytes.Length)];
            var written = encoder.Flush(bytes, 0, bytes.Length, encoded);
            part.Content = new MimeContent(new MemoryStream(encoded, 0, written, writable: false), transfer);
        }

        return part;
    }

    /// <summary>
    /// The body as 4D wrote it when SMTP_AddHeader gave MIME headers (Content-Type, Content-Transfer-Encoding...): those
    /// headers and the body text, as they are, parsed into one MIME entity (a hand-made multipart stays as written).
    /// </summary>
    private static MimeEntity RawBody(MessageContent content)
    {
        var text = (content.HtmlBody ?? content.TextBody ?? string.Empty).Replace("\r\n", "\n").Replace('\r', '\n').Replace("\n", "\r\n");
        var head = new StringBuilder();
        if (!content.MimeHeaders.Any(h => string.Equals(h.Key, "Content-Type", StringComparison.OrdinalIgnoreCase)))
        {
            head.Append("Content-Type: ").Append(content.HtmlBody is null ? "text/plain" : "text/html").Append("; charset=utf-8\r\n");
        }

        foreach (var header in content.MimeHeaders)
        {
            head.Append(header.Key).Append(": ").Append(header.Value).Append("\r\n");
        }

        var bytes = Encoding.UTF8.GetBytes(head.Append("\r\n").Append(text).ToString());
        return MimeEntity.Load(new MemoryStream(bytes, writable: false));
    }

    private static MimeEntity Body(MessageContent content)
    {
        var format = content.Format;
        var parts = content.Attachments.Select(a => (Attachment: a, Part: a.ToMimePart(content.MaxAttachmentBytes))).ToList();
        if (content.MimeHeaders.Count > 0)
        {
            var raw = RawBody(content);
            return parts.Count == 0 ? raw : Mixed(raw, parts.Select(p => p.Part));
        }

        bool IsInline(MessageAttachment a) => a.ContentId is not null && content.HtmlBody is not null;
        var inline = parts.Where(p => IsInline(p.Attachment)).Select(p => p.Part).ToList();
        var attached = parts.Where(p => !IsInline(p.Attachment)).Select(p => p.Part).ToList();

        MimeEntity? html = null;
        if (content.HtmlBody is not null)
        {
            html = TextPartOf("html", content.HtmlBody, format);
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

        var text = PlainText(content);
        var body = text is not null && html is not null
            ? new MultipartAlternative { TextPartOf("plain", text, format), html }
            : html ?? TextPartOf("plain", text ?? string.Empty, format);
        return attached.Count == 0 ? body : Mixed(body, attached);
    }

    private static Multipart Mixed(MimeEntity body, IEnumerable<MimePart> attachments)
    {
        var mixed = new Multipart("mixed") { body };
        foreach (var part in attachments)
        {
            mixed.Add(part);
        }

        return mixed;
    }
}
