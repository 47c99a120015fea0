using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace TypedMail.Generator.Tests.Analyzers;

/// <summary>The rules on <c>[MailMessage]</c> classes: addresses, headers, templates, members.</summary>
public sealed class MailMessageTests
{
    [Fact]
    public Task InvalidConstantAddresses_ReportTM0006OnEachArgument() => AnalyzerTest.VerifyAsync("""
        using TypedMail;

        [MailMessage(From = {|TM0006:"herb_tarlick"|}, Sender = {|TM0006:"a@example.com, b@example.com"|},
                     Cc = {|TM0006:"<unbalanced@example.com"|}, Subject = "Hi")]
        [TextBody("Hi")]
        public partial class Offer
        {
            [To] public string Email { get; init; } = "";
        }
        """);

    [Fact]
    public Task InvalidAddress_MessageNamesTheValue()
    {
        var test = new AnalyzerTest("""
            using TypedMail;

            [MailMessage(From = {|#0:"herb@@wkrp.com"|}, To = "a@example.com", Subject = "Hi")]
            public partial class Offer;
            """);
        test.ExpectedDiagnostics.Add(new DiagnosticResult("TM0006", DiagnosticSeverity.Error).WithLocation(0)
            .WithMessage("From is not a valid address: 'herb@@wkrp.com' has more than one '@'"));
        return test.RunAsync();
    }

    [Fact]
    public Task UnknownPlaceholder_ReportsTM0007NamingTheNearestMember()
    {
        var test = new AnalyzerTest("""
            using TypedMail;

            [MailMessage(From = "herb@wkrp.com", Subject = "Offer for {{Salutation}}")]
            [TextBody("Dear {{{|#0:Salutaton|}}},\n{{Offer}}")]
            public partial class DiscountOffer
            {
                [To] public string Email { get; init; } = "";
                public string Salutation { get; init; } = "";
                public string Offer { get; init; } = "";
            }
            """);
        test.ExpectedDiagnostics.Add(new DiagnosticResult("TM0007", DiagnosticSeverity.Error).WithLocation(0)
            .WithMessage("The placeholder 'Salutaton' in the text body names no member of 'DiscountOffer': did you mean 'Salutation'?"));
        return test.RunAsync();
    }

    [Fact]
    public Task UnknownPlaceholderInSubjectAndHeader_ReportsTM0007() => AnalyzerTest.VerifyAsync("""
        using TypedMail;

        [MailMessage(From = "herb@wkrp.com", Subject = "For {{{|TM0007:Nme|}}}")]
        [Header("X-Customer", "{{{|TM0007:Id|}:D6}}")]
        [HtmlBody("<p>{{Name}}</p>")]
        public partial class Offer
        {
            [To] public string Email { get; init; } = "";
            public string Name { get; init; } = "";
        }
        """);

    [Fact]
    public Task MalformedPlaceholder_ReportsTM0022() => AnalyzerTest.VerifyAsync("""
        using TypedMail;

        [MailMessage(From = "herb@wkrp.com", Subject = "Hi")]
        [TextBody("Dear {|TM0022:{{1st}}|}")]
        public partial class Offer
        {
            [To] public string Email { get; init; } = "";
        }
        """);

    [Fact]
    public Task PlaceholderInTemplateFile_ReportsTM0007InTheFile()
    {
        var test = new AnalyzerTest("""
            using TypedMail;

            [MailMessage(From = "herb@wkrp.com", Subject = "Hi")]
            [TextBody(File = "Mail/offer.txt")]
            public partial class Offer
            {
                [To] public string Email { get; init; } = "";
                public string Name { get; init; } = "";
            }
            """);
        test.TestState.AdditionalFiles.Add(("/project/Mail/offer.txt", "Dear {{Name}},\nyour code is {{{|TM0007:Code|}}}."));
        return test.RunAsync();
    }

    [Fact]
    public Task TemplateFileFound_IsSilent()
    {
        var test = new AnalyzerTest("""
            using TypedMail;

            [MailMessage(From = "herb@wkrp.com", Subject = "Hi")]
            [HtmlBody(File = "Mail\\offer.html")]
            public partial class Offer
            {
                [To] public string Email { get; init; } = "";
                public string Name { get; init; } = "";
            }
            """);
        test.TestState.AdditionalFiles.Add(("/project/Mail/offer.html", "<p>Dear {{Name}}</p>"));
        return test.RunAsync();
    }

    [Fact]
    public Task UnusedMember_ReportsTM0008OnTheMember() => AnalyzerTest.VerifyAsync("""
        using TypedMail;

        [MailMessage(From = "herb@wkrp.com", Subject = "Hi {{Name}}")]
        [TextBody("Body")]
        public partial class Offer
        {
            [To] public string Email { get; init; } = "";
            public string Name { get; init; } = "";
            public string {|TM0008:Forgotten|} { get; init; } = "";
            private string _notABuilderMember = "";
            public string Computed => _notABuilderMember;
        }
        """);

    [Fact]
    public Task MembersWithoutBuilderMethod_AreNotJudgedUnused() => AnalyzerTest.VerifyAsync("""
        using TypedMail;

        [MailMessage(From = "herb@wkrp.com", Subject = "Hi")]
        public partial class Offer
        {
            [To] public string Email { get; init; } = "";
            public string SetInside { get; private set; } = "";
            protected string ForSubclasses { get; set; } = "";
            public readonly string Fixed = "";
            public static string Shared { get; set; } = "";
        }
        """);

    [Fact]
    public Task TemplateFile_IsFoundAsTheGeneratorFindsIt_CaseIgnored()
    {
        var test = new AnalyzerTest("""
            using TypedMail;

            [MailMessage(From = "herb@wkrp.com", Subject = "Hi")]
            [TextBody(File = "./mail/OFFER.txt")]
            public partial class Offer
            {
                [To] public string Email { get; init; } = "";
                public string {|TM0008:Name|} { get; init; } = "";
            }
            """);
        test.TestState.AdditionalFiles.Add(("C:\\project\\Mail\\offer.txt", "Dear customer"));
        return test.RunAsync();
    }

    [Fact]
    public Task MissingFrom_ReportsTM0009OnTheAttribute() => AnalyzerTest.VerifyAsync("""
        using TypedMail;

        [{|TM0009:MailMessage|}(To = "a@example.com", Subject = "Hi")]
        public partial class Offer;
        """);

    [Fact]
    public Task MissingRecipient_ReportsTM0010() => AnalyzerTest.VerifyAsync("""
        using TypedMail;

        [{|TM0010:MailMessage|}(From = "herb@wkrp.com", ReplyTo = "boss@wkrp.com", Subject = "Hi")]
        [TextBody("{{Boss}}")]
        public partial class Offer
        {
            [ReplyTo] public string Boss { get; init; } = "";
        }
        """);

    [Fact]
    public Task ConstantBccOnly_CountsAsRecipient() => AnalyzerTest.VerifyAsync("""
        using TypedMail;

        [MailMessage(From = "herb@wkrp.com", Bcc = "archive@wkrp.com", Subject = "Hi")]
        public partial class Offer;
        """);

    [Fact]
    public Task LineBreaksInHeaderLiterals_ReportTM0014() => AnalyzerTest.VerifyAsync("""
        using TypedMail;

        [MailMessage(From = {|TM0014:"\"Herb\r\nBcc: x@example.com\" <herb@wkrp.com>"|}, To = "a@example.com", Subject = {|TM0014:"Hi\nthere"|})]
        [Header({|TM0014:"X-A\r\n"|}, "v")]
        [Header("X-B", {|TM0014:"v\rw"|})]
        public partial class Offer;
        """);

    [Fact]
    public Task MissingTemplateFile_ReportsTM0015OnThePath() => AnalyzerTest.VerifyAsync("""
        using TypedMail;

        [MailMessage(From = "herb@wkrp.com", Subject = "Hi")]
        [TextBody(File = {|TM0015:"Mail/missing.txt"|})]
        public partial class Offer
        {
            [To] public string Email { get; init; } = "";
            public string NotJudgedWhileTheTemplateIsMissing { get; init; } = "";
        }
        """);

    [Fact]
    public Task MemberTypeDoesNotFitItsRole_ReportsTM0016()
    {
        var test = new AnalyzerTest("""
            using System;
            using TypedMail;

            [MailMessage(From = "herb@wkrp.com", To = "a@example.com", Subject = "Hi")]
            public partial class Offer
            {
                [Cc] public int {|TM0016:Count|} { get; init; }
                [Attachment] public DateTime {|#0:When|} { get; init; }
            }
            """);
        test.ExpectedDiagnostics.Add(new DiagnosticResult("TM0016", DiagnosticSeverity.Error).WithLocation(0)
            .WithMessage("'When' is a DateTime, which cannot be an attachment: use byte[], Stream, FileInfo or a file path (string)"));
        return test.RunAsync();
    }

    [Fact]
    public Task MemberTypesThatFit_AreSilent() => AnalyzerTest.VerifyAsync("""
        using System.Collections.Generic;
        using System.IO;
        using MimeKit;
        using TypedMail;

        [MailMessage(From = "herb@wkrp.com", Subject = "Report")]
        public partial class Report
        {
            [To] public MailboxAddress Boss { get; init; } = null!;
            [Cc] public IReadOnlyList<string> Team { get; init; } = [];
            [Bcc] public string[] Archive { get; init; } = [];
            [ReplyTo] public IEnumerable<MailboxAddress> Desk { get; init; } = [];
            [Attachment] public byte[] Pdf { get; init; } = [];
            [Attachment(FileName = "data.csv")] public MemoryStream Csv { get; init; } = null!;
            [Attachment] public FileInfo Log { get; init; } = null!;
            [Attachment] public string Path { get; init; } = "";
        }
        """);

    [Fact]
    public Task MissingSubject_ReportsTM0017() => AnalyzerTest.VerifyAsync("""
        using TypedMail;

        [{|TM0017:MailMessage|}(From = "herb@wkrp.com", To = "a@example.com")]
        public partial class Offer;
        """);
}
