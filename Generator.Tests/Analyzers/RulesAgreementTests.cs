using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;

namespace TypedMail.Generator.Tests.Analyzers;

/// <summary>
/// One rule, one place: for every (port, mode, auth) triple the analyzers report exactly the IDs that the runtime's
/// <see cref="SmtpRules.Check"/> returns, on <c>[SmtpServer]</c>, on <c>SmtpSettings</c> and on the facade.
/// </summary>
public sealed class RulesAgreementTests
{
    private static readonly int[] Ports = [0, 25, 465, 587, 2525, 70000];

    public static IEnumerable<object[]> Triples() =>
        from port in Ports
        from mode in new[] { SessionMode.Upgradable, SessionMode.ImplicitTls, SessionMode.NeverTls, SessionMode.RequireStartTls }
        from auth in new[] { false, true }
        select new object[] { port, mode, auth };

    [Theory]
    [MemberData(nameof(Triples))]
    public async Task SmtpServerAttribute_AgreesWithSmtpRules(int port, SessionMode mode, bool auth)
    {
        var source = $$"""
            using TypedMail;

            [SmtpServer("relay.example.com", Port = {{port}}, Mode = SessionMode.{{mode}}{{(auth ? ", Auth = AuthMode.Login" : "")}})]
            public partial class Relay;
            """;
        await AssertAgreement(source, SmtpRules.Check(port, mode, auth, 30));
    }

    [Theory]
    [MemberData(nameof(Triples))]
    public async Task SmtpSettingsInitializer_AgreesWithSmtpRules(int port, SessionMode mode, bool auth)
    {
        var source = $$"""
            using TypedMail;

            public static class Configuration
            {
                public static SmtpSettings Create() => new SmtpSettings { Host = "relay.example.com", Port = {{port}}, Mode = SessionMode.{{mode}}{{(auth ? ", UserName = \"user\"" : "")}} };
            }
            """;
        await AssertAgreement(source, SmtpRules.Check(port, mode, auth, 30));
    }

    [Theory]
    [MemberData(nameof(Triples))]
    public async Task FacadeCalls_AgreeWithSmtpRules(int port, SessionMode mode, bool auth)
    {
        var protocol = mode == SessionMode.ImplicitTls ? 12 : 2;
        var source = $$"""
            using static TypedMail.InternetCommands;

            public static class Mailer
            {
                public static void Run(string password)
                {
                    IT_SetPort({{protocol}}, {{port}});
                    SMTP_New(out var smtpId);
                    {{(auth ? "SMTP_Auth(smtpId, \"user\", password);" : "")}}
                    SMTP_Send(smtpId, {{(int)mode}});
                }
            }
            """;
        await AssertAgreement(source, SmtpRules.Check(port, mode, auth));
    }

    private static async Task AssertAgreement(string source, IReadOnlyList<RuleViolation> expected)
    {
        var diagnostics = await Compiled.AnalyzeAsync(source);
        var actualIds = diagnostics.Select(d => d.Id).OrderBy(id => id).ToList();
        var expectedIds = expected.Select(v => v.Id).OrderBy(id => id).ToList();
        Assert.Equal(expectedIds, actualIds);
        foreach (var violation in expected)
        {
            Assert.Contains(diagnostics, d => d.Id == violation.Id && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture) == violation.Message);
        }
    }
}
