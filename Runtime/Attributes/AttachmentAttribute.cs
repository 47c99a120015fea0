using System;

namespace TypedMail;

/// <summary>
/// The member is attached to the message: a <c>byte[]</c>, a <see cref="System.IO.Stream"/>, a
/// <see cref="System.IO.FileInfo"/> or a file path (<see cref="string"/>). With <see cref="ContentId"/> the part is
/// inline, for <c>cid:</c> references in the HTML body.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, Inherited = false, AllowMultiple = false)]
public sealed class AttachmentAttribute : Attribute
{
    /// <summary>The file name shown to the reader; by default the file's name, or the member's name.</summary>
    public string? FileName { get; set; }

    /// <summary>The MIME type, e.g. <c>"application/pdf"</c>; by default guessed from the file name.</summary>
    public string? ContentType { get; set; }

    /// <summary>The Content-ID of an inline part referenced as <c>cid:…</c> from the HTML body.</summary>
    public string? ContentId { get; set; }
}
