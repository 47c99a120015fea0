using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace TypedMail.Analyzers.CodeFixes.Fixes;

/// <summary>TM0002: STARTTLS on port 25 — use the submission port 587.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SubmissionPortCodeFix)), Shared]
public sealed class SubmissionPortCodeFix : CodeFixProvider
{
    private const string Title = "Use the submission port 587";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.StartTlsOnPort25);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            context.RegisterCodeFix(
                CodeAction.Create(Title, ct => SettingEdit.ApplyAsync(context.Document, diagnostic, "Port", SmtpRules.SubmissionPort, null, ct), nameof(SubmissionPortCodeFix)),
                diagnostic);
        }

        return Task.CompletedTask;
    }
}
