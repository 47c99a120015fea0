using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using TypedMail.Generator.Tests.Analyzers;

namespace TypedMail.Generator.Tests.Build;

/// <summary>
/// The one NuGet package of DESIGN.md: the runtime in lib/, and the generator, analyzers and code fixes together in
/// analyzers/dotnet/cs (so users get the squiggles with the runtime), and none of them as a package dependency.
/// </summary>
[Collection(DotnetCli.Collection)]
public sealed class PackageLayoutTests
{
    [Fact]
    public void DotnetPack_ShipsTheRuntimeInLibAndTheRoslynComponentsInAnalyzers()
    {
        var output = Directory.CreateTempSubdirectory("typedmail-pack-");
        try
        {
            // The generator and analyzers were built with this test project; pack must not rebuild them under other tests.
            var (exitCode, log) = DotnetCli.Run(TimeSpan.FromMinutes(5),
                "pack", RepositoryFiles.PathOf("Runtime", "TypedMail.csproj"), "-c", DotnetCli.Configuration, "-o", output.FullName,
                "-p:BuildProjectReferences=false", "--disable-build-servers", "-tl:off", "-nologo");
            Assert.True(exitCode == 0, log);

            var package = Assert.Single(output.GetFiles("TypedMail.*.nupkg"));
            using var archive = ZipFile.OpenRead(package.FullName);
            var entries = archive.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
            Assert.Contains("lib/netstandard2.0/TypedMail.dll", entries);
            Assert.Contains("lib/net10.0/TypedMail.dll", entries);
            Assert.Contains("lib/net10.0/TypedMail.xml", entries);
            Assert.Contains("analyzers/dotnet/cs/TypedMail.Generator.dll", entries);
            Assert.Contains("analyzers/dotnet/cs/TypedMail.Analyzers.dll", entries);
            Assert.Contains("analyzers/dotnet/cs/TypedMail.Analyzers.CodeFixes.dll", entries);
            Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal) && (e.Contains("Generator", StringComparison.Ordinal) || e.Contains("Analyzers", StringComparison.Ordinal)));

            using var nuspec = new StreamReader(archive.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
            var manifest = nuspec.ReadToEnd();
            Assert.Contains("id=\"MailKit\"", manifest, StringComparison.Ordinal);
            Assert.DoesNotContain("TypedMail.Generator", manifest, StringComparison.Ordinal);
            Assert.DoesNotContain("TypedMail.Analyzers", manifest, StringComparison.Ordinal);
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }
}
