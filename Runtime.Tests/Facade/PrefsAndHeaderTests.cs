using System;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using MimeKit;
using TypedMail.Mailbox;
using TypedMail.Runtime.Tests.Support;
using static TypedMail.InternetCommands;

namespace TypedMail.Runtime.Tests.Facade;

/// <summary>
/// SMTP_Charset, SMTP_SetPrefs and SMTP_GetPrefs with 4D's signatures (the settings in force at SMTP_Send apply,
/// see FourDPortingTests), and SMTP_AddHeader accepting what 4D accepts: routed headers, MIME headers, ignored ones. Checked on the wire.
/// </summary>
[Collection(ProcessGlobalSettingsCollection.Name)]
public sealed class PrefsAndHeaderTests : IDisposable
{
    public void Dispose()
    {
        SMTP_SetPrefs(1, 1, 0);
        SMTP_Charset(0, 0);
    }

    [Fact]
    public void Prefs_Default_111_Keep_Minus1_Refuse_OutOfRange()
    {
        Assert.Equal(0, SMTP_GetPrefs(out var lineFeed, out var bodyType, out var lineLength));
        Assert.Equal((1, 1, 0), (lineFeed, bodyType, lineLength));

        Assert.Equal(0, SMTP_SetPrefs(0, 6, 76));
        Assert.Equal(0, SMTP_SetPrefs(-1, -1, -1));
        SMTP_GetPrefs(out lineFeed, out bodyType, out lineLength);
        Assert.Equal((0, 6, 76), (lineFeed, bodyType, lineLength));

        Assert.Equal(ErrorCodes.InvalidArgument, SMTP_SetPrefs(2, 1, 0));
        Assert.Equal(ErrorCodes.InvalidArgument, SMTP_SetPrefs(1, 1, 999));
        Assert.Equal(ErrorCodes.InvalidArgument, SMTP_Charset(2, 0));
        Assert.Equal(0, SMTP_Charset(-1, -1));
        SMTP_GetPrefs(out lineFeed, out bodyType, out lineLength);
        Assert.Equal((0, 6, 76), (lineFeed, bodyType, lineLength));
    }

    [Fact]
    public async Task A_Latin1_body_goes_out_in_Latin1_with_the_encoding_asked()
    {
        await using var server = await LoopbackServers.StartAsync();
        SMTP_Charset(1, 1);
        SMTP_SetPrefs(1, 5, 0);
        var id = NewLetter(server, "Café", "Très bien.");

        Assert.Equal(0, SMTP_Send(id, 2));
        SMTP_Clear(ref id);
        Dispose();

        var body = Assert.IsType<TextPart>((await server.WaitForMessageAsync(LoopbackServers.Patience)).Message.Body);
        Assert.Equal("iso-8859-1", body.ContentType.Charset, ignoreCase: true);
        Assert.Equal(ContentEncoding.QuotedPrintable, body.ContentTransferEncoding);
        Assert.Equal("Très bien.", body.Text.TrimEnd());
    }

    [Fact]
    public async Task AddHeader_routes_addresses_texts_and_dates_to_their_commands()
    {
        await using var server = await LoopbackServers.StartAsync();
        var id = NewLetter(server, "Original", "Body.");
        Assert.Equal(0, SMTP_AddHeader(id, "To", "Andy <andy@wkrp.com>"));
        Assert.Equal(0, SMTP_AddHeader(id, "Bcc:", "les@wkrp.com"));
        Assert.Equal(0, SMTP_AddHeader(id, "Subject", "Replaced"));
        Assert.Equal(0, SMTP_AddHeader(id, "Date", "Mon, 30 Oct 1978 20:00:00 -0500"));
        Assert.Equal(0, SMTP_AddHeader(id, "MIME-Version", "1.0"));
        Assert.Equal(0, SMTP_AddHeader(id, "Content-Length", "12"));

        Assert.Equal(0, SMTP_Send(id, 2));
        SMTP_Clear(ref id);

        var received = await server.WaitForMessageAsync(LoopbackServers.Patience);
        Assert.Equal(["bigguy@wkrp.com", "andy@wkrp.com", "les@wkrp.com"], received.Recipients);
        Assert.Equal(["bigguy@wkrp.com", "andy@wkrp.com"], received.Message.To.Mailboxes.Select(m => m.Address));
        Assert.DoesNotContain("les@wkrp.com", Encoding.ASCII.GetString(received.RawMime), StringComparison.Ordinal);
        Assert.Equal("Replaced", received.Message.Subject);
        Assert.Single(received.Message.Headers, h => h.Id == HeaderId.Subject);
        Assert.Equal(new DateTimeOffset(1978, 10, 30, 20, 0, 0, TimeSpan.FromHours(-5)), received.Message.Date);
        Assert.Single(received.Message.Headers, h => h.Id == HeaderId.MimeVersion);
        Assert.DoesNotContain(received.Message.Headers, h => h.Field == "Content-Length");
    }

    [Fact]
    public async Task AddHeader_ContentType_html_sends_the_body_as_html()
    {
        await using var server = await LoopbackServers.StartAsync();
        var id = NewLetter(server, "Offer", "<p>Turkeys <b>away</b></p>");
        Assert.Equal(0, SMTP_AddHeader(id, "Content-Type", "text/html; charset=utf-8"));

        Assert.Equal(0, SMTP_Send(id, 2));
        SMTP_Clear(ref id);

        var received = await server.WaitForMessageAsync(LoopbackServers.Patience);
        Assert.Equal("<p>Turkeys <b>away</b></p>", received.Message.HtmlBody?.Trim());
        Assert.Single(Encoding.ASCII.GetString(received.RawMime).Split("\r\n"), l => l.StartsWith("Content-Type:", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task AddHeader_a_hand_made_multipart_goes_out_as_written_with_the_attachments_after_it()
    {
        var file = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"typedmail-rates-{Guid.NewGuid():N}.txt");
        System.IO.File.WriteAllText(file, "rates");
        try
        {
            await using var server = await LoopbackServers.StartAsync();
            var body = "--XYZ\rContent-Type: text/plain\r\rplain version\r--XYZ\rContent-Type: text/html\r\r<p>html version</p>\r--XYZ--\r";
            var id = NewLetter(server, "Hand-made", body);
            Assert.Equal(0, SMTP_AddHeader(id, "Content-Type", "multipart/alternative; boundary=XYZ"));
            Assert.Equal(0, SMTP_Attachment(id, file, 2));

            Assert.Equal(0, SMTP_Send(id, 2));
            SMTP_Clear(ref id);

            var received = await server.WaitForMessageAsync(LoopbackServers.Patience);
            var mixed = Assert.IsType<Multipart>(received.Message.Body);
            var alternative = Assert.IsType<MultipartAlternative>(mixed[0]);
            Assert.Equal("plain version", alternative.TextBody?.Trim());
            Assert.Equal("<p>html version</p>", alternative.HtmlBody?.Trim());
            Assert.Equal(System.IO.Path.GetFileName(file), ((MimePart)mixed[1]).FileName);
        }
        finally
        {
            System.IO.File.Delete(file);
        }
    }

    private static int NewLetter(MailboxServer server, string subject, string body)
    {
        Assert.Equal(0, SMTP_New(out var id));
        Assert.True(MessageHandles.TryGet(id, out var message));
        message.Port = server.Port;
        Assert.Equal(0, SMTP_Host(id, server.Host));
        Assert.Equal(0, SMTP_From(id, "herb_tarlick@wkrp.com"));
        Assert.Equal(0, SMTP_To(id, "bigguy@wkrp.com"));
        Assert.Equal(0, SMTP_Subject(id, subject));
        Assert.Equal(0, SMTP_Body(id, body));
        return id;
    }
}
