using System;
using System.Collections.Generic;
using System.Linq;
using MimeKit;

namespace TypedMail.Mailbox.Web;

/// <summary>A message the inbox can show: a received one or a rendered preview, its bytes and its parsed form.</summary>
internal sealed class MailDocument
{
    private readonly Lazy<IReadOnlyList<MailPart>> _parts;

    public MailDocument(string id, byte[] raw, MimeMessage message)
    {
        Id = id;
        Raw = raw;
        Message = message;
        _parts = new Lazy<IReadOnlyList<MailPart>>(() => FindParts(message));
    }

    /// <summary>The id in the inbox's URLs.</summary>
    public string Id { get; }

    /// <summary>The message as it went on the wire.</summary>
    public byte[] Raw { get; }

    /// <summary><see cref="Raw"/> parsed.</summary>
    public MimeMessage Message { get; }

    /// <summary>Every part that is not the text or HTML body: attachments and inline resources.</summary>
    public IReadOnlyList<MailPart> Parts => _parts.Value;

    /// <summary>The inline resource a <c>cid:</c> URL names, if any.</summary>
    public MailPart? FindByContentId(string contentId) =>
        Parts.FirstOrDefault(part => string.Equals(part.Part.ContentId, contentId.Trim('<', '>'), StringComparison.OrdinalIgnoreCase));

    private static IReadOnlyList<MailPart> FindParts(MimeMessage message)
    {
        var parts = new List<MailPart>();
        var index = 0;
        foreach (var part in message.BodyParts.OfType<MimePart>())
        {
            var isBody = part is TextPart text && !text.IsAttachment && (text.IsPlain || text.IsHtml) && text.ContentId is null;
            if (!isBody)
            {
                parts.Add(new MailPart(index, part));
            }

            index++;
        }

        return parts;
    }
}
