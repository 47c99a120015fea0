using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using TypedMail.Analyzers.Diagnostics;

namespace TypedMail.Analyzers.Rules;

/// <summary>Where a settings rule points: the value at fault, and the expression a code fix may replace.</summary>
/// <param name="Location">Where the diagnostic is shown.</param>
/// <param name="Replaceable">The expression holding the value at fault, when it is written; code fixes replace it.</param>
internal readonly record struct RuleSite(Location Location, Location? Replaceable);

/// <summary>Turns <see cref="SmtpRules.Check"/> verdicts into diagnostics: the rule is written once, in the runtime.</summary>
internal static class RuleVerdicts
{
    /// <summary>Whether a TM0013 verdict is about the timeout (else the port).</summary>
    public static bool IsTimeout(RuleViolation violation) =>
        violation.Id == DiagnosticIds.OutOfRange && violation.Message.StartsWith("Timeout", StringComparison.Ordinal);

    public static void Report(IEnumerable<RuleViolation> violations, Func<RuleViolation, RuleSite> locate, Action<Diagnostic> report)
    {
        foreach (var violation in violations)
        {
            var site = locate(violation);
            // Only the rules with a code fix carry the expression to replace.
            var fixable = violation.Id is DiagnosticIds.StartTlsOnPort25 or DiagnosticIds.CredentialsWithUpgradable;
            var additional = fixable && site.Replaceable is { } replaceable ? new[] { replaceable } : null;
            report(Diagnostic.Create(Descriptors.ForRule(violation.Id), site.Location, additional, violation.Message));
        }
    }
}
