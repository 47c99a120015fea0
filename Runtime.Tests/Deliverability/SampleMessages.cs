using System;
using System.IO;
using System.Text;
using TypedMail.Runtime.Tests.Signing;

namespace TypedMail.Runtime.Tests.Deliverability;

/// <summary>One message of each kind TypedMail sends, as an application would write it.</summary>
internal static class SampleMessages
{
    public static readonly string[] Kinds = { "text", "html", "html-inline-image", "attachment", "merge-unsubscribe", "dkim-signed" };

    /// <summary>A 1x1 transparent PNG.</summary>
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    public static SmtpMessage Create(string kind) => kind switch
    {
        "text" => Text(),
        "html" => Html(Sample("newsletter")),
        "html-inline-image" => InlineImage(),
        "attachment" => Attachment(),
        "merge-unsubscribe" => Merge(),
        "dkim-signed" => DkimSigningTests.RichLetter(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown sample kind"),
    };

    private static SmtpMessage Base(string subject)
    {
        var message = new SmtpMessage();
        message.SetFrom("Jennifer Marlowe <jennifer@wkrp.com>");
        message.SetTo("Arthur Carlson <arthur.carlson@wkrp.com>");
        message.SetSubject(subject);
        return message;
    }

    private static SmtpMessage Text()
    {
        var message = Base("Your schedule for next week");
        message.SetBody("Hello Arthur,\r\rhere is the on-air schedule for next week:\r\r"
            + "Monday     06:00  Dr. Johnny Fever\rTuesday    10:00  Venus Flytrap\rWednesday  14:00  Les Nessman, farm report\r\r"
            + "The sales meeting moves to Thursday at 9 in your office.\r\rJennifer");
        return message;
    }

    private static SmtpMessage Html(string html)
    {
        var message = Base("WKRP Weekly: the Thanksgiving promotion");
        message.SetBody(html, html: true);
        return message;
    }

    private static SmtpMessage InlineImage()
    {
        var message = Html("<html><body><p>Hello Arthur,</p><p>here is the new station logo for the letterhead, as agreed on Monday:</p>"
            + "<p><img src=\"cid:logo@wkrp.com\" alt=\"WKRP logo\" width=\"120\" height=\"40\"></p>"
            + "<p>The print shop needs our answer by Friday. Tell me if you want any change.</p><p>Jennifer</p></body></html>");
        message.SetSubject("The new logo for the letterhead", TextOption.Replace);
        message.AddAttachment("logo.png", Png, "image/png", "logo@wkrp.com");
        return message;
    }

    private static SmtpMessage Attachment()
    {
        var message = Base("Ad rates for December");
        message.SetBody("Hello Arthur,\r\rattached are the ad rates for December that Herb prepared.\rThe holiday spots are 20% above the usual rate.\r\rJennifer");
        message.AddAttachment("rates-december.csv", Encoding.UTF8.GetBytes("slot,length,price\nmorning drive,30s,45.00\nevening,30s,30.00\n"), "text/csv", null);
        return message;
    }

    private static SmtpMessage Merge()
    {
        var message = Html(Sample("newsletter"));
        message.SetTo("Bailey Quarters <bailey@wkrp.com>", AddressOption.Replace);
        message.SetUnsubscribe(new Uri("https://wkrp.com/unsubscribe/8f3a2c"), "unsubscribe@wkrp.com");
        return message;
    }

    private static string Sample(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Rendering", "Samples", name + ".html"));
}
