namespace TypedMail;

/// <summary>How serious a <see cref="RuleViolation"/> is; the same default severities as the analyzers.</summary>
public enum RuleSeverity
{
    /// <summary>A suggestion; the send goes on.</summary>
    Info = 0,
    /// <summary>Probably a mistake; the runtime logs it and the send goes on.</summary>
    Warning = 1,
    /// <summary>A misconfiguration; the runtime refuses to connect.</summary>
    Error = 2,
}
