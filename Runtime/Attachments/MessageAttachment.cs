using System;
using System.IO;
using MimeKit;

namespace TypedMail;

/// <summary>
/// One attachment of a message, kept as a reference to its bytes, never as a copy: a file path (opened at each send),
/// the caller's byte array, or the caller's stream (rewound at each send; a stream that cannot seek is spooled once to
/// a temporary file that goes with the message).
/// </summary>
internal sealed class MessageAttachment : IDisposable
{
    private readonly byte[]? _bytes;
    private readonly Stream? _stream;
    private readonly long _streamStart;
    private readonly bool _ownsStream;

    private MessageAttachment(string? path, byte[]? bytes, Stream? stream, string fileName, string? mimeType, string? contentId, int encodeType, bool ownsStream = false)
    {
        _ownsStream = ownsStream;
        Path = path;
        _bytes = bytes;
        _stream = stream;
        _streamStart = stream is { CanSeek: true } ? stream.Position : 0;
        FileName = fileName;
        MimeType = mimeType;
        ContentId = contentId;
        EncodeType = encodeType;
    }

    /// <summary>The file path, or null for bytes or a stream.</summary>
    public string? Path { get; }

    public string FileName { get; }

    public string? MimeType { get; }

    /// <summary>Makes an inline part referenced by <c>cid:</c> from the HTML body.</summary>
    public string? ContentId { get; }

    /// <summary>4D's encode type: 2 = encode in Base64, -2 = already Base64, 7 = UUEncode, -7 = already UUEncoded, 0 = let the MIME writer choose (7-bit safe).</summary>
    public int EncodeType { get; }

    public static MessageAttachment FromFile(string path, string? mimeType, string? contentId, int encodeType, string? fileName = null) =>
        new(path, null, null, fileName ?? System.IO.Path.GetFileName(path), mimeType, contentId, encodeType);

    /// <summary>The MIME part that streams this attachment (inline with its content id for <c>cid:</c> references).</summary>
    public MimePart ToMimePart(long? maxBytes)
    {
        var part = new MimePart(ContentType.Parse(MimeType ?? MimeTypes.GetMimeType(FileName)))
        {
            FileName = FileName,
            ContentDisposition = new ContentDisposition(ContentId is null ? ContentDisposition.Attachment : ContentDisposition.Inline),
        };
        part.ContentDisposition.FileName = FileName;
        if (ContentId is not null)
        {
            part.ContentId = ContentId.Trim().Trim('<', '>');
        }

        part.Content = Content(maxBytes);
        part.ContentTransferEncoding = EncodeType switch
        {
            0 => ContentEncoding.Default,
            7 or -7 => ContentEncoding.UUEncode,
            _ => ContentEncoding.Base64,
        };
        return part;
    }

    public static MessageAttachment FromBytes(string fileName, byte[] bytes, string? mimeType, string? contentId) =>
        new(null, bytes, null, fileName, mimeType, contentId, 2);

    /// <summary>A caller's stream: used from its current position at each send when it can seek, spooled to disk once when not.</summary>
    public static MessageAttachment FromStream(string fileName, Stream stream, string? mimeType, string? contentId)
    {
        if (!stream.CanRead)
        {
            throw new TypedMailException(ErrorCodes.AttachmentUnreadable, $"The stream of '{fileName}' cannot be read.");
        }

        if (stream.CanSeek)
        {
            return new MessageAttachment(null, null, stream, fileName, mimeType, contentId, 2);
        }

        var spool = new FileStream(System.IO.Path.Combine(System.IO.Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".typedmail-spool"),
            FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
        try
        {
            stream.CopyTo(spool, 81920);
            spool.Position = 0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            spool.Dispose();
            throw new TypedMailException(ErrorCodes.AttachmentUnreadable, $"The stream of '{fileName}' could not be read: {ex.Message}", ex);
        }

        return new MessageAttachment(null, null, spool, fileName, mimeType, contentId, 2, ownsStream: true);
    }

    /// <summary>
    /// The content MimeKit streams at send time. A file is checked now: it exists (12008), it is within
    /// <paramref name="maxBytes"/> (12030), it opens (12031), and for encode type -2 it is Base64 (12032).
    /// </summary>
    public MimeContent Content(long? maxBytes)
    {
        if (_bytes is not null)
        {
            return new MimeContent(new MemoryStream(_bytes, writable: false));
        }

        if (_stream is not null)
        {
            var stream = _stream;
            var start = _streamStart;
            var length = stream.Length - start;
            CheckSize(length, maxBytes);
            return new MimeContent(new AttachmentContent(() => { stream.Position = start; return stream; }, length, FileName, ownsSource: false));
        }

        var path = Path!;
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            throw new TypedMailException(ErrorCodes.AttachmentNotFound, $"'{path}' does not exist.");
        }

        CheckSize(file.Length, maxBytes);
        using (var probe = Open(path))
        {
            switch (EncodeType)
            {
                case -2:
                    var decoded = Base64File.DecodedLength(probe, FileName);
                    return new MimeContent(new AttachmentContent(() => Decode(Open(path), ContentEncoding.Base64), decoded, FileName));
                case -7:
                    var length = DecodedLength(Decode(probe, ContentEncoding.UUEncode));
                    return new MimeContent(new AttachmentContent(() => Decode(Open(path), ContentEncoding.UUEncode), length, FileName));
                default:
                    return new MimeContent(new AttachmentContent(() => Open(path), file.Length, FileName));
            }
        }
    }

    /// <summary>Deletes the spooled copy of a stream that could not seek; a caller's own stream stays the caller's.</summary>
    public void Dispose()
    {
        if (_ownsStream)
        {
            _stream?.Dispose();
        }
    }

    private static Stream Decode(Stream file, ContentEncoding encoding)
    {
        var decoding = new MimeKit.IO.FilteredStream(file);
        decoding.Add(MimeKit.IO.Filters.DecoderFilter.Create(encoding));
        return decoding;
    }

    /// <summary>The length of a decoded file, read through once (the probe is left at its end, not closed).</summary>
    private static long DecodedLength(Stream decoding)
    {
        var buffer = new byte[81920];
        long length = 0;
        int read;
        while ((read = decoding.Read(buffer, 0, buffer.Length)) > 0)
        {
            length += read;
        }

        return length;
    }

    private static FileStream Open(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.SequentialScan);
        }
        catch (FileNotFoundException ex)
        {
            throw new TypedMailException(ErrorCodes.AttachmentNotFound, $"'{path}' does not exist.", ex);
        }
        catch (DirectoryNotFoundException ex)
        {
            throw new TypedMailException(ErrorCodes.AttachmentNotFound, $"'{path}' does not exist.", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new TypedMailException(ErrorCodes.AttachmentUnreadable, $"'{path}' cannot be read: {ex.Message}", ex);
        }
    }

    private void CheckSize(long length, long? maxBytes)
    {
        if (maxBytes is { } max && length > max)
        {
            throw new TypedMailException(ErrorCodes.AttachmentTooLarge, $"'{FileName}' is {length} bytes; the message's limit is {max} bytes.");
        }
    }
}
