using System.Threading.Tasks;

namespace TypedMail.Generator.Tests.Analyzers;

/// <summary>Correct programs that used to get build errors (issue 7, part 3): each now gets nothing, and the mistake next to it still gets its diagnostic.</summary>
public sealed class FalsePositiveTests
{
    [Fact]
    public Task RecipientDeclaredOnABaseClass_IsARecipient() => AnalyzerTest.VerifyAsync("""
        using TypedMail;

        public abstract class Addressed
        {
            [To] public required string Email { get; init; }
        }

        [MailMessage(From = "shop@example.com", Subject = "Shipped")]
        [TextBody("Your parcel is on its way.")]
        public partial class Shipped : Addressed;
        """);

    [Fact]
    public Task NoRecipientAnywhere_StillReportsTM0010() => AnalyzerTest.VerifyAsync("""
        using TypedMail;

        public abstract class Addressed
        {
            public required string Email { get; init; }
        }

        [{|TM0010:MailMessage|}(From = "shop@example.com", Subject = "Shipped {{Email}}")]
        public partial class Shipped : Addressed;
        """);

    [Fact]
    public Task MembersReadByAComputedPropertyThatATemplateUses_AreUsed() => AnalyzerTest.VerifyAsync("""
        using TypedMail;

        [MailMessage(From = "shop@example.com", Subject = "Hello")]
        [TextBody("Dear {{FullName}}")]
        public partial class Greeting
        {
            [To] public required string Email { get; init; }
            public required string First { get; init; }
            public required string Last { get; init; }
            public string {|TM0008:Nickname|} { get; init; } = "";
            public string FullName => First + " " + Last;
        }
        """);

    [Fact]
    public Task MembersReadByAnAccessorBody_AreUsed() => AnalyzerTest.VerifyAsync("""
        using TypedMail;

        [MailMessage(From = "shop@example.com", Subject = "Hello")]
        [TextBody("Dear {{FullName}}, {{Title}}")]
        public partial class Greeting
        {
            private string title = "";
            [To] public required string Email { get; init; }
            public required string First { get; init; }
            public required string Last { get; init; }
            public required string Rank { get; init; }
            public string {|TM0008:Nickname|} { get; init; } = "";
            public string FullName { get { return First + " " + Last; } }
            public string Title { get => title.Length > 0 ? title : Rank; init => title = value; }
        }
        """);

    [Fact]
    public Task MemberTypedIFormattable_TakesAFormat() => AnalyzerTest.VerifyAsync("""
        using TypedMail;

        public sealed class Line
        {
            public required System.IFormattable Price { get; init; }
        }

        [MailMessage(From = "shop@example.com", Subject = "Total {{Amount:N2}}")]
        [TextBody("Total: {{Amount:N2}}, first line {{First.Price:N2}}")]
        public partial class Receipt
        {
            [To] public required string Email { get; init; }
            public required System.IFormattable Amount { get; init; }
            public required Line First { get; init; }
        }
        """);

    [Fact]
    public Task MembersReadThroughAMethodByARecipient_AreUsed() => AnalyzerTest.VerifyAsync("""
        using TypedMail;

        [MailMessage(From = "shop@example.com", Subject = "Hello")]
        public partial class Greeting
        {
            public required string User { get; init; }
            public required string Domain { get; init; }
            [To] public string Address => Join();
            private string Join() => User + "@" + Domain;
        }
        """);

    [Fact]
    public Task SettingsCompletedLaterInTheMethod_AreJudgedComplete() => AnalyzerTest.VerifyAsync("""
        using TypedMail;

        public static class Configuration
        {
            public static SmtpSettings Create(string user, string password)
            {
                var settings = new SmtpSettings { Host = "smtp.example.com", Port = 587, Mode = SessionMode.RequireStartTls, Auth = AuthMode.Login };
                settings.UserName = user;
                settings.Password = password;
                return settings;
            }
        }
        """);

    [Fact]
    public Task SettingsNeverCompleted_StillReportTM0001() => AnalyzerTest.VerifyAsync("""
        using TypedMail;

        public static class Configuration
        {
            public static SmtpSender Create()
            {
                var settings = new SmtpSettings { Host = "smtp.example.com", Port = 587, Mode = {|TM0001:SessionMode.RequireStartTls|} };
                settings.Password = "";
                settings.TimeoutSeconds = 60;
                return new SmtpSender(settings);
            }
        }
        """);

    [Fact]
    public Task SettingsThatEscapeBeforeTheUserIsKnown_AreNotGuessed() => AnalyzerTest.VerifyAsync("""
        using TypedMail;

        public interface IConfiguration { void Bind(object target); }

        public static class Configuration
        {
            private static SmtpSettings? last;

            public static SmtpSettings Bound(IConfiguration configuration)
            {
                var settings = new SmtpSettings { Port = 587, Mode = SessionMode.RequireStartTls };
                configuration.Bind(settings);
                return settings;
            }

            public static SmtpSettings Returned()
            {
                var settings = new SmtpSettings { Mode = SessionMode.RequireStartTls };
                return settings;
            }

            public static void Stored()
            {
                var settings = new SmtpSettings { Port = 587, Mode = SessionMode.RequireStartTls };
                last = settings;
            }
        }
        """);

    [Fact]
    public Task SettingsWhoseKnownPartIsWrongEitherWay_StillReportIt() => AnalyzerTest.VerifyAsync("""
        using TypedMail;

        public interface IConfiguration { void Bind(object target); }

        public static class Configuration
        {
            public static SmtpSettings Bound(IConfiguration configuration)
            {
                var settings = new SmtpSettings { Port = {|TM0002:25|}, Mode = SessionMode.RequireStartTls };
                configuration.Bind(settings);
                return settings;
            }
        }
        """);

    [Fact]
    public Task TwoMessageReferencesInOneMethod_KeepTheirOwnAuthentication() => AnalyzerTest.VerifyAsync("""
        using static TypedMail.InternetCommands;

        public static class Mailer
        {
            public static void Run(string user, string password)
            {
                IT_SetPort(2, 587);
                SMTP_New(out var authenticated);
                SMTP_Host(authenticated, "smtp.example.com");
                SMTP_Auth(authenticated, user, password, 2);
                SMTP_Send(authenticated, 3);

                SMTP_New(out var anonymous);
                SMTP_Host(anonymous, "smtp.example.com");
                {|TM0001:SMTP_Send(anonymous, 3)|};
            }
        }
        """);

    [Fact]
    public Task UnknownPlaceholderFarFromEveryName_SuggestsNothing()
    {
        var test = new AnalyzerTest("""
            using TypedMail;

            [MailMessage(From = "shop@example.com", Subject = "Shipped")]
            [TextBody("Track it at {{{|#0:TrackingUrl|}}}")]
            public partial class Shipped
            {
                [To] public required string Email { get; init; }
            }
            """);
        test.ExpectedDiagnostics.Add(new Microsoft.CodeAnalysis.Testing.DiagnosticResult("TM0007", Microsoft.CodeAnalysis.DiagnosticSeverity.Error)
            .WithLocation(0).WithMessage("The placeholder 'TrackingUrl' in the text body names no member of 'Shipped'"));
        return test.RunAsync();
    }
}
