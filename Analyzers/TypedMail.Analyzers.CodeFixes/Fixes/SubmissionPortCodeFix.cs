using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace TypedMail.Analyzers.CodeFixes.Fixes;

/// <summary>TM0002: STARTTLS on port 25 — use the submission port 587.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SubmissionPortCodeFix)), Shared]
public sealed class SubmissionPortCodeFix() : SettingCodeFix(
    DiagnosticIds.StartTlsOnPort25, "Use the submission port 587", "Port", SmtpRules.SubmissionPort, null);
