using System.Globalization;
using System.Net;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using MimeKit;

namespace TypedMail.Benchmarks;

/// <summary>
/// Rendering one mail-merge letter (text + HTML, four placeholders, two formats), like with like in two groups, each
/// with its own baseline: the full MIME message (generated <c>ToMimeMessage()</c> against string.Replace + MimeKit's
/// BodyBuilder, and the message reference rendered to MIME), and the message reference alone (generated
/// <c>ToSmtpMessage()</c> against the same <see cref="SmtpMessage"/> filled by hand with string.Replace).
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class RenderingBenchmarks
{
    private const string TextTemplate = "Dear {{Salutation}},\n{{Offer}}\nYour discount: {{Discount:P0}} until {{Until:yyyy-MM-dd}}.\nCall Herb today!";
    private const string HtmlTemplate = "<p>Dear {{Salutation}},</p><p>{{Offer}}</p><p>Your discount: <b>{{Discount:P0}}</b> until {{Until:yyyy-MM-dd}}.</p>";

    private readonly DiscountLetter _letter = DiscountLetter.Create()
        .Email("jennifer.marlowe@wkrp.com")
        .Salutation("Ms. Marlowe")
        .Offer("For a limited time, WKRP is offering 50% off all drive-time ad spots & <b>more</b>.")
        .Discount(0.5m)
        .Until(new DateTime(2026, 12, 24))
        .Build();

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("MimeMessage")]
    public MimeMessage HandWrittenMimeMessage()
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Herb Tarlick", "herb_tarlick@wkrp.com"));
        message.ReplyTo.Add(MailboxAddress.Parse("bigguy@wkrp.com"));
        message.To.Add(MailboxAddress.Parse(_letter.Email));
        message.Subject = "Discounts on Ad Space, " + _letter.Salutation + "!";
        var body = new BodyBuilder { TextBody = Fill(TextTemplate, html: false), HtmlBody = Fill(HtmlTemplate, html: true) };
        message.Body = body.ToMessageBody();
        return message;
    }

    [Benchmark]
    [BenchmarkCategory("MimeMessage")]
    public MimeMessage GeneratedToMimeMessage() => _letter.ToMimeMessage();

    /// <summary>What a send writes: the message reference, then its MIME message.</summary>
    [Benchmark]
    [BenchmarkCategory("MimeMessage")]
    public MimeMessage GeneratedToSmtpMessageThenMime()
    {
        using var reference = _letter.ToSmtpMessage();
        return reference.ToMimeMessage();
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("SmtpMessage")]
    public int HandWrittenSmtpMessage()
    {
        using var message = new SmtpMessage();
        message.SetFrom("Herb Tarlick <herb_tarlick@wkrp.com>");
        message.SetReplyTo("bigguy@wkrp.com");
        message.SetTo(_letter.Email);
        message.SetSubject("Discounts on Ad Space, " + _letter.Salutation + "!", TextOption.Replace);
        message.SetBody(Fill(TextTemplate, html: false), BodyOption.Replace);
        message.SetBody(Fill(HtmlTemplate, html: true), BodyOption.Replace, html: true);
        return message.To.Count;
    }

    [Benchmark]
    [BenchmarkCategory("SmtpMessage")]
    public int GeneratedToSmtpMessage()
    {
        using var message = _letter.ToSmtpMessage();
        return message.To.Count;
    }

    private string Fill(string template, bool html)
    {
        string Encode(string value) => html ? WebUtility.HtmlEncode(value) : value;
        return template
            .Replace("{{Salutation}}", Encode(_letter.Salutation))
            .Replace("{{Offer}}", Encode(_letter.Offer))
            .Replace("{{Discount:P0}}", _letter.Discount.ToString("P0", CultureInfo.InvariantCulture))
            .Replace("{{Until:yyyy-MM-dd}}", _letter.Until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }
}
