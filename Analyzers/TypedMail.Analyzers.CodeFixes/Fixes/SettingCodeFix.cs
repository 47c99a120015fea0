using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace TypedMail.Analyzers.CodeFixes.Fixes;

/// <summary>A fix that gives one setting (Port, Mode) one value, wherever the settings are written (see <see cref="SettingEdit"/>).</summary>
public abstract class SettingCodeFix : CodeFixProvider
{
    private readonly string _title;
    private readonly string _setting;
    private readonly int _value;
    private readonly string? _enumMember;

    /// <summary>A fix for <paramref name="diagnosticId"/> that sets <paramref name="setting"/> to <paramref name="value"/>.</summary>
    /// <param name="diagnosticId">The diagnostic fixed.</param>
    /// <param name="title">The title shown in the light bulb.</param>
    /// <param name="setting">The setting's name: <c>Port</c> or <c>Mode</c>.</param>
    /// <param name="value">The value as a number (the facade's form).</param>
    /// <param name="enumMember">The <see cref="SessionMode"/> member name when the setting is an enum, else <see langword="null"/>.</param>
    protected SettingCodeFix(string diagnosticId, string title, string setting, int value, string? enumMember)
    {
        FixableDiagnosticIds = ImmutableArray.Create(diagnosticId);
        _title = title;
        _setting = setting;
        _value = value;
        _enumMember = enumMember;
    }

    /// <inheritdoc />
    public sealed override ImmutableArray<string> FixableDiagnosticIds { get; }

    /// <inheritdoc />
    public sealed override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public sealed override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            context.RegisterCodeFix(
                CodeAction.Create(_title, ct => SettingEdit.ApplyAsync(context.Document, diagnostic, _setting, _value, _enumMember, ct), GetType().Name),
                diagnostic);
        }

        return Task.CompletedTask;
    }
}
