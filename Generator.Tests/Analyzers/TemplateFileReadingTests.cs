extern alias analyzers;

using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using analyzers::TypedMail.Analyzers.Messages;

namespace TypedMail.Generator.Tests.Analyzers;

/// <summary>How often the analyzers read the project's AdditionalFiles: every item is a candidate layout or partial of every message class.</summary>
public sealed class TemplateFileReadingTests
{
    [Fact]
    public async Task AdditionalFiles_AreReadOncePerCompilation_NotOncePerMessageClass()
    {
        var source = string.Concat(Enumerable.Range(0, 3).Select(i => $$"""
            namespace Shop.Mail{{i}}
            {
                [TypedMail.MailMessage(From = "shop@example.com", Subject = "Hi")]
                [TypedMail.TextBody(File = "Mail/offer.txt")]
                public partial class Offer
                {
                    [TypedMail.To] public string Email { get; init; } = "";
                    public string Name { get; init; } = "";
                }
            }

            """));
        var compilation = CSharpCompilation.Create("Analyzed", [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest))],
            Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>().Concat(Compiled.RuntimeReferences),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var files = new[] { new CountingText("/project/Mail/offer.txt", "Dear {{Name}},"), new CountingText("/project/Mail/other.txt", "unrelated") };

        var diagnostics = await compilation
            .WithAnalyzers([new MailMessageAnalyzer()], new AnalyzerOptions([.. files]))
            .GetAnalyzerDiagnosticsAsync();

        Assert.Empty(diagnostics);   // the three bodies found their file and used Name
        Assert.All(files, file => Assert.Equal(1, file.Reads));
    }

    private sealed class CountingText(string path, string text) : AdditionalText
    {
        private int reads;

        public int Reads => reads;

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref reads);
            return SourceText.From(text);
        }
    }
}
