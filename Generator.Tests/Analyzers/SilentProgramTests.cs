using System.Threading.Tasks;

namespace TypedMail.Generator.Tests.Analyzers;

/// <summary>Correct programs: every analyzer runs and none reports anything.</summary>
public sealed class SilentProgramTests
{
    [Fact]
    public Task DesignExample_IsSilent() => AnalyzerTest.VerifyAsync("""
        using TypedMail;

        [MailMessage(From = "herb_tarlick@wkrp.com", ReplyTo = "bigguy@wkrp.com", Subject = "Discounts on Ad Space!")]
        [TextBody("Dear {{Salutation}},\n{{Offer}}")]
        public partial class DiscountOffer
        {
            [To] public required string Email { get; init; }
            public required string Salutation { get; init; }
            public required string Offer { get; init; }
        }

        [SmtpServer("exchange.example.com", Port = 587, Mode = SessionMode.RequireStartTls, Auth = AuthMode.Login)]
        public partial class CompanyRelay;
        """);

    [Fact]
    public Task MailMergeProgram_IsSilent()
    {
        var test = new AnalyzerTest("""
            using System;
            using System.Collections.Generic;
            using TypedMail;

            namespace Shop.Mail;

            [MailMessage(From = "Shop <shop@example.com>", Bcc = "archive@example.com", Subject = "Your order {{OrderId:D6}}")]
            [Header("X-Campaign", "orders-{{OrderId}}")]
            [TextBody(File = "Mail/order.txt")]
            [HtmlBody(File = "Mail/order.html")]
            public partial class OrderShipped
            {
                [To] public required string Email { get; init; }
                public required int OrderId { get; init; }
                public required string Name { get; init; }
                public required DateTime ShippedAt { get; init; }
                [Attachment(FileName = "invoice.pdf")] public required byte[] Invoice { get; init; }
            }

            public static partial class Servers
            {
                [SmtpServer("smtp.example.com", Mode = SessionMode.ImplicitTls, Auth = AuthMode.Default, TimeoutSeconds = 60)]
                public partial class Outbound;
            }

            public static class Settings
            {
                public static SmtpSettings FromEnvironment(Func<string, string?> read) => new()
                {
                    Host = read("SMTP_HOST"),
                    Port = 587,
                    Mode = SessionMode.RequireStartTls,
                    UserName = read("SMTP_USER"),
                    Password = read("SMTP_PASSWORD"),
                };
            }
            """);
        test.TestState.AdditionalFiles.Add(("/src/Shop/Mail/order.txt", "Hello {{Name}},\nshipped on {{ShippedAt:d}}."));
        test.TestState.AdditionalFiles.Add(("/src/Shop/Mail/order.html", "<p>Hello {{Name}}</p>"));
        return test.RunAsync();
    }

    [Fact]
    public Task FacadeProgramDoneRight_IsSilent() => AnalyzerTest.VerifyAsync("""
        using System;
        using static TypedMail.InternetCommands;

        public static class Legacy
        {
            public static int Send(string user, string password)
            {
                IT_SetPort(2, 587);
                IT_SetTimeOut(60);
                SMTP_New(out var smtpId);
                SMTP_Host(smtpId, "exchange.example.com");
                SMTP_From(smtpId, "user@example.com");
                SMTP_To(smtpId, "someone@example.com");
                SMTP_Subject(smtpId, "STARTTLS test");
                SMTP_Body(smtpId, "Sent with STARTTLS");
                SMTP_Auth(smtpId, user, password, 2);
                var error = SMTP_Send(smtpId, 3);
                SMTP_Clear(ref smtpId);
                return error;
            }
        }
        """);
}
