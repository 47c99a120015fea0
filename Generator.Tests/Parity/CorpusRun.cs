using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using TypedMail.Generator.Tests.Analyzers;
using TypedMail.Generator.Tests.Generator;

namespace TypedMail.Generator.Tests.Parity;

/// <summary>A corpus program run through the real generator driver, then through every analyzer on the generated result.</summary>
internal sealed class CorpusRun
{
    private CorpusRun(GeneratorRunResult generator, ImmutableArray<Diagnostic> generatorDiagnostics, Compilation input, Compilation output, ImmutableArray<Diagnostic> analyzerDiagnostics)
    {
        Generator = generator;
        GeneratorDiagnostics = generatorDiagnostics;
        Input = input;
        Output = output;
        AnalyzerDiagnostics = analyzerDiagnostics;
    }

    public GeneratorRunResult Generator { get; }

    public ImmutableArray<Diagnostic> GeneratorDiagnostics { get; }

    public Compilation Input { get; }

    public Compilation Output { get; }

    public ImmutableArray<Diagnostic> AnalyzerDiagnostics { get; }

    /// <summary>Every TM diagnostic, generator's and analyzers', by ID (sorted).</summary>
    public List<string> TypedMailIds => GeneratorDiagnostics.Concat(AnalyzerDiagnostics)
        .Where(d => d.Id.StartsWith("TM", StringComparison.Ordinal)).Select(d => d.Id).OrderBy(id => id, StringComparer.Ordinal).ToList();

    /// <summary>The compiler's errors on the user code plus the generated code.</summary>
    public List<Diagnostic> CompilerErrors => Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();

    public static async Task<CorpusRun> RunAsync(CorpusFile file)
    {
        var input = GeneratorHarness.Compilation(file.Source);
        var (driver, output, diagnostics) = GeneratorHarness.Run(input, file.Files.ToArray<AdditionalText>());
        var options = new AnalyzerOptions(file.Files.ToImmutableArray<AdditionalText>());
        var analyzed = await output.WithAnalyzers(AllAnalyzers.Create(), options).GetAnalyzerDiagnosticsAsync();
        return new CorpusRun(driver.GetRunResult().Results[0], diagnostics, input, output, analyzed);
    }

    /// <summary>Every class of the program with [MailMessage] or [SmtpServer].</summary>
    public IEnumerable<INamedTypeSymbol> DefinitionClasses()
    {
        foreach (var tree in Input.SyntaxTrees)
        {
            var model = Input.GetSemanticModel(tree);
            foreach (var declaration in tree.GetRoot().DescendantNodes().OfType<TypeDeclarationSyntax>())
            {
                if (model.GetDeclaredSymbol(declaration) is INamedTypeSymbol type
                    && type.GetAttributes().Any(a => a.AttributeClass?.Name is "MailMessageAttribute" or "SmtpServerAttribute"))
                {
                    yield return type;
                }
            }
        }
    }

    /// <summary>Whether the generator wrote a file for the class.</summary>
    public bool WasGenerated(INamedTypeSymbol type)
    {
        var stem = type.ContainingNamespace.IsGlobalNamespace ? string.Empty : type.ContainingNamespace.ToDisplayString() + ".";
        var nested = new List<string>();
        for (var t = type; t is not null; t = t.ContainingType)
        {
            nested.Insert(0, SymbolEqualityComparer.Default.Equals(t, type) ? t.Name : t.Name + string.Concat(t.TypeParameters.Select(p => "_" + p.Name)));
        }

        var hint = stem + string.Join("+", nested) + ".";
        return Generator.GeneratedSources.Any(s => s.HintName.StartsWith(hint, StringComparison.Ordinal));
    }

    /// <summary>Whether the analyzers said the class cannot be generated: TM0018 on its name, or TM0011 on it or a type containing it.</summary>
    public bool AnalyzersBlock(INamedTypeSymbol type)
    {
        bool On(string id, INamedTypeSymbol t) => AnalyzerDiagnostics.Any(d => d.Id == id
            && t.DeclaringSyntaxReferences.Any(r => r.GetSyntax() is BaseTypeDeclarationSyntax declaration
                && declaration.SyntaxTree == d.Location.SourceTree && declaration.Identifier.Span == d.Location.SourceSpan));
        if (On("TM0018", type))
        {
            return true;
        }

        for (var t = type; t is not null; t = t.ContainingType)
        {
            if (On("TM0011", t))
            {
                return true;
            }
        }

        return false;
    }
}
