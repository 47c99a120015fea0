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
}
