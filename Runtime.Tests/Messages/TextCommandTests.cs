using System;
using System.Linq;
using System.Threading.Tasks;
using MimeKit;
using TypedMail.Runtime.Tests.Support;

namespace TypedMail.Runtime.Tests.Messages;

/// <summary>SMTP_Subject and its kin, SMTP_Body, SMTP_AddHeader and SMTP_Date with their options.</summary>
public sealed class TextCommandTests
{
    public static TheoryData<string> TextHeaders => new() { "Subject", "Comments", "Keywords", "References", "In-Reply-To", "Encrypted" };

    [Theory]
    [MemberData(nameof(TextHeaders))]
    public void TextHeader_Option0KeepsOnEmpty_Option1EmptyRemoves_Option2Removes(string header)
    {
        using var message = new SmtpMessage();
        Action<string, TextOption> set = header switch
        {
            "Subject" => message.SetSubject,
            "Comments" => message.SetComments,
            "Keywords" => message.SetKeywords,
            "References" => message.SetReferences,
            "In-Reply-To" => message.SetInReplyTo,
            _ => message.SetEncrypted,
        };

        set("<first@wkrp.com>", TextOption.ReplaceUnlessEmpty);
        set("", TextOption.ReplaceUnlessEmpty);
        Assert.Equal("<first@wkrp.com>", message.Text(header));

        set("<second@wkrp.com>", TextOption.Replace);
        Assert.Equal("<second@wkrp.com>", message.Text(header));
        Assert.Contains(message.ToMimeMessage().Headers, h => h.Field == header);

        set("", TextOption.Replace);
        Assert.Null(message.Text(header));

        set("<third@wkrp.com>", TextOption.ReplaceUnlessEmpty);
        set("ignored", TextOption.Remove);
        Assert.Null(message.Text(header));
        Assert.DoesNotContain(message.ToMimeMessage().Headers, h => h.Field == header);
    }

    [Fact]
    public async Task TextHeaders_ArriveWithUtf8Encoding()
    {
        using var message = LoopbackServers.Letter(subject: "Remises sur l'espace publicitaire — été ☀");
        message.SetComments("Commentaire: déjà vu");
        message.SetKeywords("radio, annonces");
        message.SetReferences("<a1@wkrp.com> <a2@wkrp.com>");
        message.SetInReplyTo("<a2@wkrp.com>");
        message.SetEncrypted("none");

        var received = await Delivery.ReceiveAsync(message);

        Assert.Equal("Remises sur l'espace publicitaire — été ☀", received.Message.Subject);
        Assert.Contains("=?utf-8?", System.Text.Encoding.ASCII.GetString(received.RawMime), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Commentaire: déjà vu", received.Message.Headers["Comments"]);
        Assert.Equal("radio, annonces", received.Message.Headers["Keywords"]);
        Assert.Equal(new[] { "a1@wkrp.com", "a2@wkrp.com" }, received.Message.References);
        Assert.Equal("a2@wkrp.com", received.Message.InReplyTo);
        Assert.Equal("none", received.Message.Headers["Encrypted"]);
    }

    [Theory]
    [InlineData("Subject")]
    [InlineData("Comments")]
    [InlineData("Keywords")]
    public void LineBreakInATextHeader_IsRefused(string header)
    {
        using var message = new SmtpMessage();
        Action<string, TextOption> set = header switch
        {
            "Subject" => message.SetSubject,
            "Comments" => message.SetComments,
            _ => message.SetKeywords,
        };

        var error = Assert.Throws<TypedMailException>(() => set("Hello\r\nBcc: spy@evil.example", TextOption.Replace));

        Assert.Equal(ErrorCodes.HeaderInjection, error.Code);
        Assert.Null(message.Text(header));
    }

    [Fact]
    public void Body_Option0KeepsOnEmpty_Option1EmptyRemoves_Option2Appends()
    {
        using var message = new SmtpMessage();
        message.SetBody("Dear Herb,");
        message.SetBody("");
        Assert.Equal("Dear Herb,", message.TextBody);

        message.SetBody(" the offer.", BodyOption.Append);
        Assert.Equal("Dear Herb, the offer.", message.TextBody);

        message.SetBody("Replaced", BodyOption.Replace);
        Assert.Equal("Replaced", message.TextBody);

        message.SetBody("", BodyOption.Replace);
        Assert.Null(message.TextBody);
    }

    [Fact]
    public async Task TextAndHtmlBodies_AreKeptApart_AndSentAsMultipartAlternative()
    {
        using var message = LoopbackServers.Letter();
        message.SetBody("Dear Herb,\rplain offer.", BodyOption.Replace);
        message.SetBody("<p>Dear Herb, <b>HTML</b> offer.</p>", BodyOption.Replace, html: true);

        var received = await Delivery.ReceiveAsync(message);

        var alternative = Assert.IsType<MultipartAlternative>(received.Message.Body);
        Assert.Equal(2, alternative.Count);
        Assert.Equal("Dear Herb,\nplain offer.", received.Message.TextBody!.Replace("\r\n", "\n").TrimEnd());
        Assert.Contains("Dear Herb,\r\nplain offer.", System.Text.Encoding.ASCII.GetString(received.RawMime));
        Assert.Contains("<b>HTML</b>", received.Message.HtmlBody);
        Assert.Equal("Dear Herb,\rplain offer.", message.TextBody);
    }

    [Fact]
    public async Task HtmlOnlyBody_WithoutTextAlternative_IsTextHtml_AndUtf8()
    {
        using var message = LoopbackServers.Letter();
        message.SetBody("", BodyOption.Replace);
        message.TextAlternative = false;
        message.SetBody("<p>Café ☕</p>", BodyOption.Replace, html: true);

        var received = await Delivery.ReceiveAsync(message);

        var part = Assert.IsType<TextPart>(received.Message.Body);
        Assert.True(part.IsHtml);
        Assert.Equal("<p>Café ☕</p>", part.Text.TrimEnd());
    }

    [Fact]
    public async Task AddHeader_Option0AddsRepeats_Option1ReplacesAll_Option2RemovesAll_TrailingColonTolerated()
    {
        using var message = LoopbackServers.Letter();
        message.AddHeader("X-Campaign:", "spring");
        message.AddHeader("X-Campaign", "radio");
        message.AddHeader("X-Station", "WKRP");
        message.AddHeader("X-Station", "WKRP Cincinnati", HeaderOption.ReplaceAll);
        message.AddHeader("X-Gone", "soon");
        message.AddHeader("X-Gone", "", HeaderOption.RemoveAll);
        message.AddHeader("X-Unicode", "Grüße");

        var received = await Delivery.ReceiveAsync(message);

        var headers = received.Message.Headers;
        Assert.Equal(new[] { "spring", "radio" }, headers.Where(h => h.Field == "X-Campaign").Select(h => h.Value));
        Assert.Equal("WKRP Cincinnati", Assert.Single(headers, h => h.Field == "X-Station").Value);
        Assert.DoesNotContain(headers, h => h.Field == "X-Gone");
        Assert.Equal("Grüße", headers["X-Unicode"]);
    }

    [Theory]
    [InlineData("Content-Type", "not a type", ErrorCodes.InvalidArgument)]
    [InlineData("Content-Transfer-Encoding", "uuencode", ErrorCodes.InvalidArgument)]
    [InlineData("Date", "yesterday", ErrorCodes.InvalidArgument)]
    [InlineData("Bcc", "not an address", ErrorCodes.InvalidAddress)]
    [InlineData("X Bad Name", "value", ErrorCodes.InvalidArgument)]
    [InlineData("X-Evil", "value\r\nBcc: spy@evil.example", ErrorCodes.HeaderInjection)]
    [InlineData("X-Evil\r\nBcc", "value", ErrorCodes.HeaderInjection)]
    public void AddHeader_RefusesBadValuesOfRoutedHeadersBadNamesAndLineBreaks(string name, string value, int code)
    {
        using var message = new SmtpMessage();

        var error = Assert.Throws<TypedMailException>(() => message.AddHeader(name, value));

        Assert.Equal(code, error.Code);
        Assert.Empty(message.HeaderValues(name));
    }

    [Fact]
    public async Task Date_SetIsSent_RemovedMeansTheCurrentDateAtSendTime()
    {
        using var message = LoopbackServers.Letter();
        var date = new DateTimeOffset(1978, 10, 30, 20, 0, 0, TimeSpan.FromHours(-5));
        message.SetDate(date);

        var received = await Delivery.ReceiveAsync(message);
        Assert.Equal(date, received.Message.Date);

        message.RemoveDate();
        var before = DateTimeOffset.Now.AddMinutes(-5);
        var again = await Delivery.ReceiveAsync(message);
        Assert.Contains(again.Message.Headers, h => h.Field == "Date");
        Assert.True(again.Message.Date > before, $"Date {again.Message.Date} should be the send time");
        Assert.Null(message.Date);
    }

    [Fact]
    public void MessageIdHeader_ReplacesTheGeneratedOne_OtherwiseEachBuildHasItsOwn()
    {
        using var message = LoopbackServers.Letter();
        Assert.NotEqual(message.ToMimeMessage().MessageId, message.ToMimeMessage().MessageId);

        message.AddHeader("Message-ID", "<merge-1@wkrp.com>", HeaderOption.ReplaceAll);

        Assert.Equal("merge-1@wkrp.com", message.ToMimeMessage().MessageId);
        Assert.Single(message.ToMimeMessage().Headers, h => h.Field.Equals("Message-ID", StringComparison.OrdinalIgnoreCase));
    }
}
