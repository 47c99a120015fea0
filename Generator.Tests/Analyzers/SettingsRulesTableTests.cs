using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;

namespace TypedMail.Generator.Tests.Analyzers;

/// <summary>
/// The settings rules (TM0001–TM0005, TM0013) against a table written by hand from DESIGN.md's diagnostics table and its
/// definitions of "STARTTLS mode" and "Authentication configured", not computed by the code under test. Each row is
/// checked on the runtime's <see cref="SmtpRules"/> (directly and through <see cref="SmtpSettings.HasCredentials"/>) and
/// on the analyzers at the three places settings are written: <c>[SmtpServer]</c>, an <c>SmtpSettings</c> initializer
/// and the 4D facade; also with an AUTH mode but no user (settings) or an empty user (facade), which DESIGN.md says is
/// not authentication, and with <c>Auth = AuthMode.Default</c> written out (given, so configured).
/// </summary>
public sealed class SettingsRulesTableTests
{
    // How each row was derived (DESIGN.md): a port left out or 0 is the mode's default (Upgradable 25, ImplicitTls 465,
    // NeverTls 25, RequireStartTls 587). STARTTLS mode = RequireStartTls, or Upgradable with authentication or on 587.
    // TM0001 STARTTLS mode without authentication; TM0002 STARTTLS mode on 25; TM0003 ImplicitTls on 25/587 or a
    // plain-start mode (Upgradable, NeverTls, RequireStartTls) on 465; TM0004 authentication with NeverTls; TM0005
    // authentication with Upgradable; TM0013 port outside 1..65535 (70000 is no port, so no port rule applies to it).
    private const string Table = """
        port   mode             auth  expected
        0      Upgradable       no    -
        0      Upgradable       yes   TM0002 TM0005
        0      ImplicitTls      no    -
        0      ImplicitTls      yes   -
        0      NeverTls         no    -
        0      NeverTls         yes   TM0004
        0      RequireStartTls  no    TM0001
        0      RequireStartTls  yes   -
        25     Upgradable       no    -
        25     Upgradable       yes   TM0002 TM0005
        25     ImplicitTls      no    TM0003
        25     ImplicitTls      yes   TM0003
        25     NeverTls         no    -
        25     NeverTls         yes   TM0004
        25     RequireStartTls  no    TM0001 TM0002
        25     RequireStartTls  yes   TM0002
        465    Upgradable       no    TM0003
        465    Upgradable       yes   TM0003 TM0005
        465    ImplicitTls      no    -
        465    ImplicitTls      yes   -
        465    NeverTls         no    TM0003
        465    NeverTls         yes   TM0003 TM0004
        465    RequireStartTls  no    TM0001 TM0003
        465    RequireStartTls  yes   TM0003
        587    Upgradable       no    TM0001
        587    Upgradable       yes   TM0005
        587    ImplicitTls      no    TM0003
        587    ImplicitTls      yes   TM0003
        587    NeverTls         no    -
        587    NeverTls         yes   TM0004
        587    RequireStartTls  no    TM0001
        587    RequireStartTls  yes   -
        2525   Upgradable       no    -
        2525   Upgradable       yes   TM0005
        2525   ImplicitTls      no    -
        2525   ImplicitTls      yes   -
        2525   NeverTls         no    -
        2525   NeverTls         yes   TM0004
        2525   RequireStartTls  no    TM0001
        2525   RequireStartTls  yes   -
        70000  Upgradable       no    TM0013
        70000  Upgradable       yes   TM0005 TM0013
        70000  ImplicitTls      no    TM0013
        70000  ImplicitTls      yes   TM0013
        70000  NeverTls         no    TM0013
        70000  NeverTls         yes   TM0004 TM0013
        70000  RequireStartTls  no    TM0001 TM0013
        70000  RequireStartTls  yes   TM0013
        """;

    public static IEnumerable<object[]> Rows() =>
        Table.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Skip(1)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(cells => new object[] { int.Parse(cells[0]), Enum.Parse<SessionMode>(cells[1]), cells[2] == "yes", string.Join(' ', cells.Skip(3)) });

    [Fact]
    public void TheTableCoversEveryPortModeAndAuthOnce()
    {
        var keys = Rows().Select(r => ((int)r[0], (SessionMode)r[1], (bool)r[2])).ToList();
        Assert.Equal(6 * 4 * 2, keys.Count);
        Assert.Equal(keys.Count, keys.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Runtime_SmtpRules_MatchTheTable(int port, SessionMode mode, bool auth, string expected)
    {
        Assert.Equal(Ids(expected), SmtpRules.Check(port, mode, auth).Select(v => v.Id).Order(StringComparer.Ordinal));

        // Authentication configured on SmtpSettings = a non-empty UserName; an AUTH mode alone is not.
        var settings = new SmtpSettings { Host = "relay.example.com", Port = port, Mode = mode, Auth = AuthMode.Login, UserName = auth ? "user" : null, Password = auth ? "secret" : null };
        Assert.Equal(Ids(expected), SmtpRules.Check(settings.Port, settings.Mode, settings.HasCredentials).Select(v => v.Id).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Analyzers_OnSmtpServer_MatchTheTable(int port, SessionMode mode, bool auth, string expected)
    {
        await AssertIds(expected, $$"""
            using TypedMail;

            [SmtpServer("relay.example.com", Port = {{port}}, Mode = SessionMode.{{mode}}{{(auth ? ", Auth = AuthMode.Login" : "")}})]
            public partial class Relay;
            """);
        if (auth)
        {
            // "The Auth argument is given": even its default value, written out, configures authentication.
            await AssertIds(expected, $$"""
                using TypedMail;

                [SmtpServer("relay.example.com", Port = {{port}}, Mode = SessionMode.{{mode}}, Auth = AuthMode.Default)]
                public partial class Relay;
                """);
        }
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Analyzers_OnSmtpSettings_MatchTheTable(int port, SessionMode mode, bool auth, string expected)
    {
        // An AUTH mode is written in both cases: only the user name configures authentication.
        await AssertIds(expected, $$"""
            using TypedMail;

            public static class Configuration
            {
                public static SmtpSettings Create() => new SmtpSettings { Host = "relay.example.com", Port = {{port}}, Mode = SessionMode.{{mode}}, Auth = AuthMode.Login{{(auth ? ", UserName = \"user\"" : "")}} };
            }
            """);
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Analyzers_OnTheFacade_MatchTheTable(int port, SessionMode mode, bool auth, string expected)
    {
        // Authentication configured = SMTP_Auth with a non-empty user; an empty user is none.
        var protocol = mode == SessionMode.ImplicitTls ? 12 : 2;
        await AssertIds(expected, $$"""
            using static TypedMail.InternetCommands;

            public static class Mailer
            {
                public static void Run(string password)
                {
                    IT_SetPort({{protocol}}, {{port}});
                    SMTP_New(out var smtpId);
                    SMTP_Auth(smtpId, "{{(auth ? "user" : "")}}", password);
                    SMTP_Send(smtpId, {{(int)mode}});
                }
            }
            """);
    }

    private static IEnumerable<string> Ids(string expected) =>
        expected == "-" ? [] : expected.Split(' ').Order(StringComparer.Ordinal);

    private static async Task AssertIds(string expected, string source)
    {
        var diagnostics = await Compiled.AnalyzeAsync(source);
        Assert.Equal(Ids(expected), diagnostics.Select(d => d.Id).Order(StringComparer.Ordinal));
    }
}
