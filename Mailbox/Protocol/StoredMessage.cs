using System;
using System.Buffers;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using MimeKit;

namespace TypedMail.Mailbox.Protocol;

/// <summary>
/// Where a received message's bytes live: in memory, or (with an .eml directory) only in its file, written straight
/// from SmtpServer's buffer and parsed in place (MimeKit's persistent parse keeps the parts in the file), so that a
/// message of hundreds of MiB is not copied three times into memory.
/// </summary>
internal sealed class StoredMessage : IDisposable
{
    private static readonly byte[] LastLineEnd = "\r\n"u8.ToArray();
    private readonly Stream? _file;

    private StoredMessage(Func<byte[]> rawMime, Func<MimeMessage> message, string? emlPath, Stream? file)
    {
        RawMime = rawMime;
        Message = message;
        EmlPath = emlPath;
        _file = file;
    }

    public Func<byte[]> RawMime { get; }

    /// <summary>Parses the message; an in-memory message is parsed only when asked, so a large inbox keeps only its bytes.</summary>
    public Func<MimeMessage> Message { get; }

    public string? EmlPath { get; }

    public static async Task<StoredMessage> InMemoryAsync(ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var content = Content(buffer);
        return await Task.FromResult(new StoredMessage(() => content, () => Parse(content), null, null)).ConfigureAwait(false);
    }

    public static async Task<StoredMessage> OnDiskAsync(ReadOnlySequence<byte> buffer, string emlPath, CancellationToken cancellationToken)
    {
        await using (var file = new FileStream(emlPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            foreach (var segment in buffer)
            {
                await file.WriteAsync(segment, cancellationToken).ConfigureAwait(false);
            }

            if (!buffer.IsEmpty)
            {
                await file.WriteAsync(LastLineEnd, cancellationToken).ConfigureAwait(false);
            }
        }

        var read = new FileStream(emlPath, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: false);
        try
        {
            var message = await MimeMessage.LoadAsync(read, persistent: true, cancellationToken).ConfigureAwait(false);
            return new StoredMessage(() => File.ReadAllBytes(emlPath), () => message, emlPath, read);
        }
        catch
        {
            await read.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public void Dispose() => _file?.Dispose();

    /// <summary>Parses a message's bytes (MimeKit is lenient: it reads what it can of malformed mail).</summary>
    public static MimeMessage Parse(byte[] content)
    {
        using var stream = new MemoryStream(content, writable: false);
        return MimeMessage.Load(stream);
    }

    // SmtpServer cuts the whole "CRLF.CRLF" terminator, but its first CRLF ends the message's last line (RFC 5321 4.1.4).
    private static byte[] Content(ReadOnlySequence<byte> buffer)
    {
        if (buffer.IsEmpty)
        {
            return [];
        }

        var content = new byte[buffer.Length + 2];
        buffer.CopyTo(content);
        content[^2] = (byte)'\r';
        content[^1] = (byte)'\n';
        return content;
    }
}
