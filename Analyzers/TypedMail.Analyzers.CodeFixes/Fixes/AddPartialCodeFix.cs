using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TypedMail.Analyzers.CodeFixes.Fixes;

/// <summary>TM0011: adds <see langword="partial"/> to the type and to every type that contains it.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddPartialCodeFix)), Shared]
public sealed class AddPartialCodeFix : CodeFixProvider
{
    private const string Title = "Make the type and its containing types partial";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.NotPartial);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() =>
        FixAllProvider.Create(async (_, document, diagnostics) => await ApplyAsync(document, diagnostics, default).ConfigureAwait(false));

    /// <inheritdoc />
    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            context.RegisterCodeFix(CodeAction.Create(Title, ct => ApplyAsync(context.Document, ImmutableArray.Create(diagnostic), ct), nameof(AddPartialCodeFix)), diagnostic);
        }

        return Task.CompletedTask;
    }

    // One pass over every diagnostic of the document: the edits of nested types overlap, so they are made together.
    private static async Task<Document> ApplyAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var targets = diagnostics
            .Select(d => root.FindToken(d.Location.SourceSpan.Start).Parent?.AncestorsAndSelf().OfType<TypeDeclarationSyntax>().FirstOrDefault())
            .Where(d => d is not null)
            .SelectMany(d => d!.AncestorsAndSelf().OfType<TypeDeclarationSyntax>())
            .Where(t => !t.Modifiers.Any(SyntaxKind.PartialKeyword))
            .Distinct()
            .ToList();
        return targets.Count == 0 ? document : document.WithSyntaxRoot(root.ReplaceNodes(targets, (_, rewritten) => AddPartial(rewritten)));
    }

    private static TypeDeclarationSyntax AddPartial(TypeDeclarationSyntax type)
    {
        var partial = SyntaxFactory.Token(SyntaxKind.PartialKeyword).WithTrailingTrivia(SyntaxFactory.Space);
        if (type.Modifiers.Count > 0)
        {
            return type.WithModifiers(type.Modifiers.Add(partial));
        }

        // With no modifiers, 'partial' takes over the keyword's indentation and leading comments.
        var keyword = type.Keyword;
        return type.WithKeyword(keyword.WithLeadingTrivia())
            .WithModifiers(SyntaxFactory.TokenList(partial.WithLeadingTrivia(keyword.LeadingTrivia)));
    }
}
