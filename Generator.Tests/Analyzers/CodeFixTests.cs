extern alias analyzers;

using System.Threading.Tasks;
using TypedMail.Analyzers.CodeFixes.Fixes;

namespace TypedMail.Generator.Tests.Analyzers;

/// <summary>Each code fix, before and after (the harness also checks Fix All in document, project and solution).</summary>
public sealed class CodeFixTests
{
    private static Task Verify<TFix>(string source, string fixedSource)
        where TFix : Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider, new() =>
        new CodeFixTest<TFix>(source, fixedSource).RunAsync();

    [Fact]
    public Task TM0002_AttributePortBecomes587() => Verify<SubmissionPortCodeFix>("""
        using TypedMail;

        [SmtpServer("exchange.example.com", Port = {|TM0002:25|}, Mode = SessionMode.RequireStartTls, Auth = AuthMode.Login)]
        public partial class Relay;
        """, """
        using TypedMail;

        [SmtpServer("exchange.example.com", Port = 587, Mode = SessionMode.RequireStartTls, Auth = AuthMode.Login)]
        public partial class Relay;
        """);

    [Fact]
    public Task TM0002_MissingAttributePortIsAdded() => Verify<SubmissionPortCodeFix>("""
        using TypedMail;

        [{|TM0002:{|TM0005:SmtpServer|}|}("exchange.example.com", Auth = AuthMode.Login)]
        public partial class Relay;
        """, """
        using TypedMail;

        [{|TM0005:SmtpServer|}("exchange.example.com", Auth = AuthMode.Login, Port = 587)]
        public partial class Relay;
        """);

    [Fact]
    public Task TM0002_SettingsInitializerPortBecomes587() => Verify<SubmissionPortCodeFix>("""
        using TypedMail;

        public static class Configuration
        {
            public static SmtpSettings Create(string user) => new SmtpSettings
            {
                Host = "exchange.example.com",
                Port = {|TM0002:25|},
                Mode = SessionMode.RequireStartTls,
                UserName = user,
            };
        }
        """, """
        using TypedMail;

        public static class Configuration
        {
            public static SmtpSettings Create(string user) => new SmtpSettings
            {
                Host = "exchange.example.com",
                Port = 587,
                Mode = SessionMode.RequireStartTls,
                UserName = user,
            };
        }
        """);

    [Fact]
    public Task TM0002_FacadeSetPortBecomes587() => Verify<SubmissionPortCodeFix>("""
        using static TypedMail.InternetCommands;

        public static class Mailer
        {
            public static void Run(string user, string password)
            {
                IT_SetPort(2, 25);
                SMTP_New(out var smtpId);
                SMTP_Auth(smtpId, user, password, 2);
                {|TM0002:SMTP_Send(smtpId, 3)|};
            }
        }
        """, """
        using static TypedMail.InternetCommands;

        public static class Mailer
        {
            public static void Run(string user, string password)
            {
                IT_SetPort(2, 587);
                SMTP_New(out var smtpId);
                SMTP_Auth(smtpId, user, password, 2);
                SMTP_Send(smtpId, 3);
            }
        }
        """);

    [Fact]
    public Task TM0005_AttributeModeBecomesRequireStartTls() => Verify<RequireStartTlsCodeFix>("""
        using TypedMail;

        [SmtpServer("exchange.example.com", Port = 587, Mode = {|TM0005:SessionMode.Upgradable|}, Auth = AuthMode.Login)]
        public partial class Relay;
        """, """
        using TypedMail;

        [SmtpServer("exchange.example.com", Port = 587, Mode = SessionMode.RequireStartTls, Auth = AuthMode.Login)]
        public partial class Relay;
        """);

    [Fact]
    public Task TM0005_MissingAttributeModeIsAdded() => Verify<RequireStartTlsCodeFix>("""
        using TypedMail;

        [{|TM0005:SmtpServer|}("exchange.example.com", Port = 587, Auth = AuthMode.Login)]
        public partial class Relay;
        """, """
        using TypedMail;

        [SmtpServer("exchange.example.com", Port = 587, Auth = AuthMode.Login, Mode = SessionMode.RequireStartTls)]
        public partial class Relay;
        """);

    [Fact]
    public Task TM0005_SettingsInitializerGainsTheMode() => Verify<RequireStartTlsCodeFix>("""
        using TypedMail;

        public static class Configuration
        {
            public static SmtpSettings Create(string user) => new {|TM0005:SmtpSettings|} { Host = "exchange.example.com", Port = 587, UserName = user };
        }
        """, """
        using TypedMail;

        public static class Configuration
        {
            public static SmtpSettings Create(string user) => new SmtpSettings { Host = "exchange.example.com", Port = 587, UserName = user, Mode = SessionMode.RequireStartTls };
        }
        """);

    [Fact]
    public Task TM0005_SeedExampleSessionParamBecomes3() => Verify<RequireStartTlsCodeFix>("""
        using static TypedMail.InternetCommands;

        public static class Mailer
        {
            public static void Run(string password)
            {
                IT_SetPort(2, 587);
                SMTP_New(out var smtpId);
                SMTP_Auth(smtpId, "user@example.com", password, 2);
                {|TM0005:SMTP_Send(smtpId, 0)|};
            }
        }
        """, """
        using static TypedMail.InternetCommands;

        public static class Mailer
        {
            public static void Run(string password)
            {
                IT_SetPort(2, 587);
                SMTP_New(out var smtpId);
                SMTP_Auth(smtpId, "user@example.com", password, 2);
                SMTP_Send(smtpId, 3);
            }
        }
        """);

    [Fact]
    public Task TM0005_MissingSessionParamIsAdded() => Verify<RequireStartTlsCodeFix>("""
        using static TypedMail.InternetCommands;

        public static class Mailer
        {
            public static void Run(string user, string password)
            {
                IT_SetPort(2, 587);
                SMTP_New(out var smtpId);
                SMTP_Auth(smtpId, user, password);
                {|TM0005:SMTP_Send(smtpId)|};
            }
        }
        """, """
        using static TypedMail.InternetCommands;

        public static class Mailer
        {
            public static void Run(string user, string password)
            {
                IT_SetPort(2, 587);
                SMTP_New(out var smtpId);
                SMTP_Auth(smtpId, user, password);
                SMTP_Send(smtpId, 3);
            }
        }
        """);

    [Fact]
    public Task TM0011_PartialAddedToClassAndContainers() => Verify<AddPartialCodeFix>("""
        using TypedMail;

        namespace Shop;

        public static class {|TM0011:Mails|}
        {
            internal class {|TM0011:Group|}<T>
            {
                // The offer mail.
                [MailMessage(From = "herb@wkrp.com", To = "a@example.com", Subject = "Hi")]
                class {|TM0011:Offer|};
            }
        }
        """, """
        using TypedMail;

        namespace Shop;

        public static partial class Mails
        {
            internal partial class Group<T>
            {
                // The offer mail.
                [MailMessage(From = "herb@wkrp.com", To = "a@example.com", Subject = "Hi")]
                partial class Offer;
            }
        }
        """);

    [Fact]
    public Task TM0007_PlaceholderRenamedToNearestMember() => Verify<NearestMemberCodeFix>("""
        using TypedMail;

        [MailMessage(From = "herb@wkrp.com", Subject = "For {{{|TM0007:nmae|}}}")]
        [TextBody("Dear {{{|TM0007:Salutaton|}}},\n{{{|TM0007:Ofer|}:N2}}")]
        public partial class DiscountOffer
        {
            [To] public string Email { get; init; } = "";
            public string Salutation { get; init; } = "";
            public decimal Offer { get; init; }
            public string Name { get; init; } = "";
        }
        """, """
        using TypedMail;

        [MailMessage(From = "herb@wkrp.com", Subject = "For {{Name}}")]
        [TextBody("Dear {{Salutation}},\n{{Offer:N2}}")]
        public partial class DiscountOffer
        {
            [To] public string Email { get; init; } = "";
            public string Salutation { get; init; } = "";
            public decimal Offer { get; init; }
            public string Name { get; init; } = "";
        }
        """);
}
