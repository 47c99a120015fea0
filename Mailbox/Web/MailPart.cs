using System.IO;
using MimeKit;

namespace TypedMail.Mailbox.Web;

/// <summary>An attachment or inline resource of a <see cref="MailDocument"/>, numbered by its place among the body parts.</summary>
internal sealed record MailPart(int Index, MimePart Part)
{
    /// <summary>The file name to offer, never empty.</summary>
    public string FileName => Part.FileName is { Length: > 0 } name ? Path.GetFileName(name) : $"part-{Index}";

    /// <summary>The MIME type, e.g. "image/png".</summary>
    public string ContentType => Part.ContentType.MimeType;

    /// <summary>An inline resource (a <c>cid:</c> image of the HTML), not an attachment.</summary>
    public bool IsInline => Part.ContentId is not null && !Part.IsAttachment;

    /// <summary>The decoded content.</summary>
    public byte[] Decode()
    {
        using var buffer = new MemoryStream();
        Part.Content?.DecodeTo(buffer);
        return buffer.ToArray();
    }
}
