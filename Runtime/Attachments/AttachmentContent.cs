using System;
using System.IO;

namespace TypedMail;

/// <summary>
/// An attachment's bytes as MimeKit reads them at send time, without holding them: the source (a file, a decoding
/// filter over a file, or a caller's stream) is opened on the first read and closed at its end, and a seek back to the
/// start reopens it, so a size measurement and the transmission each stream it once. A read failure becomes
/// <see cref="ErrorCodes.AttachmentUnreadable"/> naming the attachment.
/// </summary>
internal sealed class AttachmentContent : Stream
{
    private readonly Func<Stream> _open;
    private readonly long _length;
    private readonly string _name;
    private readonly bool _ownsSource;
    private Stream? _source;
    private long _position;

    /// <param name="open">Opens the source positioned at its start; the stream it returns is disposed at the end of each pass.</param>
    /// <param name="length">The number of bytes a pass gives.</param>
    /// <param name="name">The attachment, for errors.</param>
    /// <param name="ownsSource">False for a caller's stream: it is rewound for each pass, never disposed.</param>
    public AttachmentContent(Func<Stream> open, long length, string name, bool ownsSource = true)
    {
        _open = open;
        _length = length;
        _name = name;
        _ownsSource = ownsSource;
    }

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => _length;

    public override long Position
    {
        get => _position;
        set => Seek(value, SeekOrigin.Begin);
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_position >= _length && _source is null)
        {
            return 0;
        }

        try
        {
            _source ??= _open();
            var read = _source.Read(buffer, offset, count);
            _position += read;
            if (read == 0)
            {
                Close(keepPosition: true);
            }

            return read;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Close(keepPosition: false);
            throw new TypedMailException(ErrorCodes.AttachmentUnreadable, $"The attachment '{_name}' could not be read while sending: {ex.Message}", ex);
        }
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        var target = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            _ => _length + offset,
        };
        if (target < 0)
        {
            throw new IOException("Cannot seek before the start of an attachment.");
        }

        if (target == _position)
        {
            return _position;
        }

        // Only forward from the current pass, or back to a new pass: the sources are read sequentially.
        if (target < _position || _source is null)
        {
            Close(keepPosition: false);
        }

        var skip = new byte[Math.Min(81920, Math.Max(1, target - _position))];
        while (_position < target)
        {
            if (Read(skip, 0, (int)Math.Min(skip.Length, target - _position)) == 0)
            {
                break;
            }
        }

        return _position;
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException("An attachment's content is read-only.");

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("An attachment's content is read-only.");

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Close(keepPosition: false);
        }

        base.Dispose(disposing);
    }

    private void Close(bool keepPosition)
    {
        if (_ownsSource)
        {
            _source?.Dispose();
        }

        _source = null;
        if (!keepPosition)
        {
            _position = 0;
        }
    }
}
