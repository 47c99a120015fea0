using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace TypedMail.Generator.Tests.Analyzers;

/// <summary>TM0023: a one-click unsubscribe link literal must be https; [Unsubscribe] takes a System.Uri (TM0016).</summary>
public sealed class UnsubscribeRuleTests
{
    [Fact]
    public Task HttpLink_ReportsTM0023OnTheArgument_NamingTheScheme()
    {
        var test = new AnalyzerTest("""
            using TypedMail;

            [MailMessage(From = "news@wkrp.com", Subject = "News", Unsubscribe = {|#0:"http://wkrp.com/u/{{Token}}"|})]
            [TextBody("News")]
            public partial class News
            {
                [To] public string Email { get; init; } = "";
                public string Token { get; init; } = "";
            }
            """);
        test.ExpectedDiagnostics.Add(new DiagnosticResult("TM0023", DiagnosticSeverity.Error).WithLocation(0)
            .WithMessage("The unsubscribe link 'http://wkrp.com/u/{{Token}}' cannot be a one-click link: its scheme is http: RFC 8058 one-click unsubscribe needs https"));
        return test.RunAsync();
    }

    [Fact]
    public Task MailtoOrRelativeLink_ReportTM0023() => AnalyzerTest.VerifyAsync("""
        using TypedMail;

        [MailMessage(From = "news@wkrp.com", To = "a@wkrp.com", Subject = "News", Unsubscribe = {|TM0023:"mailto:leave@wkrp.com"|})]
        [TextBody("News")]
        public partial class ByMail;

        [MailMessage(From = "news@wkrp.com", To = "a@wkrp.com", Subject = "News", Unsubscribe = {|TM0023:"wkrp.com/u/1"|})]
        [TextBody("News")]
        public partial class Relative;
        """);

    [Fact]
    public Task HttpsLink_APlaceholderStart_AndAUriMember_AreFine() => AnalyzerTest.VerifyAsync("""
        using System;
        using TypedMail;

        [MailMessage(From = "news@wkrp.com", Subject = "News", Unsubscribe = "https://wkrp.com/u/{{Token}}", UnsubscribeMailto = "leave+{{Token}}@wkrp.com")]
        [TextBody("News")]
        public partial class Https
        {
            [To] public string Email { get; init; } = "";
            public string Token { get; init; } = "";
        }

        [MailMessage(From = "news@wkrp.com", To = "a@wkrp.com", Subject = "News", Unsubscribe = "{{Base}}/u/1")]
        [TextBody("News")]
        public partial class FromAMember
        {
            public string Base { get; init; } = "";
        }

        [MailMessage(From = "news@wkrp.com", Subject = "News")]
        [TextBody("News")]
        public partial class PerRecipient
        {
            [To] public string Email { get; init; } = "";
            [Unsubscribe] public Uri? Leave { get; init; }
        }
        """);

    [Fact]
    public Task UnsubscribeOnAString_ReportsTM0016()
    {
        var test = new AnalyzerTest("""
            using TypedMail;

            [MailMessage(From = "news@wkrp.com", To = "a@wkrp.com", Subject = "News")]
            [TextBody("News")]
            public partial class News
            {
                [Unsubscribe] public string {|#0:Leave|} { get; init; } = "";
            }
            """);
        test.ExpectedDiagnostics.Add(new DiagnosticResult("TM0016", DiagnosticSeverity.Error).WithLocation(0)
            .WithMessage("'Leave' is a string, which cannot be an unsubscribe link: use System.Uri (an https link)"));
        return test.RunAsync();
    }
}
