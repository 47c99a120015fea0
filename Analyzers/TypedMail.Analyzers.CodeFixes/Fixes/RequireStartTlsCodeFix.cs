using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace TypedMail.Analyzers.CodeFixes.Fixes;

/// <summary>TM0005: credentials with Upgradable — require STARTTLS so a stripped STARTTLS fails instead of leaking them.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RequireStartTlsCodeFix)), Shared]
public sealed class RequireStartTlsCodeFix : CodeFixProvider
{
    private const string Title = "Require STARTTLS (SessionMode.RequireStartTls)";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.CredentialsWithUpgradable);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            context.RegisterCodeFix(
                CodeAction.Create(Title, ct => SettingEdit.ApplyAsync(context.Document, diagnostic, "Mode", (int)SessionMode.RequireStartTls, nameof(SessionMode.RequireStartTls), ct), nameof(RequireStartTlsCodeFix)),
                diagnostic);
        }

        return Task.CompletedTask;
    }
}
