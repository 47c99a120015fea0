using System;
using System.IO;

using TypedMail.Generator.Tests.Build;

namespace TypedMail.Generator.Tests.Analyzers;

/// <summary>
/// A real <c>dotnet build</c> of <c>samples/BrokenBuild</c> (STARTTLS on port 25) fails with TM0002 at the right
/// line and prints the help link: the analyzers work in the build, not only in the test harness.
/// </summary>
[Collection(DotnetCli.Collection)]
public sealed class BrokenBuildTests
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(5);

    [Fact]
    public void DotnetBuild_FailsWithTM0002AtTheLineAndPrintsTheHelpLink()
    {
        var project = RepositoryFiles.PathOf("samples", "BrokenBuild", "BrokenBuild.csproj");
        var source = RepositoryFiles.PathOf("samples", "BrokenBuild", "CompanyRelay.cs");
        var (line, column) = PositionOf(File.ReadAllText(source), "Port = 25", "Port = ".Length);

        // The projects it references were built with this test project: do not rebuild them under the other tests' feet.
        var (exitCode, output) = DotnetCli.Run(BuildTimeout,
            "build", project, "-c", DotnetCli.Configuration, "-p:BuildProjectReferences=false", "--disable-build-servers", "-tl:off", "-nologo");

        Assert.NotEqual(0, exitCode);
        Assert.Contains($"CompanyRelay.cs({line},{column}): error TM0002:", output);
        Assert.Contains("must not start on port 25", output);
        Assert.Contains("(https://github.com/typedmail/typedmail/blob/main/docs/diagnostics/TM0002.md)", output);
    }

    private static (int Line, int Column) PositionOf(string text, string marker, int offsetInMarker)
    {
        var index = text.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(index >= 0, $"'{marker}' is no longer in the sample");
        index += offsetInMarker;
        var lineStart = text.LastIndexOf('\n', index - 1) + 1;
        var line = 1;
        for (var i = 0; i < lineStart; i++)
        {
            line += text[i] == '\n' ? 1 : 0;
        }

        return (line, index - lineStart + 1);
    }
}
