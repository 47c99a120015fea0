using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;
using TypedMail.Analyzers.Messages;

namespace TypedMail.Analyzers.CodeFixes.Fixes;

/// <summary>TM0007: renames a placeholder written inline to the member whose name is nearest.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(NearestMemberCodeFix)), Shared]
public sealed class NearestMemberCodeFix : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.UnknownPlaceholder);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            // Only placeholders located exactly in C# source carry the name (see MailMessageAnalyzer).
            if (diagnostic.Location.IsInSource && diagnostic.Properties.TryGetValue(MailMessageAnalyzer.NearestMemberKey, out var nearest) && nearest is not null)
            {
                context.RegisterCodeFix(
                    CodeAction.Create($"Use '{nearest}'", ct => RenameAsync(context.Document, diagnostic.Location.SourceSpan, nearest, ct), nameof(NearestMemberCodeFix)),
                    diagnostic);
            }
        }

        return Task.CompletedTask;
    }

    private static async Task<Document> RenameAsync(Document document, TextSpan span, string name, CancellationToken cancellationToken)
    {
        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        return document.WithText(text.WithChanges(new TextChange(span, name)));
    }
}
