using System.Threading.Tasks;

namespace TypedMail.Generator.Tests.Analyzers;

/// <summary>The settings rules and TM0012 on <c>SmtpSettings</c> object initializers.</summary>
public sealed class SmtpSettingsTests
{
    private static Task Verify(string body) => AnalyzerTest.VerifyAsync($$"""
        using TypedMail;

        public static class Configuration
        {
            public static SmtpSettings Create(string user, string password, SessionMode mode)
            {
                {{body}}
            }
        }
        """);

    [Fact]
    public Task RequireStartTlsWithoutUser_ReportsTM0001() =>
        Verify("return new SmtpSettings { Host = \"h\", Mode = {|TM0001:SessionMode.RequireStartTls|} };");

    [Fact]
    public Task StartTlsOnPort25_ReportsTM0002() =>
        Verify("return new SmtpSettings { Host = \"h\", Port = {|TM0002:25|}, Mode = SessionMode.RequireStartTls, UserName = user, Password = password };");

    [Fact]
    public Task ImplicitTlsOn587_ReportsTM0003() =>
        Verify("return new SmtpSettings { Host = \"h\", Port = {|TM0003:587|}, Mode = SessionMode.ImplicitTls };");

    [Fact]
    public Task UserWithNeverTls_ReportsTM0004() =>
        Verify("return new SmtpSettings { Host = \"h\", Port = 2525, Mode = {|TM0004:SessionMode.NeverTls|}, UserName = user };");

    [Fact]
    public Task UserWithDefaultUpgradable_ReportsTM0002AndTM0005OnTheType() =>
        Verify("return new {|TM0002:{|TM0005:SmtpSettings|}|} { Host = \"h\", UserName = user };");

    [Fact]
    public Task TimeoutOutOfRange_ReportsTM0013() =>
        Verify("return new SmtpSettings { Host = \"h\", TimeoutSeconds = {|TM0013:0|} };");

    [Fact]
    public Task LiteralPassword_ReportsTM0012() =>
        Verify("return new SmtpSettings { Host = \"h\", Mode = SessionMode.ImplicitTls, UserName = user, Password = {|TM0012:\"hunter2\"|} };");

    [Fact]
    public Task LiteralPasswordAssignedLater_ReportsTM0012() =>
        Verify("var s = new SmtpSettings(); s.Password = {|TM0012:\"hunter2\"|}; return s;");

    [Fact]
    public Task ModeKnownOnlyAtRunTime_IsSilent() =>
        Verify("return new SmtpSettings { Host = \"h\", Port = 25, Mode = mode, UserName = user };");

    [Fact]
    public Task SecureSettingsFromParameters_AreSilent() =>
        Verify("return new SmtpSettings { Host = \"h\", Port = 587, Mode = SessionMode.RequireStartTls, UserName = user, Password = password, TimeoutSeconds = 60 };");
}
