using System.Linq;
using System.Text;
using System.Threading.Tasks;
using MimeKit;
using TypedMail.Runtime.Tests.Support;

namespace TypedMail.Runtime.Tests.Rendering;

/// <summary>An HTML mail without a text body arrives with a generated plain-text alternative, unless turned off.</summary>
public sealed class TextAlternativeTests
{
    private const string Html = "<h1>Turkey drop</h1><p>Read <a href=\"https://wkrp.com/news\">the news</a> &amp; weep.</p>";

    [Fact]
    public async Task HtmlOnlyBody_ArrivesAsAlternative_TextFirst_HtmlUnchanged()
    {
        using var message = HtmlLetter();

        var received = await Delivery.ReceiveAsync(message);

        var alternative = Assert.IsType<MultipartAlternative>(received.Message.Body);
        var text = Assert.IsType<TextPart>(alternative[0]);
        var html = Assert.IsType<TextPart>(alternative[1]);
        Assert.True(text.IsPlain);
        Assert.Equal("Turkey drop\n\nRead the news (https://wkrp.com/news) & weep.\n", text.Text.Replace("\r\n", "\n"));
        Assert.Equal(Html, html.Text.TrimEnd());
    }

    [Fact]
    public async Task WithInlineImageAndAttachment_TheAlternativeSitsBesideTheRelatedPart()
    {
        using var message = HtmlLetter("<p>Our new logo:</p><img src=\"cid:logo@wkrp\" alt=\"WKRP logo\">");
        message.AddAttachment("logo.png", new byte[] { 0x89, 0x50, 0x4E, 0x47 }, "image/png", "logo@wkrp");
        message.AddAttachment("rates.txt", Encoding.UTF8.GetBytes("30s spot: $45"), "text/plain", null);

        var received = await Delivery.ReceiveAsync(message);

        var mixed = Assert.IsType<Multipart>(received.Message.Body);
        var alternative = Assert.IsType<MultipartAlternative>(mixed[0]);
        Assert.Equal("Our new logo:\n\nWKRP logo\n", Assert.IsType<TextPart>(alternative[0]).Text.Replace("\r\n", "\n"));
        Assert.IsType<MultipartRelated>(alternative[1]);
        Assert.Equal("rates.txt", Assert.IsAssignableFrom<MimePart>(mixed[1]).FileName);
    }

    [Fact]
    public async Task AGivenTextBody_IsKeptAsItIs()
    {
        using var message = HtmlLetter();
        message.SetBody("Written by hand.", BodyOption.Replace);

        var received = await Delivery.ReceiveAsync(message);

        var alternative = Assert.IsType<MultipartAlternative>(received.Message.Body);
        Assert.Equal("Written by hand.", alternative.TextBody?.TrimEnd());
    }

    [Fact]
    public async Task TextAlternativeOff_SendsHtmlOnly()
    {
        using var message = HtmlLetter();
        message.TextAlternative = false;

        var received = await Delivery.ReceiveAsync(message);

        Assert.True(Assert.IsType<TextPart>(received.Message.Body).IsHtml);
        Assert.DoesNotContain(received.Message.BodyParts.OfType<TextPart>(), p => p.IsPlain);
    }

    private static SmtpMessage HtmlLetter(string html = Html)
    {
        var message = LoopbackServers.Letter();
        message.SetBody("", BodyOption.Replace);
        message.SetBody(html, BodyOption.Replace, html: true);
        return message;
    }
}
