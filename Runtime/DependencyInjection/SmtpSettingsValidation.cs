using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Options;

namespace TypedMail;

/// <summary>
/// Validates bound <see cref="SmtpSettings"/> with <see cref="SmtpRules"/>: the same rules as the analyzers and the send
/// path. One message per real problem, each naming the configuration key it is about (under the section the settings
/// were bound from), what to do, and the page that explains it, as the build-time diagnostics do.
/// </summary>
internal sealed class SmtpSettingsValidation : IValidateOptions<SmtpSettings>
{
    /// <summary>Where the documentation pages live (the diagnostics' pages are <c>diagnostics/TMxxxx.md</c> under it).</summary>
    internal const string DocsBase = "https://github.com/typedmail/typedmail/blob/main/docs/";

    /// <summary>The section path used when the configuration given was not a section (e.g. a whole root).</summary>
    internal const string DefaultSectionPath = "TypedMail";

    private readonly string _section;

    /// <summary>Validates the settings registered under <paramref name="name"/>, bound from <paramref name="sectionPath"/>.</summary>
    public SmtpSettingsValidation(string name, string sectionPath)
    {
        Name = name;
        _section = string.IsNullOrEmpty(sectionPath) ? DefaultSectionPath : sectionPath;
    }

    /// <summary>The options name these settings are registered under (<see cref="Options.DefaultName"/> for the default sender).</summary>
    public string Name { get; }

    public ValidateOptionsResult Validate(string? name, SmtpSettings options)
    {
        if ((name ?? Options.DefaultName) != Name)
        {
            return ValidateOptionsResult.Skip;
        }

        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Host))
        {
            failures.Add($"{Key("Host")} is missing (4D error 10005): {SetIt("Host", "smtp.example.com")}. See {DocsBase}send-results.md");
        }

        if (options.MaxConnections < 1)
        {
            failures.Add($"{Key("MaxConnections")} must be at least 1 (it is {options.MaxConnections}): {SetIt("MaxConnections", "4")}. See {DocsBase}sending-reference.md");
        }

        if (options.IdleCheckSeconds < 0)
        {
            failures.Add($"{Key("IdleCheckSeconds")} cannot be negative (it is {options.IdleCheckSeconds}): {SetIt("IdleCheckSeconds", "5")}. See {DocsBase}sending-reference.md");
        }

        if (options.HasIncompleteCredentials)
        {
            failures.Add(string.IsNullOrEmpty(options.Password)
                ? $"{Key("Password")} is missing while {Key("UserName")} is set (error 12015: user name and password go together): {SetSecret("Password")}, or remove {Key("UserName")} to send without authentication. See {DocsBase}send-results.md"
                : $"{Key("UserName")} is missing while {Key("Password")} is set (error 12015: user name and password go together): {SetIt("UserName", "user@example.com")}, or remove {Key("Password")} to send without authentication. See {DocsBase}send-results.md");
        }

        if (!string.IsNullOrWhiteSpace(options.TrustedCertificateThumbprint))
        {
            try
            {
                CertificateTrust.ParseThumbprint(options.TrustedCertificateThumbprint);
            }
            catch (System.FormatException)
            {
                failures.Add($"{Key("TrustedCertificateThumbprint")} is not a SHA-256 thumbprint (64 hex digits): copy the one typedmail-mailbox prints at start-up, or remove the key to trust only the platform's certificates. See {DocsBase}mailbox.md");
            }
        }

        if (options.EnforceRules)
        {
            // Half-given credentials are one problem (12015, above): the rules judge what the user meant, authentication.
            var authenticationMeant = options.HasCredentials || options.HasIncompleteCredentials;
            failures.AddRange(SmtpRules.Check(options.Port, options.Mode, authenticationMeant, options.TimeoutSeconds)
                .Where(static v => v.Severity == RuleSeverity.Error)
                .Select(RuleMessage));
        }

        if (options.Dkim is not null)
        {
            failures.AddRange(DkimSigning.Check(options.Dkim).Select(problem => $"{_section}:{problem} See {DocsBase}deliverability.md"));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private string RuleMessage(RuleViolation violation)
    {
        var fix = violation.Id switch
        {
            DiagnosticIds.StartTlsWithoutAuthentication =>
                $"{Key("UserName")} and {Key("Password")} ({SetSecret("Password")}), or {Key("Mode")} NeverTls on port 25 for a local test server",
            DiagnosticIds.StartTlsOnPort25 => $"set {Key("Port")} to {SmtpRules.SubmissionPort}",
            DiagnosticIds.OutOfRange when violation.Message.StartsWith("Timeout", System.StringComparison.Ordinal) =>
                $"set {Key("TimeoutSeconds")} within 1..{SmtpRules.MaxTimeoutSeconds}",
            DiagnosticIds.OutOfRange => $"set {Key("Port")} within 1..65535",
            _ => $"change the settings under {_section}",
        };
        return $"{violation.Id}: {violation.Message}; {fix}. See {DocsBase}diagnostics/{violation.Id}.md";
    }

    private string Key(string property) => _section + ":" + property;

    private string EnvironmentVariable(string property) => Key(property).Replace(":", "__");

    private string SetIt(string property, string example) =>
        $"set \"{property}\": \"{example}\" in the \"{_section}\" section of appsettings.json, or the environment variable {EnvironmentVariable(property)}";

    private string SetSecret(string property) =>
        $"give it in development with dotnet user-secrets set \"{Key(property)}\" \"…\", in production with the environment variable {EnvironmentVariable(property)}";
}
