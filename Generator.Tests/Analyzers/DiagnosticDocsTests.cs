using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace TypedMail.Generator.Tests.Analyzers;

/// <summary>The docs, the release tracking file and the descriptors tell the same story.</summary>
public sealed class DiagnosticDocsTests
{
    private static readonly Regex ShippedRow = new(@"^(TM\d{4})\s*\|\s*([^|]+?)\s*\|\s*(\w+)\s*\|\s*(.+?)\s*$", RegexOptions.Multiline);
    private static readonly Regex ReadmeRow = new(@"^\|\s*\[(TM\d{4})\]\((TM\d{4})\.md\)\s*\|\s*(\w+)\s*\|\s*([^|]+?)\s*\|\s*([^|]+?)\s*\|", RegexOptions.Multiline);

    /// <summary>Every rule of the release tracking files: the analyzers' (shipped and unshipped) and the generator's (TM0099).</summary>
    private static List<(string Id, string Category, string Severity, string Title)> Shipped() =>
        new[]
        {
            RepositoryFiles.PathOf("Analyzers", "TypedMail.Analyzers", "AnalyzerReleases.Shipped.md"),
            RepositoryFiles.PathOf("Analyzers", "TypedMail.Analyzers", "AnalyzerReleases.Unshipped.md"),
            RepositoryFiles.PathOf("Generator", "AnalyzerReleases.Unshipped.md"),
        }
            .SelectMany(path => ShippedRow.Matches(File.ReadAllText(path)))
            .Select(m => (m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value, m.Groups[4].Value))
            .OrderBy(r => r.Item1, System.StringComparer.Ordinal)
            .ToList();

    /// <summary>The analyzers' descriptors and the generator's own (TM0099).</summary>
    private static List<DiagnosticDescriptor> Descriptors() =>
        AllAnalyzers.Create().SelectMany(a => a.SupportedDiagnostics).Append(InternalError.Descriptor)
            .GroupBy(d => d.Id).Select(g => g.First()).OrderBy(d => d.Id).ToList();

    private static readonly string[] AllIds = Enumerable.Range(1, 24).Select(i => $"TM{i:0000}").Append("TM0099").ToArray();

    [Fact]
    public void ReadmeTable_MatchesAnalyzerReleasesShipped()
    {
        var rows = ReadmeRow.Matches(File.ReadAllText(RepositoryFiles.PathOf("docs", "diagnostics", "README.md"))).ToList();
        Assert.All(rows, m => Assert.Equal(m.Groups[1].Value, m.Groups[2].Value));   // each ID links to its own page
        var readme = rows.Select(m => (m.Groups[1].Value, m.Groups[4].Value, m.Groups[3].Value, m.Groups[5].Value)).ToList();
        var shipped = Shipped();
        Assert.Equal(AllIds.Length, shipped.Count);
        Assert.Equal(shipped, readme);
    }

    [Fact]
    public void Descriptors_MatchAnalyzerReleasesShipped()
    {
        var fromDescriptors = Descriptors()
            .Select(d => (d.Id, d.Category, d.DefaultSeverity.ToString(), d.Title.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
        Assert.Equal(Shipped(), fromDescriptors);
    }

    [Fact]
    public void EveryDescriptor_HasItsPageAndLink()
    {
        var ids = Descriptors().Select(d => d.Id).ToList();
        Assert.Equal(AllIds, ids);
        foreach (var descriptor in Descriptors())
        {
            Assert.Equal($"https://github.com/typedmail/typedmail/blob/main/docs/diagnostics/{descriptor.Id}.md", descriptor.HelpLinkUri);
            Assert.True(descriptor.IsEnabledByDefault);
            var page = File.ReadAllText(RepositoryFiles.PathOf("docs", "diagnostics", descriptor.Id + ".md"));
            Assert.StartsWith($"# {descriptor.Id}: {descriptor.Title}", page);
            Assert.Contains("## Bad", page);
            Assert.Contains("## Good", page);
            Assert.Contains("## How to fix", page);
            Assert.Contains($"#pragma warning disable {descriptor.Id}", page);
            Assert.Contains($"dotnet_diagnostic.{descriptor.Id}.severity", page);
        }
    }

    [Theory]
    [InlineData("TM0001", DiagnosticSeverity.Error)]
    [InlineData("TM0002", DiagnosticSeverity.Error)]
    [InlineData("TM0003", DiagnosticSeverity.Warning)]
    [InlineData("TM0004", DiagnosticSeverity.Warning)]
    [InlineData("TM0005", DiagnosticSeverity.Info)]
    [InlineData("TM0006", DiagnosticSeverity.Error)]
    [InlineData("TM0007", DiagnosticSeverity.Error)]
    [InlineData("TM0008", DiagnosticSeverity.Warning)]
    [InlineData("TM0009", DiagnosticSeverity.Error)]
    [InlineData("TM0010", DiagnosticSeverity.Error)]
    [InlineData("TM0011", DiagnosticSeverity.Error)]
    [InlineData("TM0012", DiagnosticSeverity.Warning)]
    [InlineData("TM0013", DiagnosticSeverity.Error)]
    [InlineData("TM0014", DiagnosticSeverity.Error)]
    [InlineData("TM0015", DiagnosticSeverity.Error)]
    [InlineData("TM0016", DiagnosticSeverity.Error)]
    [InlineData("TM0017", DiagnosticSeverity.Warning)]
    [InlineData("TM0018", DiagnosticSeverity.Error)]
    [InlineData("TM0019", DiagnosticSeverity.Error)]
    [InlineData("TM0020", DiagnosticSeverity.Error)]
    [InlineData("TM0023", DiagnosticSeverity.Error)]
    [InlineData("TM0024", DiagnosticSeverity.Warning)]
    [InlineData("TM0099", DiagnosticSeverity.Warning)]
    public void DefaultSeverity_IsDesignsTable(string id, DiagnosticSeverity severity) =>
        Assert.Equal(severity, Descriptors().Single(d => d.Id == id).DefaultSeverity);

    // TM0018.md once listed struct, record struct and interface messages, which the compiler refuses first (CS0592):
    // the page names as TM0018 reasons only the declarations the attributes' AttributeUsage lets through.
    [Theory]
    [InlineData("MailMessage", "struct")]
    [InlineData("MailMessage", "record struct")]
    [InlineData("MailMessage", "interface")]
    [InlineData("SmtpServer(\"smtp.example.com\")", "struct")]
    [InlineData("SmtpServer(\"smtp.example.com\")", "interface")]
    public void Tm0018Page_ListsNoDeclarationTheAttributeRefuses(string attribute, string declaration)
    {
        var source = $"using TypedMail; [{attribute}] public partial {declaration} Refused {{ }}";
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
            "Refused",
            [Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(source)],
            Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>().Concat(Compiled.RuntimeReferences),
            new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Contains(compilation.GetDiagnostics(), d => d.Id == "CS0592");

        var page = File.ReadAllText(RepositoryFiles.PathOf("docs", "diagnostics", "TM0018.md"));
        var reasons = page.Split('\n').Where(line => line.StartsWith("| it is", System.StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(reasons);
        Assert.DoesNotContain(reasons, line => Regex.IsMatch(line, $@"\b(a|an) {declaration}\b"));
        Assert.Contains("CS0592", page, System.StringComparison.Ordinal);
    }
}
