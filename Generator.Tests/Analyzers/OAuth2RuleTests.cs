using System.Threading.Tasks;

namespace TypedMail.Generator.Tests.Analyzers;

/// <summary>OAuth2 counts as authentication for the settings rules, and a token provider is not a secret literal.</summary>
public sealed class OAuth2RuleTests
{
    private static Task Verify(string body) => AnalyzerTest.VerifyAsync($$"""
        using System.Threading;
        using System.Threading.Tasks;
        using TypedMail;

        public static class Configuration
        {
            public static SmtpSettings Create(string user, System.Func<CancellationToken, Task<string>> tokens)
            {
                {{body}}
            }
        }
        """);

    [Fact]
    public Task RequireStartTlsWithATokenProvider_SatisfiesTM0001_AndIsNoTM0012() =>
        Verify("return new SmtpSettings { Host = \"smtp.office365.com\", Port = 587, Mode = SessionMode.RequireStartTls, Auth = AuthMode.OAuth2, UserName = user, AccessTokenProvider = tokens };");

    [Fact]
    public Task RequireStartTlsWithOnlyATokenProvider_SatisfiesTM0001() =>
        Verify("return new SmtpSettings { Host = \"smtp.gmail.com\", Mode = SessionMode.RequireStartTls, AccessTokenProvider = ct => tokens(ct) };");

    [Fact]
    public Task RequireStartTlsWithOAuth2Asked_SatisfiesTM0001() =>
        Verify("return new SmtpSettings { Host = \"smtp.gmail.com\", Mode = SessionMode.RequireStartTls, Auth = AuthMode.OAuth2 };");

    [Fact]
    public Task RequireStartTlsWithAnotherAuthModeAndNoUser_StillReportsTM0001() =>
        Verify("return new SmtpSettings { Host = \"smtp.gmail.com\", Mode = {|TM0001:SessionMode.RequireStartTls|}, Auth = AuthMode.Login };");

    [Fact]
    public Task SmtpServerWithOAuth2_SatisfiesTM0001() => AnalyzerTest.VerifyAsync("""
        using TypedMail;

        [SmtpServer("smtp.office365.com", Port = 587, Mode = SessionMode.RequireStartTls, Auth = AuthMode.OAuth2)]
        public partial class Office365;
        """);
}
