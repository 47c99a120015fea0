using System;
using System.Collections.Generic;
using System.Linq;
using MimeKit;
using TypedMail.Mailbox.Protocol;

namespace TypedMail.Mailbox.Web;

/// <summary>
/// A message the inbox can show: a received one or a rendered preview, its bytes and its parsed form. A received one
/// keeps only its bytes: it is parsed when a page asks for it, and the parsed form is dropped again under memory
/// pressure (a weak reference), so the inbox's memory follows its messages' bytes, not their parsed trees.
/// </summary>
internal sealed class MailDocument
{
    private readonly MimeMessage? _kept;
    private readonly WeakReference<MimeMessage?> _parsed = new(null);
    private readonly object _gate = new();

    /// <summary>A document whose parsed form is kept (a preview).</summary>
    public MailDocument(string id, byte[] raw, MimeMessage message)
    {
        Id = id;
        Raw = raw;
        _kept = message;
    }

    /// <summary>A document parsed on demand from <paramref name="raw"/> (a received message).</summary>
    public MailDocument(string id, byte[] raw)
    {
        Id = id;
        Raw = raw;
    }

    /// <summary>The id in the inbox's URLs.</summary>
    public string Id { get; }

    /// <summary>The message as it went on the wire.</summary>
    public byte[] Raw { get; }

    /// <summary><see cref="Raw"/> parsed.</summary>
    public MimeMessage Message
    {
        get
        {
            if (_kept is not null)
            {
                return _kept;
            }

            lock (_gate)
            {
                if (_parsed.TryGetTarget(out var parsed) && parsed is not null)
                {
                    return parsed;
                }

                parsed = StoredMessage.Parse(Raw);
                _parsed.SetTarget(parsed);
                return parsed;
            }
        }
    }

    /// <summary>Every part that is not the text or HTML body: attachments and inline resources.</summary>
    public IReadOnlyList<MailPart> Parts => PartsOf(Message);

    /// <summary>The inline resource a <c>cid:</c> URL names, if any.</summary>
    public MailPart? FindByContentId(string contentId) =>
        Parts.FirstOrDefault(part => string.Equals(part.Part.ContentId, contentId.Trim('<', '>'), StringComparison.OrdinalIgnoreCase));

    /// <summary>Every part of <paramref name="message"/> that is not the text or HTML body.</summary>
    public static IReadOnlyList<MailPart> PartsOf(MimeMessage message)
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
