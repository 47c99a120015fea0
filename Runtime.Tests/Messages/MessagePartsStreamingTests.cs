using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using MimeKit;
using TypedMail.Runtime.Tests.Support;
using Xunit;

namespace TypedMail.Runtime.Tests.Messages;

/// <summary>
/// Generated messages describe their attachments through <see cref="MessageParts"/>: a file or a caller's stream is read
/// when the message is written, never copied into memory when it is rendered.
/// </summary>
public sealed class MessagePartsStreamingTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("typedmail-parts-").FullName;

    [Fact]
    public void AFile_IsReadWhenTheMimeMessageIsWritten_NotWhenItIsRendered()
    {
        var path = Path.Combine(_directory, "rates.txt");
        File.WriteAllText(path, "rendered");
        var message = Parts().AttachFile(path, "rates.txt", "text/plain").ToMimeMessage();

        File.WriteAllText(path, "written");

        Assert.Equal("written", AttachmentText(message, "rates.txt"));
    }

    [Fact]
    public void ACallersStream_IsReadWhenTheMimeMessageIsWritten_FromItsStart()
    {
        var stream = new MemoryStream(Encoding.ASCII.GetBytes("rendered"));
        var message = Parts().Attach(stream, "card.txt", "text/plain").ToMimeMessage();

        stream.Position = 0;
        stream.Write(Encoding.ASCII.GetBytes("streamed"));

        Assert.Equal("streamed", AttachmentText(message, "card.txt"));
    }

    [Fact]
    public async Task AFile_IsOpenedAtSendTime_ThroughTheMessageReference()
    {
        await using var server = await LoopbackServers.StartAsync();
        var path = Path.Combine(_directory, "report.txt");
        File.WriteAllText(path, "rendered");
        using var reference = Parts().AttachFile(path, "report.txt", "text/plain").ToSmtpMessage();
        reference.Host = server.Host;
        File.WriteAllText(path, "sent");

        var result = await reference.SendAsync(LoopbackServers.Settings(server, SessionMode.NeverTls));

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal("sent", AttachmentText(Assert.Single(server.Messages).Message, "report.txt"));
    }

    [Fact]
    public void AMissingFile_Is12008_WhenTheMessageIsRendered()
    {
        var missing = Path.Combine(_directory, "missing.pdf");

        var error = Assert.Throws<TypedMailException>(() => Parts().AttachFile(missing).ToSmtpMessage().Dispose());

        Assert.Equal(ErrorCodes.AttachmentNotFound, error.Code);
        Assert.Contains("missing.pdf", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static MessageParts Parts() => new MessageParts(from: "herb_tarlick@wkrp.com", to: "andy@wkrp.com").Subject("Parts").TextBody("See attached.");

    private static string AttachmentText(MimeMessage message, string fileName)
    {
        using var written = new MemoryStream();
        message.WriteTo(written);
        written.Position = 0;
        var parsed = MimeMessage.Load(written);
        var part = parsed.Attachments.OfType<MimePart>().Single(p => p.FileName == fileName);
        using var content = new MemoryStream();
        part.Content!.DecodeTo(content);
        return Encoding.ASCII.GetString(content.ToArray());
    }
}
