using System.Threading.Tasks;

namespace TypedMail.Generator.Tests.Analyzers;

/// <summary>TM0001 to TM0005 and TM0013 on <c>[SmtpServer]</c> attributes.</summary>
public sealed class ServerSettingsTests
{
    private static Task Verify(string attribute) => AnalyzerTest.VerifyAsync($$"""
        using TypedMail;

        {{attribute}}
        public partial class Relay;
        """);

    [Fact]
    public Task RequireStartTlsWithoutAuth_ReportsTM0001OnTheMode() =>
        Verify("""[SmtpServer("exchange.example.com", Mode = {|TM0001:SessionMode.RequireStartTls|})]""");

    [Fact]
    public Task UpgradableOnSubmissionPortWithoutAuth_ReportsTM0001OnThePort() =>
        Verify("""[SmtpServer("exchange.example.com", Port = {|TM0001:587|})]""");

    [Fact]
    public Task StartTlsOnPort25_ReportsTM0002OnThePort() =>
        Verify("""[SmtpServer("exchange.example.com", Port = {|TM0002:25|}, Mode = SessionMode.RequireStartTls, Auth = AuthMode.Login)]""");

    [Fact]
    public Task UpgradableWithAuthOnDefaultPort_ReportsTM0002OnTheAttributeAndTM0005() =>
        Verify("""[{|TM0002:{|TM0005:SmtpServer|}|}("exchange.example.com", Auth = AuthMode.Login)]""");

    [Fact]
    public Task ImplicitTlsOnPort25_ReportsTM0003() =>
        Verify("""[SmtpServer("smtp.example.com", Port = {|TM0003:25|}, Mode = SessionMode.ImplicitTls)]""");

    [Fact]
    public Task NeverTlsOnPort465_ReportsTM0003() =>
        Verify("""[SmtpServer("smtp.example.com", Port = {|TM0003:465|}, Mode = SessionMode.NeverTls)]""");

    [Fact]
    public Task CredentialsWithNeverTls_ReportsTM0004OnTheMode() =>
        Verify("""[SmtpServer("localhost", Port = 2525, Mode = {|TM0004:SessionMode.NeverTls|}, Auth = AuthMode.Plain)]""");

    [Fact]
    public Task CredentialsWithUpgradable_ReportsTM0005OnTheMode() =>
        Verify("""[SmtpServer("smtp.example.com", Port = 2525, Mode = {|TM0005:SessionMode.Upgradable|}, Auth = AuthMode.Login)]""");

    [Fact]
    public Task PortOutOfRange_ReportsTM0013OnThePort() =>
        Verify("""[SmtpServer("smtp.example.com", Port = {|TM0013:70000|})]""");

    [Fact]
    public Task TimeoutOutOfRange_ReportsTM0013OnTheTimeout() =>
        Verify("""[SmtpServer("smtp.example.com", Port = 2525, TimeoutSeconds = {|TM0013:200|})]""");

    [Fact]
    public Task PlainDevelopmentServer_IsSilent() =>
        Verify("""[SmtpServer("localhost", Port = 2525)]""");

    [Fact]
    public Task ImplicitTlsWithAuth_IsSilent() =>
        Verify("""[SmtpServer("smtp.example.com", Mode = SessionMode.ImplicitTls, Auth = AuthMode.CramMd5, TimeoutSeconds = 127)]""");

    [Fact]
    public Task RequireStartTlsWithAuthOnSubmissionPort_IsSilent() =>
        Verify("""[SmtpServer("exchange.example.com", Port = 587, Mode = SessionMode.RequireStartTls, Auth = AuthMode.Login)]""");
}
