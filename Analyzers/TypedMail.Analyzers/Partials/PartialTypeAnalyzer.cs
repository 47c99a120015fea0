using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using TypedMail.Analyzers.Diagnostics;
using TypedMail.Analyzers.Symbols;

namespace TypedMail.Analyzers.Partials;

/// <summary>
/// TM0011: the generator adds members to each <c>[MailMessage]</c> and <c>[SmtpServer]</c> class, so the class and
/// every type containing it must be <see langword="partial"/>. Each non-partial type is reported once, at its name.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PartialTypeAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.NotPartial);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var symbols = TypedMailSymbols.From(start.Compilation);
            if (symbols is null || (symbols.MailMessage is null && symbols.SmtpServer is null))
            {
                return;
            }

            start.RegisterSymbolAction(c => Analyze(c, symbols), SymbolKind.NamedType);
        });
    }

    private static void Analyze(SymbolAnalysisContext context, TypedMailSymbols symbols)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        var declarations = type.DeclaringSyntaxReferences.Select(r => r.GetSyntax(context.CancellationToken)).OfType<TypeDeclarationSyntax>().ToList();
        if (declarations.Count == 0 || declarations.Any(d => d.Modifiers.Any(SyntaxKind.PartialKeyword)))
        {
            return;
        }

        var generated = FirstGenerated(type, symbols);
        if (generated is not null)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.NotPartial, declarations[0].Identifier.GetLocation(), type.Name, generated.Name));
        }
    }

    /// <summary>The type itself or the first nested type (depth first) that the generator extends, if any.</summary>
    private static INamedTypeSymbol? FirstGenerated(INamedTypeSymbol type, TypedMailSymbols symbols)
    {
        if (type.GetAttributes().Any(a => TypedMailSymbols.Is(a.AttributeClass, symbols.MailMessage) || TypedMailSymbols.Is(a.AttributeClass, symbols.SmtpServer)))
        {
            return type;
        }

        foreach (var nested in type.GetTypeMembers())
        {
            if (FirstGenerated(nested, symbols) is { } found)
            {
                return found;
            }
        }

        return null;
    }
}
