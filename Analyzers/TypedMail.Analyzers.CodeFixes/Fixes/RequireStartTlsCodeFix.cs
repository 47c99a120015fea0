using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace TypedMail.Analyzers.CodeFixes.Fixes;

/// <summary>TM0005: credentials with Upgradable — require STARTTLS so a stripped STARTTLS fails instead of leaking them.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RequireStartTlsCodeFix)), Shared]
public sealed class RequireStartTlsCodeFix() : SettingCodeFix(
    DiagnosticIds.CredentialsWithUpgradable, "Require STARTTLS (SessionMode.RequireStartTls)", "Mode", (int)SessionMode.RequireStartTls, nameof(SessionMode.RequireStartTls));
