using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;

namespace TypedMail.Generator.Tests.Analyzers;

/// <summary>The settings rules, TM0012 and TM0024 on appsettings files given as AdditionalFiles, at the key's position.</summary>
public sealed class SettingsFileTests
{
    private const string Code = "public static class Program { }";

    private static Task Verify(params (string Name, string Json)[] files)
    {
        var test = new AnalyzerTest(Code);
        foreach (var file in files)
        {
            test.TestState.AdditionalFiles.Add((file.Name, file.Json));
        }

        return test.RunAsync();
    }

    [Fact]
    public Task StartTlsWithoutAuthentication_ReportsTM0001AtMode() =>
        Verify(("appsettings.json", """
            {
              "TypedMail": { "Host": "h", "Port": 587, {|TM0001:"Mode"|}: "RequireStartTls" }
            }
            """));

    [Fact]
    public Task AuthModeAndUserNameWithoutPassword_CountAsAuthentication() =>
        Verify(("appsettings.json", """
            { "TypedMail": { "Host": "h", "Port": 587, "Mode": "requirestarttls", "Auth": "Login", "UserName": "u" } }
            """));

    [Fact]
    public Task StartTlsOnPort25_ReportsTM0002AtPort_KeysCaseInsensitive() =>
        Verify(("appsettings.json", """
            { "typedmail": { "host": "h", {|TM0002:"port"|}: 25, "mode": "RequireStartTls", "username": "u" } }
            """));

    [Fact]
    public Task PasswordInFile_ReportsTM0012_EmptyPasswordIsFine() =>
        Verify(
            ("appsettings.json", """
                { "TypedMail": { "Host": "h", "Mode": "ImplicitTls", "UserName": "u", {|TM0012:"Password"|}: "hunter2" } }
                """),
            ("appsettings.Development.json", """
                { "TypedMail": { "Password": "" } }
                """));

    [Fact]
    public Task CommentsAndTrailingCommas_AreRead() =>
        Verify(("appsettings.json", """
            {
              // the mail server
              "TypedMail": {
                "Host": "h", /* submission */
                {|TM0002:"Port"|}: "25",
                "Mode": "RequireStartTls",
                "UserName": "u",
              },
            }
            """));

    [Fact]
    public Task InvalidJson_ReportsOneTM0024WhereReadingStopped() =>
        Verify(("appsettings.json", """
            { "TypedMail": { "Host": "h" {|TM0024:"|}Port": 25 } }
            """));

    [Fact]
    public Task UnclosedFile_ReportsOneTM0024AtTheEnd() =>
        new AnalyzerTest(Code)
        {
            TestState = { AdditionalFiles = { ("appsettings.json", "{ \"TypedMail\": { \"Host\": \"h\"") } },
            ExpectedDiagnostics =
            {
                new DiagnosticResult("TM0024", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning)
                    .WithSpan("appsettings.json", 1, 29, 1, 29)
                    .WithArguments("appsettings.json", "the object is not closed ('}' expected)"),
            },
        }.RunAsync();

    [Fact]
    public Task OtherJsonFiles_AreNotRead() =>
        Verify(("settings.json", "{ \"TypedMail\": { \"Port\": 25, \"Mode\": \"RequireStartTls\" }"));

    [Fact]
    public Task EnvironmentMakesItWrong_ReportedInTheEnvironmentFileAtItsKey() =>
        Verify(
            ("appsettings.json", """
                { "TypedMail": { "Host": "h", "Port": 587, "Mode": "RequireStartTls", "UserName": "u" } }
                """),
            ("appsettings.Production.json", """
                { "TypedMail": { {|TM0002:"Port"|}: 25 } }
                """));

    [Fact]
    public Task CombinationFromTwoFiles_ReportedAtTheEnvironmentSection() =>
        Verify(
            ("appsettings.json", """
                { "TypedMail": { "Host": "h", "Port": 587, "Mode": "RequireStartTls", "UserName": "u" } }
                """),
            ("appsettings.Staging.json", """
                { "TypedMail": { "Port": 465, "Mode": "ImplicitTls" } }
                """),
            ("appsettings.Production.json", """
                { {|TM0001:"TypedMail"|}: { "UserName": "" } }
                """),
            ("appsettings.Development.json", """
                { "TypedMail": { "UserName": "dev" } }
                """));
}
