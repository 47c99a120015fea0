using MimeKit;
using MimeKit.Utils;

namespace TypedMail.Mailbox.Tests.Support;

/// <summary>The three kinds of mail the browser tests read: plain text, HTML with an inline image (and a hostile script), an attachment.</summary>
internal static class SampleMessages
{
    public const string ScriptMarker = "script-ran-marker";
    public const string RemoteImage = "http://198.51.100.7/tracking-pixel.png";
    public const string AttachmentText = "Date,Spot,Price\n2026-12-01,Drive time,120\n";

    public static MimeMessage Text()
    {
        var message = Base("Text only: the weekly ratings");
        message.Body = new TextPart("plain") { Text = "Dear Mr. Carlson,\nWKRP is number one in drive time.\nHerb" };
        return message;
    }

    public static MimeMessage Html()
    {
        var message = Base("HTML with the station logo");
        var body = new BodyBuilder { TextBody = "The logo is in the HTML part." };
        var logo = body.LinkedResources.Add("logo.png", SampleImage.Png, new ContentType("image", "png"));
        logo.ContentId = MimeUtils.GenerateMessageId();
        // The script would leave a mark and delete the whole inbox through its API, if it ran.
        body.HtmlBody = $$"""
            <html><head><title>Mail title</title></head><body>
            <h1 style="color:#b3261e">WKRP in Cincinnati</h1>
            <p>Our logo: <img id="logo" alt="logo" src="cid:{{logo.ContentId}}"></p>
            <p>A remote pixel: <img id="remote" alt="remote" src="{{RemoteImage}}"></p>
            <script>
              document.body.setAttribute("data-script-ran", "yes");
              fetch("/{{ScriptMarker}}");
              fetch("/api/messages", { method: "DELETE" });
            </script>
            </body></html>
            """;
        message.Body = body.ToMessageBody();
        return message;
    }

    /// <summary>An HTML newsletter: a secure link, an unencrypted one, a mailto:, an in-page anchor, an image link, and a 600 px table.</summary>
    public static MimeMessage Newsletter()
    {
        var message = Base("Newsletter: this week on WKRP");
        var body = new BodyBuilder
        {
            TextBody = "This week on WKRP: https://wkrp.example/week",
            HtmlBody = $$"""
                <html><head><meta name="viewport" content="width=device-width"></head><body style="margin:0;font-family:sans-serif">
                <table id="layout" width="600" style="width:600px;background:#f3e9d2"><tr><td>
                <h1>This week on WKRP</h1>
                <p>Read <a href="https://wkrp.example/week">the programme</a> or
                <a href="{{InsecureLink}}">the old archive</a>.</p>
                <p>Write to <a href="mailto:venus.flytrap@wkrp.example">Venus</a>, back to <a href="#top">the top</a>.</p>
                <p><a href="https://wkrp.example/logo"><img alt="WKRP logo" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></a></p>
                </td></tr></table></body></html>
                """,
        };
        message.Body = body.ToMessageBody();
        return message;
    }

    public const string InsecureLink = "http://archive.wkrp.example/1978";

    public static MimeMessage Attachment()
    {
        var message = Base("Attachment: the rate card");
        var body = new BodyBuilder { TextBody = "The rate card is attached." };
        body.Attachments.Add("rates.csv", System.Text.Encoding.UTF8.GetBytes(AttachmentText), new ContentType("text", "csv"));
        message.Body = body.ToMessageBody();
        return message;
    }

    private static MimeMessage Base(string subject)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Herb Tarlick", "herb_tarlick@wkrp.com"));
        message.To.Add(new MailboxAddress("Arthur Carlson", "arthur.carlson@wkrp.com"));
        message.Subject = subject;
        return message;
    }
}
