using System;
using System.Collections.Generic;
using System.Linq;
namespace TypedMail.Generator.Tests.Generator;

/// <summary>User code the generator tests (and the benchmarks) compile.</summary>
internal static class Inputs
{
    public const string Minimal = """
        using TypedMail;

        namespace Shop.Mail;

        [MailMessage(From = "herb_tarlick@wkrp.com", ReplyTo = "bigguy@wkrp.com", Subject = "Discounts on Ad Space!")]
        [TextBody("Dear {{Salutation}},\n{{Offer}}")]
        public partial class DiscountOffer
        {
            [To] public required string Email { get; init; }
            public required string Salutation { get; init; }
            public required string Offer { get; init; }
        }
        """;

    /// <summary>The largest input: <paramref name="count"/> copies of <see cref="EveryAttribute"/>, each in its own namespace.</summary>
    public static string[] Many(int count) =>
        Enumerable.Range(0, count).Select(i => EveryAttribute.Replace("namespace Shop.Mail;", $"namespace Shop.Mail{i};", StringComparison.Ordinal)).ToArray();

    public const string EveryAttribute = """
        using System;
        using System.Collections.Generic;
        using TypedMail;

        namespace Shop.Mail;

        [MailMessage(From = "Herb Tarlick <herb_tarlick@wkrp.com>", Sender = "sales@wkrp.com", ReplyTo = "bigguy@wkrp.com",
                     To = "archive@wkrp.com", Cc = "sales-team@wkrp.com", Bcc = "audit@wkrp.com",
                     Subject = "Order {{OrderNumber}} of {{Placed:yyyy-MM-dd}}: {{Total:N2}}", Culture = "fr-FR")]
        [TextBody("Hello {{Name}}, your order {{OrderNumber:D6}} costs {{Total:C}} ({{Status}}, {{Status:D}}). {{Note}}")]
        [HtmlBody("<p>Hello {{Name}}, <b>{{Total:N2}}</b></p><img src=\"cid:logo\">")]
        [Header("X-Campaign", "spring-{{OrderNumber}}")]
        [Header("X-Mailer", "TypedMail")]
        public partial class OrderConfirmation
        {
            [To] public required string Email { get; init; }
            [Cc] public IEnumerable<string>? Watchers { get; set; }
            [Bcc] public MimeKit.MailboxAddress? Auditor { get; set; }
            [ReplyTo] public string? Agent { get; set; }
            public required string Name { get; init; }
            public int OrderNumber { get; init; }
            public DateTime Placed { get; init; }
            public decimal Total { get; init; }
            public OrderStatus Status { get; set; } = OrderStatus.Shipped;
            public int? Note { get; set; }
            [Attachment(FileName = "invoice.pdf", ContentType = "application/pdf")] public byte[]? Invoice { get; set; }
            [Attachment(ContentId = "logo", ContentType = "image/png")] public System.IO.Stream? Logo { get; set; }
            [Attachment] public System.IO.FileInfo? Terms { get; set; }
            [Attachment] public string? ExtraPath { get; set; }
        }

        public enum OrderStatus { Pending = 1, Shipped = 2 }
        """;

    public const string Nested = """
        using TypedMail;

        namespace Shop.Mail;

        public static partial class Notifications
        {
            internal partial class Accounts
            {
                [MailMessage(From = "noreply@shop.example", Subject = "Welcome {{Name}}")]
                [TextBody("Welcome, {{Name}}.")]
                public partial class Welcome
                {
                    [To] public string? Email { get; set; }
                    public string Name { get; set; } = "friend";
                }
            }
        }
        """;

    public const string GlobalNamespace = """
        using TypedMail;

        [MailMessage(From = "noreply@shop.example", To = "ops@shop.example", Subject = "Ping")]
        [TextBody("Ping at {{At:O}}")]
        public partial class Ping
        {
            public System.DateTimeOffset At { get; set; }
        }
        """;

    public const string SameNameA = """
        using TypedMail;

        namespace Shop.Billing
        {
            [MailMessage(From = "billing@shop.example", Subject = "Invoice")]
            [TextBody("Invoice for {{Email}}")]
            public partial class Notice
            {
                [To] public required string Email { get; init; }
            }
        }

        namespace Shop.Shipping
        {
            [MailMessage(From = "shipping@shop.example", Subject = "Shipped")]
            [TextBody("Shipped to {{Email}}")]
            public partial class Notice
            {
                [To] public required string Email { get; init; }
            }
        }
        """;

    public const string FileTemplates = """
        using TypedMail;

        namespace Shop.Mail;

        [MailMessage(From = "herb_tarlick@wkrp.com", Subject = "Discounts on Ad Space!")]
        [TextBody(File = "Mail/discount.txt")]
        [HtmlBody(File = "Mail/discount.html")]
        public partial class FileOffer
        {
            [To] public required string Email { get; init; }
            public required string Salutation { get; init; }
            public required string Offer { get; init; }
        }
        """;

    public const string DiscountText = "Dear {{Salutation}},\n{{Offer}}\n";

    public const string DiscountHtml = "<p>Dear {{Salutation}},</p><p>{{Offer}}</p>\n";

    public const string TextAndHtml = """
        using TypedMail;

        namespace Shop.Mail;

        [MailMessage(From = "news@shop.example", Subject = "News for {{Name}}")]
        [TextBody("Hi {{Name}}! {{Count}} new items.")]
        [HtmlBody("<h1>Hi {{Name}}!</h1><p>{{Count}} new items.</p>")]
        public partial class Newsletter
        {
            [To] public string? Email { get; set; }
            [Cc] public string? Copy { get; set; }
            public required string Name { get; init; }
            public int Count { get; set; }
        }
        """;

    public const string Attachments = """
        using TypedMail;

        namespace Shop.Mail;

        [MailMessage(From = "reports@shop.example", To = "boss@shop.example", Subject = "Report")]
        [TextBody("The report is attached.")]
        [HtmlBody("<p>The report, with our logo: <img src=\"cid:logo\"></p>")]
        public partial class Report
        {
            [Attachment(FileName = "report.csv", ContentType = "text/csv")] public required byte[] Data { get; init; }
            [Attachment(FileName = "logo.png", ContentType = "image/png", ContentId = "logo")] public byte[]? Logo { get; set; }
            [Attachment] public System.IO.Stream? Appendix { get; set; }
        }
        """;

    public const string Server = """
        using TypedMail;

        namespace Shop.Mail;

        [SmtpServer("exchange.example.com", Port = 587, Mode = SessionMode.Upgradable, Auth = AuthMode.Login)]
        public partial class CompanyRelay;

        [SmtpServer("localhost", Port = 2525, Mode = SessionMode.NeverTls, TimeoutSeconds = 10)]
        internal partial class DevelopmentRelay
        {
        }
        """;
}
