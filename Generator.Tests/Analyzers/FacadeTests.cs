using System.Threading.Tasks;

namespace TypedMail.Generator.Tests.Analyzers;

/// <summary>Calls of the 4D facade and of the message reference inside one method body.</summary>
public sealed class FacadeTests
{
    private static Task Verify(string body) => AnalyzerTest.VerifyAsync($$"""
        using TypedMail;
        using static TypedMail.InternetCommands;

        public static class Mailer
        {
            public static void Run(string user, string password, int mode)
            {
                {{body}}
            }
        }
        """);

    /// <summary>The seed's second example ported to the facade: only TM0005 (info) and TM0012.</summary>
    [Fact]
    public Task SeedSecondExample_ReportsOnlyTM0005AndTM0012() => Verify("""
        IT_SetPort(2, 587);
        SMTP_New(out var smtpId);
        SMTP_Host(smtpId, "exchange.example.com");
        SMTP_From(smtpId, "user@example.com");
        SMTP_To(smtpId, "someone@example.com");
        SMTP_Subject(smtpId, "STARTTLS test");
        SMTP_Body(smtpId, "Sent with STARTTLS");
        SMTP_Auth(smtpId, "user@example.com", {|TM0012:"password"|}, 2);   // LOGIN
        {|TM0005:SMTP_Send(smtpId, 0)|};
        SMTP_Clear(ref smtpId);
        """);

    [Fact]
    public Task SeedSecondExampleWithoutAuth_ReportsTM0001OnSend() => Verify("""
        IT_SetPort(2, 587);
        SMTP_New(out var smtpId);
        SMTP_Host(smtpId, "exchange.example.com");
        SMTP_From(smtpId, "user@example.com");
        SMTP_To(smtpId, "someone@example.com");
        SMTP_Subject(smtpId, "STARTTLS test");
        SMTP_Body(smtpId, "Sent with STARTTLS");
        {|TM0001:SMTP_Send(smtpId, 0)|};
        SMTP_Clear(ref smtpId);
        """);

    [Fact]
    public Task SeedSecondExampleOnPort25_ReportsTM0002OnSend() => Verify("""
        IT_SetPort(2, 25);
        SMTP_New(out var smtpId);
        SMTP_Host(smtpId, "exchange.example.com");
        SMTP_From(smtpId, "user@example.com");
        SMTP_To(smtpId, "someone@example.com");
        SMTP_Subject(smtpId, "STARTTLS test");
        SMTP_Body(smtpId, "Sent with STARTTLS");
        SMTP_Auth(smtpId, "user@example.com", {|TM0012:"password"|}, 2);   // LOGIN
        {|TM0002:{|TM0005:SMTP_Send(smtpId, 0)|}|};
        SMTP_Clear(ref smtpId);
        """);

    [Fact]
    public Task OrderDoesNotMatter_AuthAfterSendStillCounts() => Verify("""
        SMTP_New(out var smtpId);
        {|TM0005:SMTP_Send(smtpId)|};
        SMTP_Auth(smtpId, user, password);
        IT_SetPort(2, 587);
        """);

    [Fact]
    public Task EmptyUser_IsNoAuthentication() => Verify("""
        IT_SetPort(2, 587);
        SMTP_New(out var smtpId);
        SMTP_Auth(smtpId, "", "");
        {|TM0001:SMTP_Send(smtpId, 0)|};
        """);

    [Fact]
    public Task ImplicitTlsUsesProtocol12Port_ReportsTM0003() => Verify("""
        IT_SetPort(2, 587);
        IT_SetPort(12, 25);
        SMTP_New(out var smtpId);
        SMTP_Auth(smtpId, user, password);
        {|TM0003:SMTP_Send(smtpId, 1)|};
        """);

    [Fact]
    public Task NeverTlsWithCredentials_ReportsTM0004() => Verify("""
        IT_SetPort(2, 2525);
        SMTP_New(out var smtpId);
        SMTP_Auth(smtpId, user, password);
        {|TM0004:SMTP_Send(smtpId, 2)|};
        """);

    [Fact]
    public Task PortOutOfRange_ReportsTM0013OnSend() => Verify("""
        IT_SetPort(2, 70000);
        SMTP_New(out var smtpId);
        {|TM0013:SMTP_Send(smtpId, 2)|};
        """);

    [Fact]
    public Task TimeoutOutOfRange_ReportsTM0013OnTheArgument() => Verify("""
        IT_SetTimeOut({|TM0013:500|});
        """);

    [Fact]
    public Task QuickSendHtmlOnSubmissionPortWithoutUser_ReportsTM0001() => Verify("""
        {|TM0001:SMTP_QuickSend("exchange.example.com", "a@example.com", "b@example.com", "Hi", "Body", 4, 587)|};
        """);

    [Fact]
    public Task QuickSendLiteralPassword_ReportsTM0012() => Verify("""
        SMTP_QuickSend("smtp.example.com", "a@example.com", "b@example.com", "Hi", "Body", 1, 465, "me", {|TM0012:"secret"|});
        """);

    [Fact]
    public Task InvalidAddressLiterals_ReportTM0006() => Verify("""
        SMTP_New(out var smtpId);
        SMTP_From(smtpId, {|TM0006:"user.example.com"|});
        SMTP_To(smtpId, {|TM0006:"a@b@example.com"|});
        SMTP_Cc(smtpId, {|TM0006:"john doe@example.com"|});
        SMTP_Bcc(smtpId, {|TM0006:"\"unclosed@example.com"|});
        SMTP_Sender(smtpId, {|TM0006:"user@example.com."|});
        """);

    [Fact]
    public Task LineBreaksInHeaders_ReportTM0014() => Verify("""
        SMTP_New(out var smtpId);
        SMTP_Subject(smtpId, {|TM0014:"Hello\r\nBcc: victim@example.com"|});
        SMTP_AddHeader(smtpId, "X-Campaign", {|TM0014:"spring\nsale"|});
        SMTP_Comments(smtpId, {|TM0014:"a\rb"|});
        SMTP_To(smtpId, {|TM0014:"\"Evil\r\nBcc: x@example.com\" <a@example.com>"|});
        """);

    [Fact]
    public Task MessageReference_ReportsAddressHeaderSecretAndRules() => Verify("""
        using var message = new SmtpMessage();
        message.SetFrom({|TM0006:"nobody"|});
        message.SetSubject({|TM0014:"a\nb"|});
        message.AddHeader("X-Tag", {|TM0014:"c\r\nd"|});
        message.Host = "exchange.example.com";
        message.Port = 25;
        message.SetAuth("user@example.com", {|TM0012:"password"|}, AuthMode.Login);
        {|TM0002:message.Send(SessionMode.RequireStartTls)|};
        """);

    [Fact]
    public Task MessageReferenceInitializer_IsJudgedToo() => Verify("""
        using var message = new SmtpMessage { Host = "exchange.example.com", Port = 587, TimeoutSeconds = {|TM0013:500|} };
        {|TM0001:message.SendAsync(SessionMode.Upgradable)|};
        """);

    [Fact]
    public Task ValuesKnownOnlyAtRunTime_AreSilent() => Verify("""
        SMTP_New(out var smtpId);
        SMTP_From(smtpId, user);
        SMTP_Subject(smtpId, password);
        SMTP_Auth(smtpId, user, password, 2);
        SMTP_Send(smtpId, mode);
        IT_SetTimeOut(0);
        """);

    [Fact]
    public Task ValidAddressForms_AreSilent() => Verify("""
        SMTP_New(out var smtpId);
        SMTP_From(smtpId, "\"Tarlick, Herb\" <herb@wkrp.com>");
        SMTP_To(smtpId, "\"john doe\"@example.com, jos\u00e9@b\u00fccher.example; a@[192.168.0.1]");
        SMTP_Cc(smtpId, "");
        SMTP_Subject(smtpId, "Tr\u00e8s bien");
        """);
}
