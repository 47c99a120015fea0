using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using MimeKit;
using TypedMail.Runtime.Tests.Support;

namespace TypedMail.Runtime.Tests.Attachments;

/// <summary>
/// Attachments are streamed at send time, never held: files opened when the message is written, caller streams
/// rewound, encode type -2 decoded as a stream; each failure has its own code (12008 missing, 12030 too large,
/// 12031 unreadable, 12032 not Base64) and sends nothing.
/// </summary>
public sealed class AttachmentStreamingTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "typedmail-streaming-" + Guid.NewGuid().ToString("N"));

    public AttachmentStreamingTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task AlreadyBase64_OnOneLongLine_IsDecodedAndEncodedAgain_InMimeLines()
    {
        var bytes = Enumerable.Range(0, 3000).Select(i => (byte)(i * 7)).ToArray();
        var path = Write("data.bin.b64", Encoding.ASCII.GetBytes(Convert.ToBase64String(bytes)));
        using var message = LoopbackServers.Letter();
        message.AttachFile(path, -2, mimeType: "application/octet-stream");

        var received = await Delivery.ReceiveAsync(message);

        Assert.Equal(bytes, Decode(Assert.Single(received.Message.Attachments.OfType<MimePart>())));
        Assert.All(Encoding.ASCII.GetString(received.RawMime).Split("\r\n"), line => Assert.True(line.Length <= 78, $"a line of {line.Length}"));
    }

    [Theory]
    [InlineData("QUJD*RA==", "0x2A")]
    [InlineData("QUJDRA==QUJD", "after the '=' padding")]
    [InlineData("QUJDRA=", "not a multiple of 4")]
    public async Task NotBase64_Gives12032_NamingTheFault_AndSendsNothing(string text, string reason)
    {
        var path = Write("bad.b64", Encoding.ASCII.GetBytes(text));
        await using var server = await LoopbackServers.StartAsync();
        using var message = LoopbackServers.Letter();
        message.AttachFile(path, -2);

        var result = await message.SendAsync(LoopbackServers.Settings(server, SessionMode.NeverTls));

        Assert.Equal(ErrorCodes.AttachmentNotBase64, result.Code);
        Assert.Contains(reason, result.ErrorText, StringComparison.Ordinal);
        Assert.Empty(server.Sessions);
    }

    [Fact]
    public async Task FileOverTheMessagesLimit_Gives12030_AndSendsNothing()
    {
        var path = Write("big.bin", new byte[11]);
        await using var server = await LoopbackServers.StartAsync();
        using var message = LoopbackServers.Letter();
        message.MaxAttachmentBytes = 10;
        message.AttachFile(path);

        var result = await message.SendAsync(LoopbackServers.Settings(server, SessionMode.NeverTls));

        Assert.Equal(ErrorCodes.AttachmentTooLarge, result.Code);
        Assert.Contains("11 bytes", result.ErrorText, StringComparison.Ordinal);
        Assert.Empty(server.Sessions);
    }

    [Fact]
    public async Task FileLockedByAnotherWriter_Gives12031_NotMissing_AndSendsNothing()
    {
        var path = Write("locked.bin", new byte[] { 1, 2, 3 });
        await using var server = await LoopbackServers.StartAsync();
        using var message = LoopbackServers.Letter();
        message.AttachFile(path);
        using (new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            var result = await message.SendAsync(LoopbackServers.Settings(server, SessionMode.NeverTls));

            Assert.Equal(ErrorCodes.AttachmentUnreadable, result.Code);
            Assert.Contains("locked.bin", result.ErrorText, StringComparison.Ordinal);
        }

        Assert.Empty(server.Sessions);
        Assert.NotEqual(ErrorCodes.Text(ErrorCodes.AttachmentNotFound), ErrorCodes.Text(ErrorCodes.AttachmentUnreadable));
    }

    [Fact]
    public async Task FileChangedBetweenSends_IsReadAgain_AtEachSend()
    {
        var path = Write("rates.txt", Encoding.ASCII.GetBytes("first"));
        await using var server = await LoopbackServers.StartAsync();
        using var message = LoopbackServers.Letter();
        message.AttachFile(path);
        var settings = LoopbackServers.Settings(server, SessionMode.NeverTls);

        Assert.True((await message.SendAsync(settings)).Succeeded);
        File.WriteAllText(path, "second");
        Assert.True((await message.SendAsync(settings)).Succeeded);

        var received = await server.WaitForMessagesAsync(2, LoopbackServers.Patience);
        Assert.Equal(["first", "second"], received.Select(r => Encoding.ASCII.GetString(Decode(r.Message.Attachments.OfType<MimePart>().Single()))));
    }

    [Fact]
    public async Task CallerStreams_AreNotCopied_SeekableOnesAreRewound_OthersSpooledOnce_AndSurviveASizeMeasurement()
    {
        var bytes = Enumerable.Range(0, 100_000).Select(i => (byte)i).ToArray();
        var seekable = new MemoryStream(bytes);
        var oneWay = new OneWayStream(bytes);
        // SIZE makes the session measure the message before sending it: every attachment is read twice per send.
        await using var server = await LoopbackServers.StartAsync(configure: o => o.MaxMessageSize = 10_000_000);
        using var message = LoopbackServers.Letter();
        message.AddAttachment("seekable.bin", seekable);
        message.AddAttachment("one-way.bin", oneWay);
        var settings = LoopbackServers.Settings(server, SessionMode.NeverTls);

        Assert.True((await message.SendAsync(settings)).Succeeded);
        Assert.True((await message.SendAsync(settings)).Succeeded);

        var received = await server.WaitForMessagesAsync(2, LoopbackServers.Patience);
        foreach (var part in received.SelectMany(r => r.Message.Attachments.OfType<MimePart>()))
        {
            Assert.Equal(bytes, Decode(part));
        }

        Assert.Equal(4, received.Sum(r => r.Message.Attachments.Count()));
        Assert.True(seekable.CanRead, "the caller's stream was disposed");
        Assert.Equal(1, oneWay.Passes);
    }

    [Fact]
    public async Task A_200_MiB_File_Is_Streamed_To_The_Mailbox_And_Arrives_Intact()
    {
        const int size = 200 * 1024 * 1024;
        var path = Path.Combine(_folder, "archive.bin");
        byte[] expectedHash;
        using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
        using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
        {
            var block = new byte[1024 * 1024];
            for (var i = 0; i < size / block.Length; i++)
            {
                RandomNumberGenerator.Fill(block);
                file.Write(block);
                hash.AppendData(block);
            }

            expectedHash = hash.GetHashAndReset();
        }

        // The Mailbox keeps large messages in .eml files, parsed in place, so it does not hold them in memory either.
        await using var server = await LoopbackServers.StartAsync(configure: o => o.EmlDirectory = Path.Combine(_folder, "eml"));
        using var message = LoopbackServers.Letter();
        message.AttachFile(path, 2);
        var settings = LoopbackServers.Settings(server, SessionMode.NeverTls);
        settings.TimeoutSeconds = 120;

        var result = await message.SendAsync(settings);

        Assert.True(result.Succeeded, result.ToString());
        var received = await server.WaitForMessageAsync(TimeSpan.FromMinutes(2));
        var part = Assert.Single(received.Message.Attachments.OfType<MimePart>());
        using var hashing = new HashingStream();
        part.Content!.DecodeTo(hashing);
        Assert.Equal(size, hashing.Length);
        Assert.Equal(expectedHash, hashing.Hash());
        Assert.True(new FileInfo(received.EmlPath!).Length > size * 4L / 3, "the .eml holds the Base64 attachment");
    }

    private string Write(string name, byte[] content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    private static byte[] Decode(MimePart part)
    {
        using var stream = new MemoryStream();
        part.Content!.DecodeTo(stream);
        return stream.ToArray();
    }

    /// <summary>A stream that can be read once and cannot seek (a network body, a pipe).</summary>
    private sealed class OneWayStream(byte[] content) : Stream
    {
        private int _position;

        public int Passes { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_position == 0)
            {
                Passes++;
            }

            var n = Math.Min(count, content.Length - _position);
            Array.Copy(content, _position, buffer, offset, n);
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>Hashes what is written to it, keeping nothing.</summary>
    private sealed class HashingStream : Stream
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private long _length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position { get => _length; set => throw new NotSupportedException(); }

        public byte[] Hash() => _hash.GetHashAndReset();

        public override void Write(byte[] buffer, int offset, int count)
        {
            _hash.AppendData(buffer, offset, count);
            _length += count;
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            _hash.Dispose();
            base.Dispose(disposing);
        }
    }
}
