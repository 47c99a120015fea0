using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using MimeKit;
using TypedMail.Runtime.Tests.Support;

namespace TypedMail.Runtime.Tests.Messages;

/// <summary>SMTP_Attachment: encode types, options, inline parts by content-id, in-memory attachments.</summary>
public sealed class AttachmentTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "typedmail-attachments-" + Guid.NewGuid().ToString("N"));

    public AttachmentTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task EncodeType2_SendsTheFileInBase64_WithItsName()
    {
        var path = File("rates.pdf", new byte[] { 0, 1, 2, 250, 251, 252 });
        using var message = LoopbackServers.Letter();
        message.AttachFile(path, 2);

        var received = await Delivery.ReceiveAsync(message);

        var part = Assert.Single(received.Message.Attachments.OfType<MimePart>());
        Assert.Equal("rates.pdf", part.FileName);
        Assert.Equal(ContentEncoding.Base64, part.ContentTransferEncoding);
        Assert.Equal("application/pdf", part.ContentType.MimeType);
        Assert.Equal(new byte[] { 0, 1, 2, 250, 251, 252 }, Decode(part));
    }

    [Fact]
    public async Task EncodeTypeMinus2_SendsAnAlreadyEncodedFileAsIs()
    {
        var path = File("logo.png.b64", Encoding.ASCII.GetBytes(Convert.ToBase64String(new byte[] { 137, 80, 78, 71 })));
        using var message = LoopbackServers.Letter();
        message.AttachFile(path, -2, mimeType: "image/png");

        var received = await Delivery.ReceiveAsync(message);

        var part = Assert.Single(received.Message.Attachments.OfType<MimePart>());
        Assert.Equal("image/png", part.ContentType.MimeType);
        Assert.Equal(new byte[] { 137, 80, 78, 71 }, Decode(part));
    }

    [Fact]
    public async Task EncodeType0_LetsMimeKitChoose_AndTheContentArrivesIntact()
    {
        var path = File("notes.txt", Encoding.UTF8.GetBytes("Turkeys away\n"));
        using var message = LoopbackServers.Letter();
        message.AttachFile(path, 0);

        var received = await Delivery.ReceiveAsync(message);

        var part = Assert.Single(received.Message.Attachments.OfType<MimePart>());
        Assert.Equal("Turkeys away", Encoding.UTF8.GetString(Decode(part)).TrimEnd());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(-1)]
    [InlineData(3)]
    [InlineData(-3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void MacintoshEncodeTypes_Return10001_WithAClearText_OutsideTheFacade(int encodeType)
    {
        var path = File("old.bin", new byte[] { 1 });
        using var message = new SmtpMessage();

        var error = Assert.Throws<TypedMailException>(() => message.AttachFile(path, encodeType));

        Assert.Equal(ErrorCodes.Unimplemented, error.Code);
        Assert.Contains("Base64", error.Message);
        Assert.Equal(0, message.AttachmentCount);
    }

    [Fact]
    public void MissingFile_Returns12008()
    {
        using var message = new SmtpMessage();

        var error = Assert.Throws<TypedMailException>(() => message.AttachFile(Path.Combine(_folder, "absent.pdf")));

        Assert.Equal(ErrorCodes.AttachmentNotFound, error.Code);
    }

    [Fact]
    public void Option1ReplacesAll_Option2RemovesThisOne()
    {
        var a = File("a.txt", new byte[] { 65 });
        var b = File("b.txt", new byte[] { 66 });
        var c = File("c.txt", new byte[] { 67 });
        using var message = new SmtpMessage();
        message.AttachFile(a);
        message.AttachFile(b);
        Assert.Equal(2, message.AttachmentCount);

        message.AttachFile(c, 2, AttachmentOption.ReplaceAll);
        Assert.Equal(new[] { "c.txt" }, message.ToMimeMessage().Attachments.Select(p => ((MimePart)p).FileName));

        message.AttachFile(a);
        message.AttachFile(c, 2, AttachmentOption.Remove);
        Assert.Equal(new[] { "a.txt" }, message.ToMimeMessage().Attachments.Select(p => ((MimePart)p).FileName));
    }

    [Fact]
    public async Task ContentId_MakesAnInlinePartOfMultipartRelated_WithTheHtmlBody()
    {
        var logo = File("logo.png", new byte[] { 137, 80, 78, 71 });
        var rates = File("rates.txt", Encoding.ASCII.GetBytes("rates"));
        using var message = LoopbackServers.Letter();
        message.SetBody("<img src=\"cid:logo@wkrp\"> Offer", BodyOption.Replace, html: true);
        message.AttachFile(logo, 2, contentId: "logo@wkrp");
        message.AttachFile(rates);

        var received = await Delivery.ReceiveAsync(message);

        var mixed = Assert.IsType<Multipart>(received.Message.Body);
        Assert.Equal("mixed", mixed.ContentType.MediaSubtype);
        var alternative = Assert.IsType<MultipartAlternative>(mixed[0]);
        var related = Assert.IsType<MultipartRelated>(alternative[1]);
        Assert.True(Assert.IsType<TextPart>(related[0]).IsHtml);
        var inline = Assert.IsType<MimePart>(related[1]);
        Assert.Equal("logo@wkrp", inline.ContentId);
        Assert.Equal(ContentDisposition.Inline, inline.ContentDisposition!.Disposition);
        Assert.Equal("rates.txt", ((MimePart)mixed[1]).FileName);
    }

    [Fact]
    public async Task InMemoryAttachment_IsSent()
    {
        using var message = LoopbackServers.Letter();
        message.AddAttachment("rate-card.csv", Encoding.UTF8.GetBytes("slot,price\nmorning,100\n"), "text/csv");

        var received = await Delivery.ReceiveAsync(message);

        var part = Assert.Single(received.Message.Attachments.OfType<MimePart>());
        Assert.Equal("rate-card.csv", part.FileName);
        Assert.Equal("text/csv", part.ContentType.MimeType);
        Assert.StartsWith("slot,price", Encoding.UTF8.GetString(Decode(part)));
    }

    [Fact]
    public async Task FileDeletedBeforeSend_Gives12008_AndNothingIsSent()
    {
        var path = File("gone.txt", new byte[] { 1 });
        await using var server = await LoopbackServers.StartAsync();
        using var message = LoopbackServers.Letter();
        message.AttachFile(path);
        System.IO.File.Delete(path);

        var result = await message.SendAsync(LoopbackServers.Settings(server, SessionMode.NeverTls));

        Assert.Equal(ErrorCodes.AttachmentNotFound, result.Code);
        Assert.Empty(server.Sessions);
    }

    private static byte[] Decode(MimePart part)
    {
        using var stream = new MemoryStream();
        part.Content!.DecodeTo(stream);
        return stream.ToArray();
    }

    private string File(string name, byte[] content)
    {
        var path = Path.Combine(_folder, name);
        System.IO.File.WriteAllBytes(path, content);
        return path;
    }
}
