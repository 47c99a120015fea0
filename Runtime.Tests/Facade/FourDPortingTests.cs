using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using MimeKit;
using TypedMail.Mailbox;
using TypedMail.Runtime.Tests.Support;
using static TypedMail.InternetCommands;

namespace TypedMail.Runtime.Tests.Facade;

/// <summary>
/// Issue 22: 4D code ports and keeps working. Each test runs 4D-style calls through the facade against the embedded
/// Mailbox and checks what arrives: attachment bytes, charset and transfer encoding on the wire, the rules switch.
/// </summary>
[Collection(ProcessGlobalSettingsCollection.Name)]
public sealed class FourDPortingTests : IDisposable
{
    private readonly RecordingLogger _log = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("typedmail-4d-").FullName;

    public FourDPortingTests() => IT_SetLogger(_log);

    public void Dispose()
    {
        IT_SetLogger(null);
        IT_SetEnforceRules(1);
        IT_SetPort(SmtpProtocol, 0);
        IT_SetTrustedCertificate(null);
        SMTP_SetPrefs(1, 1, 0);
        SMTP_Charset(0, 0);
        Directory.Delete(_folder, recursive: true);
    }

    [Theory]
    [InlineData(1, "BinHex")]
    [InlineData(-1, "BinHex")]
    [InlineData(3, "AppleSingle")]
    [InlineData(-3, "AppleSingle")]
    [InlineData(4, "AppleDouble")]
    [InlineData(-4, "AppleDouble")]
    [InlineData(5, "AppleSingle and Base64")]
    [InlineData(-5, "AppleSingle and Base64")]
    [InlineData(6, "AppleDouble and Base64")]
    [InlineData(-6, "AppleDouble and Base64")]
    public async Task Attachment_Macintosh_encodings_send_the_file_in_Base64_with_a_warning_naming_4Ds_option(int encodeType, string name)
    {
        var bytes = Binary();
        var path = Write("report.bin", bytes);
        await using var server = await LoopbackServers.StartAsync();
        var id = NewLetter(server);

        Assert.Equal(0, SMTP_Attachment(id, path, encodeType));
        Assert.Equal(0, SMTP_Send(id, 2));
        SMTP_Clear(ref id);

        var part = Assert.Single((await server.WaitForMessageAsync(LoopbackServers.Patience)).Message.Attachments.OfType<MimePart>());
        Assert.Equal(ContentEncoding.Base64, part.ContentTransferEncoding);
        Assert.Equal("report.bin", part.FileName);
        Assert.Equal(bytes, Decoded(part));
        Assert.Contains(_log.Lines, l => l.Level == LogLevel.Warning && l.Text.Contains($"encode type {encodeType} ", StringComparison.Ordinal)
            && l.Text.Contains(name, StringComparison.Ordinal) && l.Text.Contains("Base64", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Attachment_UUEncode_plus7_encodes_minus7_is_already_encoded_Base64_minus2_none_0_and_the_bytes_arrive()
    {
        var bytes = Binary();
        var plain = Write("plain.bin", bytes);
        var uuFile = Write("sent.uue", UUEncoded(bytes, "sent.bin"));
        var base64File = Write("sent.b64", Encoding.ASCII.GetBytes(Convert.ToBase64String(bytes, Base64FormattingOptions.InsertLineBreaks)));
        var text = Write("notes.txt", Encoding.ASCII.GetBytes("Turkeys away\r\n"));
        await using var server = await LoopbackServers.StartAsync();
        var id = NewLetter(server);

        Assert.Equal(0, SMTP_Attachment(id, plain, 7));
        Assert.Equal(0, SMTP_Attachment(id, uuFile, -7));
        Assert.Equal(0, SMTP_Attachment(id, base64File, -2));
        Assert.Equal(0, SMTP_Attachment(id, text, 0));
        Assert.Equal(0, SMTP_Send(id, 2));
        SMTP_Clear(ref id);

        var received = await server.WaitForMessageAsync(LoopbackServers.Patience);
        var parts = received.Message.Attachments.OfType<MimePart>().ToList();
        Assert.Equal(4, parts.Count);
        Assert.Equal(ContentEncoding.UUEncode, parts[0].ContentTransferEncoding);
        Assert.Equal(bytes, Decoded(parts[0]));
        Assert.Equal(ContentEncoding.UUEncode, parts[1].ContentTransferEncoding);
        Assert.Equal(bytes, Decoded(parts[1]));
        Assert.Equal(ContentEncoding.Base64, parts[2].ContentTransferEncoding);
        Assert.Equal(bytes, Decoded(parts[2]));
        Assert.Equal("Turkeys away\r\n", Encoding.ASCII.GetString(Decoded(parts[3])));
        Assert.Contains("x-uuencode", Encoding.ASCII.GetString(received.RawMime), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(_log.Lines, l => l.Level == LogLevel.Warning);
    }

    [Fact]
    public async Task Attachment_fifth_and_sixth_parameters_give_the_content_id_and_the_MIME_type()
    {
        var bytes = Binary();
        var logo = Write("logo", bytes);
        await using var server = await LoopbackServers.StartAsync();
        var id = NewLetter(server, "<p><img src=\"cid:logo\"></p>", 4);

        Assert.Equal(0, SMTP_Attachment(id, logo, 2, 0, "logo", "image/png"));
        Assert.Equal(0, SMTP_Send(id, 2));
        SMTP_Clear(ref id);

        var message = (await server.WaitForMessageAsync(LoopbackServers.Patience)).Message;
        var part = Assert.Single(message.BodyParts.OfType<MimePart>(), p => p.ContentId == "logo");
        Assert.Equal("image/png", part.ContentType.MimeType);
        Assert.Equal(bytes, Decoded(part));
    }

    [Fact]
    public async Task Body_text_then_html_is_one_HTML_body_with_the_generated_text_alternative_not_the_earlier_text()
    {
        await using var server = await LoopbackServers.StartAsync();
        var id = NewLetter(server, "Plain words that 4D replaced.");
        Assert.Equal(0, SMTP_Body(id, "<p>Turkeys <b>away</b></p>", 4));
        Assert.Equal(0, SMTP_Body(id, "<p>Happy Thanksgiving</p>", 2));
        Assert.Equal(0, SMTP_Send(id, 2));

        Assert.Equal(0, SMTP_Body(id, "Only text now.", 1));
        Assert.Equal(0, SMTP_Send(id, 2));
        SMTP_Clear(ref id);

        var received = await server.WaitForMessagesAsync(2, LoopbackServers.Patience);
        var alternative = Assert.IsType<MultipartAlternative>(received[0].Message.Body);
        Assert.Equal(2, alternative.Count);
        Assert.Equal("<p>Turkeys <b>away</b></p><p>Happy Thanksgiving</p>", received[0].Message.HtmlBody?.Trim());
        Assert.Contains("Turkeys away", received[0].Message.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("4D replaced", Encoding.UTF8.GetString(received[0].RawMime), StringComparison.Ordinal);

        var single = Assert.IsType<TextPart>(received[1].Message.Body);
        Assert.True(single.IsPlain);
        Assert.Equal("Only text now.", single.Text.TrimEnd());
    }

    [Theory]
    [InlineData(2, 0, "7bit", 120)]
    [InlineData(2, 130, "7bit", 120)]
    [InlineData(2, 100, "quoted-printable", 76)]
    [InlineData(7, 100, "quoted-printable", 76)]
    [InlineData(3, 0, "quoted-printable", 76)]
    [InlineData(3, 64, "quoted-printable", 64)]
    [InlineData(12, 60, "base64", 60)]
    [InlineData(12, 40, "base64", 60)]
    public async Task Prefs_lineLength_applies_where_MIME_allows(int bodyType, int lineLength, string transfer, int longestWireLine)
    {
        var longLine = string.Concat(Enumerable.Repeat("Turkeys away ", 10)).Insert(0, "*")[..120];
        var body = $"Dear friend,\r{longLine}\rBig Guy";
        await using var server = await LoopbackServers.StartAsync();
        var id = NewLetter(server, body);
        Assert.Equal(0, SMTP_Charset(0, 1));
        Assert.Equal(0, SMTP_SetPrefs(1, bodyType, lineLength));

        Assert.Equal(0, SMTP_Send(id, 2));
        SMTP_Clear(ref id);

        var received = await server.WaitForMessageAsync(LoopbackServers.Patience);
        var part = Assert.IsType<TextPart>(received.Message.Body);
        Assert.Equal(transfer, part.Headers[HeaderId.ContentTransferEncoding], ignoreCase: true);
        Assert.Equal(body.Replace("\r", "\n"), part.Text.Replace("\r\n", "\n").TrimEnd());
        var raw = Encoding.ASCII.GetString(received.RawMime);
        var wireBody = raw[(raw.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..];
        Assert.Equal(longestWireLine, wireBody.Split("\r\n").Max(l => l.Length));
    }

    [Fact]
    public void Attachment_an_empty_path_is_12008_no_dialog()
    {
        Assert.Equal(0, SMTP_New(out var id));
        Assert.Equal(ErrorCodes.AttachmentNotFound, SMTP_Attachment(id, "", 2));
        Assert.Equal(ErrorCodes.AttachmentNotFound, SMTP_Attachment(id, "", 1, 0));
        SMTP_Clear(ref id);
    }

    [Fact]
    public async Task Prefs_and_charset_set_after_SMTP_New_apply_to_that_message_when_it_is_sent()
    {
        await using var server = await LoopbackServers.StartAsync();
        var id = NewLetter(server, "Très bien.");
        Assert.Equal(0, SMTP_Subject(id, "Café"));

        Assert.Equal(0, SMTP_Charset(1, 1));
        Assert.Equal(0, SMTP_SetPrefs(1, 5, 0));
        Assert.Equal(0, SMTP_Send(id, 2));
        Assert.Equal(0, SMTP_Charset(0, 0));
        Assert.Equal(0, SMTP_SetPrefs(1, 12, 0));
        Assert.Equal(0, SMTP_Send(id, 2));
        Assert.Equal(0, SMTP_Charset(1, 1));
        Assert.Equal(0, SMTP_SetPrefs(1, 6, 0));
        Assert.Equal(0, SMTP_Body(id, "Only € here"));
        Assert.Equal(0, SMTP_Send(id, 2));
        SMTP_Clear(ref id);

        var received = await server.WaitForMessagesAsync(3, LoopbackServers.Patience);
        var euro = Assert.IsType<TextPart>(received[2].Message.Body);
        Assert.Equal("utf-8", euro.ContentType.Charset, ignoreCase: true);
        Assert.Equal(ContentEncoding.Base64, euro.ContentTransferEncoding);
        Assert.Equal("Only € here", euro.Text.TrimEnd());

        var latin = Assert.IsType<TextPart>(received[0].Message.Body);
        Assert.Equal("iso-8859-1", latin.ContentType.Charset, ignoreCase: true);
        Assert.Equal(ContentEncoding.QuotedPrintable, latin.ContentTransferEncoding);
        Assert.Contains("=?iso-8859-1?", Encoding.ASCII.GetString(received[0].RawMime), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Très bien.", latin.Text.TrimEnd());

        var utf8 = Assert.IsType<TextPart>(received[1].Message.Body);
        Assert.Equal("utf-8", utf8.ContentType.Charset, ignoreCase: true);
        Assert.Equal(ContentEncoding.Base64, utf8.ContentTransferEncoding);
        Assert.DoesNotContain("iso-8859-1", Encoding.ASCII.GetString(received[1].RawMime), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Très bien.", utf8.Text.TrimEnd());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(9)]
    [InlineData(10)]
    [InlineData(13)]
    [InlineData(14)]
    [InlineData(15)]
    [InlineData(16)]
    public async Task Prefs_charset_values_without_a_verified_meaning_are_accepted_and_send_automatic_UTF8_with_a_warning(int bodyType)
    {
        await using var server = await LoopbackServers.StartAsync();
        Assert.Equal(0, SMTP_Charset(1, 1));
        Assert.Equal(0, SMTP_SetPrefs(1, bodyType, 0));
        Assert.Equal(0, SMTP_GetPrefs(out _, out var kept, out _));
        Assert.Equal(bodyType, kept);
        Assert.Contains(_log.Lines, l => l.Level == LogLevel.Warning && l.Text.Contains($"charset&Encoding {bodyType} ", StringComparison.Ordinal));

        var id = NewLetter(server, "Très bien, 5 €.");
        Assert.Equal(0, SMTP_Send(id, 2));
        SMTP_Clear(ref id);

        var body = Assert.IsType<TextPart>((await server.WaitForMessageAsync(LoopbackServers.Patience)).Message.Body);
        Assert.Equal("utf-8", body.ContentType.Charset, ignoreCase: true);
        Assert.Equal("Très bien, 5 €.", body.Text.TrimEnd());
    }

    [Fact]
    public void Prefs_still_refuse_what_4D_does_not_accept()
    {
        Assert.Equal(ErrorCodes.InvalidArgument, SMTP_SetPrefs(1, -2, 0));
        Assert.Equal(ErrorCodes.InvalidArgument, SMTP_SetPrefs(1, 1, 999));
        Assert.Equal(ErrorCodes.InvalidArgument, IT_SetEnforceRules(2));
    }

    [Fact]
    public async Task Rules_mode0_with_SMTP_Auth_on_port25_is_refused_by_default_with_12007_and_nothing_sent()
    {
        await using var server = await Port25Async(MailboxSecurity.StartTls);
        var id = LegacyLetter(server);

        Assert.Equal(ErrorCodes.RuleViolation, SMTP_Send(id, 0));
        SMTP_Clear(ref id);

        Assert.Empty(server.Messages);
        Assert.Equal(ErrorCodes.RuleViolation,
            SMTP_QuickSend(server.Host, "herb_tarlick@wkrp.com", "bigguy@wkrp.com", "Quick", "b", 0, 25, LoopbackServers.User, LoopbackServers.Password));
        Assert.Empty(server.Messages);
    }

    [Fact]
    public async Task Rules_switched_off_a_legacy_relay_on_port25_gets_the_mail_with_TLS_before_AUTH_and_a_logged_warning()
    {
        await using var server = await Port25Async(MailboxSecurity.StartTls);
        Assert.Equal(0, IT_SetEnforceRules(0));
        var id = LegacyLetter(server);

        Assert.Equal(0, SMTP_Send(id, 0));
        SMTP_Clear(ref id);
        Assert.Equal(0, SMTP_QuickSend(server.Host, "herb_tarlick@wkrp.com", "bigguy@wkrp.com", "Quick", "b", 0, 25, LoopbackServers.User, LoopbackServers.Password));

        var received = await server.WaitForMessagesAsync(2, LoopbackServers.Patience);
        Assert.All(received, r =>
        {
            Assert.True(r.StartTlsIssued);
            Assert.True(r.Secure);
            Assert.Equal(LoopbackServers.User, r.AuthenticatedUser);
        });
        Assert.Contains(_log.Lines, l => l.Level == LogLevel.Warning && l.Text.StartsWith(DiagnosticIds.StartTlsOnPort25, StringComparison.Ordinal)
            && l.Text.Contains("EnforceRules is off", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Rules_switched_off_without_STARTTLS_credentials_never_go_in_clear_text_unless_mode_2()
    {
        await using var server = await Port25Async(MailboxSecurity.None, allowClearTextAuth: true);
        Assert.Equal(0, IT_SetEnforceRules(0));
        var id = LegacyLetter(server);

        Assert.Equal(ErrorCodes.StartTlsNotOffered, SMTP_Send(id, 0));
        Assert.Empty(server.Messages);
        Assert.Equal(0, SMTP_Send(id, 2));
        SMTP_Clear(ref id);

        var received = await server.WaitForMessageAsync(LoopbackServers.Patience);
        Assert.False(received.Secure);
        Assert.Equal(LoopbackServers.User, received.AuthenticatedUser);
    }

    /// <summary>A Mailbox on port 25 (the legacy relays' port the rules are about), trusted by the facade.</summary>
    private static async Task<MailboxServer> Port25Async(MailboxSecurity security, bool allowClearTextAuth = false)
    {
        var server = await LoopbackServers.StartAsync(security, withUser: true, configure: o =>
        {
            o.Port = 25;
            o.AllowUnsecureAuthentication = allowClearTextAuth;
        });
        IT_SetTrustedCertificate(server.Certificate);
        IT_SetPort(SmtpProtocol, 25);
        return server;
    }

    /// <summary>Older 4D code: IT_SetPort(2; 25), SMTP_Auth(…; 2), then SMTP_Send(…; 0).</summary>
    private static int LegacyLetter(MailboxServer server)
    {
        Assert.Equal(0, SMTP_New(out var id));
        Assert.Equal(0, SMTP_Host(id, server.Host));
        Assert.Equal(0, SMTP_From(id, "herb_tarlick@wkrp.com"));
        Assert.Equal(0, SMTP_To(id, "bigguy@wkrp.com"));
        Assert.Equal(0, SMTP_Subject(id, "Legacy relay"));
        Assert.Equal(0, SMTP_Body(id, "Sent as 4D code always did."));
        Assert.Equal(0, SMTP_Auth(id, LoopbackServers.User, LoopbackServers.Password, 2));
        return id;
    }

    private static int NewLetter(MailboxServer server, string body = "Dear friend,\rour offer.", int bodyOption = 0)
    {
        Assert.Equal(0, SMTP_New(out var id));
        Assert.True(MessageHandles.TryGet(id, out var message));
        message.Port = server.Port;
        Assert.Equal(0, SMTP_Host(id, server.Host));
        Assert.Equal(0, SMTP_From(id, "herb_tarlick@wkrp.com"));
        Assert.Equal(0, SMTP_To(id, "bigguy@wkrp.com"));
        Assert.Equal(0, SMTP_Subject(id, "Ad rates"));
        Assert.Equal(0, SMTP_Body(id, body, bodyOption));
        return id;
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>Bytes no text encoding would carry unchanged: every byte value, twice.</summary>
    private static byte[] Binary() => Enumerable.Range(0, 512).Select(i => (byte)(i * 7 % 256)).ToArray();

    /// <summary>A file as the uuencode tool writes it: begin line, 45-byte lines, a back-quote line, end.</summary>
    private static byte[] UUEncoded(byte[] bytes, string name)
    {
        var text = new StringBuilder($"begin 644 {name}\n");
        for (var offset = 0; offset < bytes.Length; offset += 45)
        {
            var line = bytes.Skip(offset).Take(45).ToArray();
            text.Append((char)(32 + line.Length));
            for (var i = 0; i < line.Length; i += 3)
            {
                int b0 = line[i], b1 = i + 1 < line.Length ? line[i + 1] : 0, b2 = i + 2 < line.Length ? line[i + 2] : 0;
                foreach (var six in new[] { b0 >> 2, ((b0 & 3) << 4) | (b1 >> 4), ((b1 & 15) << 2) | (b2 >> 6), b2 & 63 })
                {
                    text.Append(six == 0 ? '`' : (char)(32 + six));
                }
            }

            text.Append('\n');
        }

        text.Append("`\nend\n");
        return Encoding.ASCII.GetBytes(text.ToString());
    }

    private static byte[] Decoded(MimePart part)
    {
        using var stream = new MemoryStream();
        part.Content!.DecodeTo(stream);
        return stream.ToArray();
    }
}
