namespace TypedMail;

/// <summary>One attachment of a message: a file read at send time, or bytes held in memory.</summary>
internal sealed class MessageAttachment
{
    public MessageAttachment(string? path, byte[]? content, string fileName, string? mimeType, string? contentId, int encodeType)
    {
        Path = path;
        Content = content;
        FileName = fileName;
        MimeType = mimeType;
        ContentId = contentId;
        EncodeType = encodeType;
    }

    /// <summary>The file path, or null for an in-memory attachment.</summary>
    public string? Path { get; }

    /// <summary>The bytes, or null for a file attachment.</summary>
    public byte[]? Content { get; }

    public string FileName { get; }

    public string? MimeType { get; }

    /// <summary>Makes an inline part referenced by <c>cid:</c> from the HTML body.</summary>
    public string? ContentId { get; }

    /// <summary>4D's encode type: 2 = encode in Base64, -2 = already Base64, 0 = let MimeKit choose.</summary>
    public int EncodeType { get; }
}
