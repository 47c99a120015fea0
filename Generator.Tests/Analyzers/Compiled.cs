using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace TypedMail.Generator.Tests.Analyzers;

/// <summary>Runs every analyzer on a compilation directly, without the test harness, for table-driven checks.</summary>
internal static class Compiled
{
    /// <summary>The real TypedMail runtime and the libraries its public API mentions.</summary>
    public static readonly MetadataReference[] RuntimeReferences =
    [
        MetadataReference.CreateFromFile(typeof(SmtpSettings).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(MimeKit.MailboxAddress).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(MailKit.Net.Smtp.SmtpClient).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.Logging.ILogger).Assembly.Location),
    ];

    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(string source, string? editorConfig = null)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = new[] { CSharpSyntaxTree.ParseText(source, parse, "Source.cs") };
        var references = Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>().Concat(RuntimeReferences);
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary);
        if (editorConfig is not null)
        {
            // What the compiler does with an .editorconfig next to the sources.
            var config = AnalyzerConfig.Parse(editorConfig, "/src/.editorconfig");
            trees = trees.Select(t => t.WithFilePath("/src/" + t.FilePath)).ToArray();
            var set = AnalyzerConfigSet.Create(new[] { config });
            var provider = new ConfiguredTreeOptions(trees.ToDictionary(t => t, t => set.GetOptionsForSourcePath(t.FilePath).TreeOptions));
            options = options.WithSyntaxTreeOptionsProvider(provider);
        }

        var compilation = CSharpCompilation.Create("Analyzed", trees, references, options);
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "the source does not compile: " + string.Join("; ", errors));
        return await compilation.WithAnalyzers(AllAnalyzers.Create()).GetAnalyzerDiagnosticsAsync();
    }
}

/// <summary>Per-tree diagnostic severities read from an .editorconfig, as the compiler's own provider gives them.</summary>
internal sealed class ConfiguredTreeOptions(System.Collections.Generic.Dictionary<SyntaxTree, ImmutableDictionary<string, ReportDiagnostic>> options) : SyntaxTreeOptionsProvider
{
    public override GeneratedKind IsGenerated(SyntaxTree tree, System.Threading.CancellationToken cancellationToken) => GeneratedKind.Unknown;

    public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, System.Threading.CancellationToken cancellationToken, out ReportDiagnostic severity)
    {
        severity = default;
        return options.TryGetValue(tree, out var values) && values.TryGetValue(diagnosticId, out severity);
    }

    public override bool TryGetGlobalDiagnosticValue(string diagnosticId, System.Threading.CancellationToken cancellationToken, out ReportDiagnostic severity)
    {
        severity = default;
        return false;
    }
}
