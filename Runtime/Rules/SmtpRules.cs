using System.Collections.Generic;
using System.Linq;

namespace TypedMail;

/// <summary>
/// The settings rules TM0001 to TM0005 and TM0013, written once. The analyzers compile this very file and judge
/// constants in code; the runtime judges the settings before connecting and when DI options are validated.
/// </summary>
public static class SmtpRules
{
    /// <summary>The submission port used by STARTTLS servers such as Exchange.</summary>
    public const int SubmissionPort = 587;

    /// <summary>The longest timeout 4D accepts, in seconds.</summary>
    public const int MaxTimeoutSeconds = 127;

    /// <summary>The port a session mode uses when none is given: 25, 465, 25 and 587.</summary>
    public static int DefaultPort(SessionMode mode) => mode switch
    {
        SessionMode.ImplicitTls => 465,
        SessionMode.RequireStartTls => SubmissionPort,
        _ => 25,
    };

    /// <summary>The port actually used: <paramref name="port"/>, or the mode's default when it is 0.</summary>
    public static int EffectivePort(int port, SessionMode mode) => port == 0 ? DefaultPort(mode) : port;

    /// <summary>
    /// Whether the session is in "STARTTLS mode": <see cref="SessionMode.RequireStartTls"/>, or
    /// <see cref="SessionMode.Upgradable"/> with authentication configured or on the submission port.
    /// </summary>
    /// <param name="mode">The session mode.</param>
    /// <param name="effectivePort">The effective port, or <see langword="null"/> when it is not known.</param>
    /// <param name="authenticationConfigured">Whether credentials (or an explicit AUTH mode) are configured.</param>
    public static bool IsStartTlsMode(SessionMode mode, int? effectivePort, bool authenticationConfigured) => mode switch
    {
        SessionMode.RequireStartTls => true,
        SessionMode.Upgradable => authenticationConfigured || effectivePort == SubmissionPort,
        _ => false,
    };

    /// <summary>Judges a settings triple and returns every rule it breaks, errors first.</summary>
    /// <param name="port">The configured port (0 = the mode's default), or <see langword="null"/> when not known.</param>
    /// <param name="mode">The session mode.</param>
    /// <param name="authenticationConfigured">Whether credentials (or an explicit AUTH mode) are configured.</param>
    /// <param name="timeoutSeconds">The timeout in seconds, or <see langword="null"/> when not known.</param>
    public static IReadOnlyList<RuleViolation> Check(int? port, SessionMode mode, bool authenticationConfigured, int? timeoutSeconds = null)
    {
        var violations = new List<RuleViolation>();
        if (port is { } p && (p < 0 || p > 65535))
        {
            violations.Add(new RuleViolation(DiagnosticIds.OutOfRange, RuleSeverity.Error,
                $"Port {p} is outside 1..65535 (0 means the mode's default port)"));
            port = null;
        }

        if (timeoutSeconds is { } t && (t < 1 || t > MaxTimeoutSeconds))
        {
            violations.Add(new RuleViolation(DiagnosticIds.OutOfRange, RuleSeverity.Error,
                $"Timeout {t} s is outside 1..{MaxTimeoutSeconds} s"));
        }

        int? effective = port is { } known ? EffectivePort(known, mode) : null;
        if (IsStartTlsMode(mode, effective, authenticationConfigured))
        {
            if (!authenticationConfigured)
            {
                violations.Add(new RuleViolation(DiagnosticIds.StartTlsWithoutAuthentication, RuleSeverity.Error,
                    $"STARTTLS mode ({mode} on port {Describe(effective)}) requires authentication: set the credentials and an AUTH mode"));
            }

            if (effective == 25)
            {
                violations.Add(new RuleViolation(DiagnosticIds.StartTlsOnPort25, RuleSeverity.Error,
                    $"STARTTLS mode ({mode}) must not start on port 25: use the submission port {SubmissionPort}"));
            }
        }

        if (effective is { } e)
        {
            if (mode == SessionMode.ImplicitTls && (e == 25 || e == SubmissionPort))
            {
                violations.Add(new RuleViolation(DiagnosticIds.PortModeMismatch, RuleSeverity.Warning,
                    $"ImplicitTls on port {e} expects TLS from the first byte, but port {e} starts in plain text: use port 465 or a STARTTLS mode"));
            }
            else if (mode != SessionMode.ImplicitTls && e == 465)
            {
                violations.Add(new RuleViolation(DiagnosticIds.PortModeMismatch, RuleSeverity.Warning,
                    $"{mode} starts in plain text, but port 465 expects TLS from the first byte: use ImplicitTls or port {SubmissionPort}"));
            }
        }

        if (authenticationConfigured && mode == SessionMode.NeverTls)
        {
            violations.Add(new RuleViolation(DiagnosticIds.CredentialsInClearText, RuleSeverity.Warning,
                "Credentials with NeverTls are sent in clear text: use RequireStartTls or ImplicitTls"));
        }
        else if (authenticationConfigured && mode == SessionMode.Upgradable)
        {
            violations.Add(new RuleViolation(DiagnosticIds.CredentialsWithUpgradable, RuleSeverity.Info,
                "Credentials with Upgradable are sent in clear text if STARTTLS is stripped: use RequireStartTls"));
        }

        // Stable: errors first, and within a severity the order above.
        return violations.OrderByDescending(static v => v.Severity).ToList();
    }

    private static string Describe(int? port) => port is { } p ? p.ToString(System.Globalization.CultureInfo.InvariantCulture) : "unknown";
}
