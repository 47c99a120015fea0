using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace TypedMail.Generator.Tests.Analyzers;

/// <summary>More positive and negative cases for the message rules, with the messages they print.</summary>
public sealed class MoreRuleTests
{
    [Fact]
    public Task EmptyFrom_ReportsTM0009NamingTheClass()
    {
        var test = new AnalyzerTest("""
            using TypedMail;

            [{|#0:MailMessage|}(From = " ", To = "a@example.com", Subject = "Hi")]
            public partial class Welcome;
            """);
        test.ExpectedDiagnostics.Add(new DiagnosticResult("TM0009", DiagnosticSeverity.Error).WithLocation(0)
            .WithMessage("'Welcome' has no From address: set From on [MailMessage]"));
        return test.RunAsync();
    }

    [Fact]
    public Task RecipientOnlyInCcMember_IsNoTM0010() => AnalyzerTest.VerifyAsync("""
        using TypedMail;

        [MailMessage(From = "herb@wkrp.com", Subject = "Hi")]
        public partial class Offer
        {
            [Cc] public string[] Team { get; init; } = [];
        }
        """);

    [Fact]
    public Task EmptyConstantRecipients_ReportTM0010() => AnalyzerTest.VerifyAsync("""
        using TypedMail;

        [{|TM0010:MailMessage|}(From = "herb@wkrp.com", To = "", Cc = " ", Subject = "Hi")]
        public partial class Offer;
        """);

    [Fact]
    public Task MissingHtmlTemplateFile_ReportsTM0015NamingThePath()
    {
        var test = new AnalyzerTest("""
            using TypedMail;

            [MailMessage(From = "herb@wkrp.com", To = "a@example.com", Subject = "Hi")]
            [TextBody("plain")]
            [HtmlBody(File = {|#0:"Mail/offer.html"|})]
            public partial class Offer;
            """);
        test.TestState.AdditionalFiles.Add(("/project/Mail/offer.txt", "not the HTML one"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("TM0015", DiagnosticSeverity.Error).WithLocation(0)
            .WithMessage("The template file 'Mail/offer.html' is not an AdditionalFiles item of the project"));
        return test.RunAsync();
    }

    [Fact]
    public Task RecipientSequenceOfNumbers_ReportsTM0016() => AnalyzerTest.VerifyAsync("""
        using System.Collections.Generic;
        using TypedMail;

        [MailMessage(From = "herb@wkrp.com", Subject = "Hi")]
        public partial class Offer
        {
            [To] public List<int> {|TM0016:Ids|} { get; init; } = [];
            [Bcc] public object {|TM0016:Anything|} { get; init; } = "";
            [Attachment] public int[] {|TM0016:Numbers|} { get; init; } = [];
        }
        """);

    [Fact]
    public Task UnusedField_ReportsTM0008() => AnalyzerTest.VerifyAsync("""
        using TypedMail;

        [MailMessage(From = "herb@wkrp.com", Subject = "Hi {{Name}}")]
        public partial class Offer
        {
            [To] public string Email = "";
            public string Name = "";
            public int {|TM0008:Count|};
        }
        """);

    [Fact]
    public Task RecipientAttributeOnlyOnAPartialPropertysImplementation_CountsAsTheRecipient() => AnalyzerTest.VerifyAsync("""
        using TypedMail;

        [MailMessage(From = "herb@wkrp.com", Subject = "Hi")]
        public partial class Offer
        {
            private string email = "";
            public partial string Email { get; set; }
            [To] public partial string Email { get => email; set => email = value; }
        }
        """);

    // The reader takes a class without a base list to derive from object without binding its bases: every partial
    // declaration has to be looked at, not only the one carrying [MailMessage].
    [Fact]
    public Task BaseListOnAnotherPartialDeclaration_BaseMembersAreRecipientsAndPlaceholders() => AnalyzerTest.VerifyAsync("""
        using TypedMail;

        public abstract class Mail
        {
            [To] public string Email { get; init; } = "";
            public string Greeting { get; init; } = "";
        }

        [MailMessage(From = "herb@wkrp.com", Subject = "{{Greeting}}")]
        [TextBody("{{Greeting}}")]
        public partial class Offer;

        public partial class Offer : Mail;
        """);

    [Fact]
    public Task SenderWithTwoMailboxes_ReportsTM0006() => AnalyzerTest.VerifyAsync("""
        using TypedMail;

        [MailMessage(From = "a@example.com, b@example.com", Sender = {|TM0006:"a@example.com; b@example.com"|}, To = "c@example.com", Subject = "Hi")]
        public partial class Offer;
        """);

    [Fact]
    public Task AddressesTheIssueAccepts_AreSilent() => AnalyzerTest.VerifyAsync("""
        using TypedMail;

        [MailMessage(From = "\"Tarlick, Herb\" <herb@wkrp.com>", ReplyTo = "\"john doe\"@example.com",
                     To = "josé@bücher.example, Venus Flytrap <venus@wkrp.com>", Bcc = "archive@[192.0.2.1]", Subject = "Hi")]
        public partial class Offer;
        """);

    [Fact]
    public Task InheritedMemberAsPlaceholder_IsNoTM0007() => AnalyzerTest.VerifyAsync("""
        using TypedMail;

        public abstract class Mail
        {
            public string Greeting { get; init; } = "";
        }

        [MailMessage(From = "herb@wkrp.com", Subject = "Hi")]
        [TextBody("{{Greeting}}")]
        public partial class Offer : Mail
        {
            [To] public string Email { get; init; } = "";
        }
        """);
}
