using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.RegularExpressions;

namespace TypedMail.Generator.Tests.Build;

/// <summary>
/// The packages of DESIGN.md, as <c>dotnet pack TypedMail.sln</c> makes them: exactly TypedMail, TypedMail.Testing,
/// TypedMail.Mailbox, TypedMail.Outbox and TypedMail.Outbox.PostgreSql, each with its symbols package and full metadata; TypedMail with the runtime in lib/ and the
/// generator, analyzers and code fixes in analyzers/dotnet/roslyn4.14/cs, none of them a package dependency.
/// </summary>
[Collection(DotnetCli.Collection)]
public sealed class PackageLayoutTests(PackedFeed feed)
{
    private static readonly string[] Packages = ["TypedMail", "TypedMail.Mailbox", "TypedMail.Outbox", "TypedMail.Outbox.PostgreSql", "TypedMail.Testing"];

    [Fact]
    public void DotnetPack_MakesExactlyThePackagesAndTheirSymbols_WithoutWarnings()
    {
        Assert.True(feed.ExitCode == 0, feed.Log);
        Assert.DoesNotMatch(new Regex(@"\bwarning\b", RegexOptions.IgnoreCase), feed.Log);
        var files = feed.Directory.GetFiles().Select(f => f.Name).Order(StringComparer.Ordinal).ToArray();
        var expected = Packages.SelectMany(id => new[] { $"{id}.{feed.Version}.nupkg", $"{id}.{feed.Version}.snupkg" }).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(expected, files);
    }

    [Fact]
    public void TypedMail_ShipsTheRuntimeInLibAndTheRoslynComponentsUnderTheirRoslynVersion()
    {
        using var archive = ZipFile.OpenRead(feed.PackageOf("TypedMail"));
        var entries = archive.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("lib/netstandard2.0/TypedMail.dll", entries);
        Assert.Contains("lib/net10.0/TypedMail.dll", entries);
        Assert.Contains("lib/net10.0/TypedMail.xml", entries);
        Assert.Contains("analyzers/dotnet/roslyn4.14/cs/TypedMail.Generator.dll", entries);
        Assert.Contains("analyzers/dotnet/roslyn4.14/cs/TypedMail.Analyzers.dll", entries);
        Assert.Contains("analyzers/dotnet/roslyn4.14/cs/TypedMail.Analyzers.CodeFixes.dll", entries);
        Assert.Contains("build/TypedMail.targets", entries);
        Assert.Contains("buildTransitive/TypedMail.targets", entries);
        // Only under the Roslyn version: an older compiler must skip them rather than load them.
        Assert.DoesNotContain(entries, e => e.StartsWith("analyzers/dotnet/cs/", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal) && (e.Contains("Generator", StringComparison.Ordinal) || e.Contains("Analyzers", StringComparison.Ordinal)));

        var manifest = Manifest(archive);
        Assert.Contains("id=\"MailKit\"", manifest, StringComparison.Ordinal);
        Assert.DoesNotContain("TypedMail.Generator", manifest, StringComparison.Ordinal);
        Assert.DoesNotContain("TypedMail.Analyzers", manifest, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("TypedMail")]
    [InlineData("TypedMail.Testing")]
    [InlineData("TypedMail.Mailbox")]
    [InlineData("TypedMail.Outbox")]
    [InlineData("TypedMail.Outbox.PostgreSql")]
    public void EveryPackage_CarriesTheMetadataPeopleLookFor(string id)
    {
        using var archive = ZipFile.OpenRead(feed.PackageOf(id));
        var entries = archive.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
        var manifest = Manifest(archive);
        Assert.Contains("<license type=\"expression\">MIT</license>", manifest, StringComparison.Ordinal);
        Assert.Contains("<projectUrl>https://github.com/typedmail/typedmail</projectUrl>", manifest, StringComparison.Ordinal);
        Assert.Matches("<repository type=\"git\" url=\"https://github.com/typedmail/typedmail\"[^>]* commit=\"[0-9a-f]{40}\"", manifest);
        Assert.Matches("<tags>[^<]*smtp[^<]*</tags>", manifest);
        Assert.Matches("<releaseNotes>[^<]{20,}</releaseNotes>", manifest);
        Assert.Matches("<description>[^<]{40,}</description>", manifest);
        Assert.Contains("<icon>icon.png</icon>", manifest, StringComparison.Ordinal);
        Assert.Contains("icon.png", entries);
        Assert.Contains($"<readme>{id}.md</readme>", manifest, StringComparison.Ordinal);
        using var readme = new StreamReader(archive.GetEntry($"{id}.md")!.Open());
        Assert.StartsWith($"# {id}\n", readme.ReadToEnd().ReplaceLineEndings("\n"), StringComparison.Ordinal);
        // TypedMail.Mailbox is the typedmail-mailbox tool, which carries the Mailbox library beside it.
        Assert.Contains(id == "TypedMail.Mailbox" ? "tools/net10.0/any/TypedMail.Mailbox.dll" : $"lib/net10.0/{id}.dll", entries);
    }

    [Theory]
    [InlineData("TypedMail.Testing")]
    [InlineData("TypedMail.Outbox")]
    public void CompanionPackages_DependOnTypedMailOfTheSameVersion(string id)
    {
        using var archive = ZipFile.OpenRead(feed.PackageOf(id));
        Assert.Contains($"<dependency id=\"TypedMail\" version=\"{feed.Version}\"", Manifest(archive), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("TypedMail", "lib/net10.0/TypedMail.pdb")]
    [InlineData("TypedMail.Testing", "lib/net10.0/TypedMail.Testing.pdb")]
    [InlineData("TypedMail.Mailbox", "tools/net10.0/any/TypedMail.Mailbox.pdb")]
    [InlineData("TypedMail.Outbox", "lib/net10.0/TypedMail.Outbox.pdb")]
    [InlineData("TypedMail.Outbox.PostgreSql", "lib/net10.0/TypedMail.Outbox.PostgreSql.pdb")]
    public void SymbolsPackage_HoldsPdbsThatSourceLinkMapsToGitHub(string id, string pdb)
    {
        var symbols = Path.ChangeExtension(feed.PackageOf(id), ".snupkg");
        using var archive = ZipFile.OpenRead(symbols);
        var entry = archive.GetEntry(pdb);
        Assert.True(entry is not null, $"{pdb} is not in {Path.GetFileName(symbols)}: {string.Join(", ", archive.Entries.Select(e => e.FullName))}");
        using var stream = new MemoryStream();
        using (var pdbStream = entry.Open())
        {
            pdbStream.CopyTo(stream);
        }

        // The SourceLink JSON is stored as UTF-8 inside the portable PDB.
        var text = System.Text.Encoding.UTF8.GetString(stream.ToArray());
        Assert.Matches(@"https://raw\.githubusercontent\.com/typedmail/typedmail/[0-9a-f]{40}/\*", text);
    }

    private static string Manifest(ZipArchive archive)
    {
        using var nuspec = new StreamReader(archive.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
        return nuspec.ReadToEnd();
    }
}
