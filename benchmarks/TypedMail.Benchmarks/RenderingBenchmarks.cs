using System.Globalization;
using System.Net;
using BenchmarkDotNet.Attributes;
using MimeKit;

namespace TypedMail.Benchmarks;

/// <summary>
/// Rendering one mail-merge letter (text + HTML, five placeholders, two formats): the generated straight-line code
/// against what a user writes without TypedMail (string.Replace on the template, then MimeKit's BodyBuilder).
/// </summary>
[MemoryDiagnoser]
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
    public MimeMessage HandWrittenWithReplace()
    {
        string Fill(string template, bool html)
        {
            string Encode(string value) => html ? WebUtility.HtmlEncode(value) : value;
            return template
                .Replace("{{Salutation}}", Encode(_letter.Salutation))
                .Replace("{{Offer}}", Encode(_letter.Offer))
                .Replace("{{Discount:P0}}", _letter.Discount.ToString("P0", CultureInfo.InvariantCulture))
                .Replace("{{Until:yyyy-MM-dd}}", _letter.Until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

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
    public MimeMessage GeneratedToMimeMessage() => _letter.ToMimeMessage();

    [Benchmark]
    public SmtpMessage GeneratedToSmtpMessage() => _letter.ToSmtpMessage();
}
