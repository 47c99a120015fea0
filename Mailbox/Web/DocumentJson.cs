using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using MimeKit;
using TypedMail.Mailbox.Web.Json;

namespace TypedMail.Mailbox.Web;

/// <summary>Turns a <see cref="MailDocument"/> into the JSON its page reads.</summary>
internal static class DocumentJson
{
    public static MessageSummaryJson Summary(InboxEntry entry)
    {
        var row = entry.Row;
        return new MessageSummaryJson(
            entry.Document.Id,
            entry.ReceivedAt,
            row.From,
            row.To,
            row.Subject,
            entry.Document.Raw.Length,
            row.Attachments,
            SessionBadgesJson.Of(entry.Session));
    }

    public static MessageDetailJson Detail(InboxEntry entry, string apiBase) =>
        Detail(entry.Document, "message", apiBase, entry.ReceivedAt, Envelope(entry), entry.Session, null);

    public static MessageDetailJson Detail(
        MailDocument document,
        string kind,
        string apiBase,
        DateTimeOffset? receivedAt,
        EnvelopeJson? envelope,
        SessionJson? session,
        PreviewSourceJson? preview)
    {
        var message = document.Message;
        var documentBase = $"{apiBase}/{Uri.EscapeDataString(document.Id)}";
        return new MessageDetailJson(
            document.Id,
            kind,
            message.From.ToString(),
            message.To.Select(address => address.ToString()).ToArray(),
            message.Cc.Select(address => address.ToString()).ToArray(),
            message.Subject ?? string.Empty,
            message.Headers.Contains(HeaderId.Date) ? message.Date : null,
            receivedAt,
            document.Raw.Length,
            TopLevelHeaders(document).Select(header => new HeaderJson(header.Field, header.Value)).ToArray(),
            message.TextBody,
            message.HtmlBody is null ? null : documentBase + "/html",
            documentBase + "/raw",
            document.Parts.Select(part => Part(part, documentBase)).ToArray(),
            envelope,
            session,
            preview);
    }

    // Every header of the message's header block, in order: MimeKit keeps the top-level Content-* headers with the body
    // (message.Body.Headers), so message.Headers alone would hide Content-Type and Content-Transfer-Encoding.
    private static HeaderList TopLevelHeaders(MailDocument document)
    {
        using var raw = new MemoryStream(document.Raw, writable: false);
        return HeaderList.Load(raw);
    }

    private static EnvelopeJson Envelope(InboxEntry entry)
    {
        var message = entry.Document.Message;
        var visible = new HashSet<string>(
            message.To.Mailboxes.Concat(message.Cc.Mailboxes).Select(mailbox => mailbox.Address),
            StringComparer.OrdinalIgnoreCase);
        var recipients = entry.Recipients
            .Select(address => new EnvelopeRecipientJson(address, !visible.Contains(address)))
            .ToArray();
        return new EnvelopeJson(entry.MailFrom, recipients);
    }

    private static PartJson Part(MailPart part, string documentBase) =>
        new(part.Index, part.FileName, part.ContentType, part.Decode().LongLength, part.Part.ContentId, part.IsInline, $"{documentBase}/parts/{part.Index}");
}
