namespace TypedMail;

/// <summary>One rule broken by a settings triple (port, mode, authentication).</summary>
/// <param name="Id">The diagnostic identifier, one of <see cref="DiagnosticIds"/>.</param>
/// <param name="Severity">The default severity.</param>
/// <param name="Message">A sentence naming the values at fault.</param>
public sealed record RuleViolation(string Id, RuleSeverity Severity, string Message);
