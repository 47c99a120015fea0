using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace TypedMail;

/// <summary>
/// What a sender needs to reach an SMTP server, bindable from configuration
/// (<c>services.AddTypedMail(configuration.GetSection("TypedMail"))</c>).
/// </summary>
public sealed class SmtpSettings
{
    /// <summary>The host name or address of the SMTP server.</summary>
    public string? Host { get; set; }

    /// <summary>The port; 0 means the mode's default (25, 465, 25 or 587).</summary>
    public int Port { get; set; }

    /// <summary>The session mode (4D's session parameter).</summary>
    public SessionMode Mode { get; set; } = SessionMode.Upgradable;

    /// <summary>The AUTH mechanism; used only when <see cref="UserName"/> and <see cref="Password"/> are set.</summary>
    public AuthMode Auth { get; set; } = AuthMode.Default;

    /// <summary>The user name; authentication is configured when it is set.</summary>
    public string? UserName { get; set; }

    /// <summary>The password. Never logged.</summary>
    public string? Password { get; set; }

    /// <summary>The timeout of the connection and of each server reply, 1..127 seconds (default 30).</summary>
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>The name this client gives in EHLO; by default MailKit's choice.</summary>
    public string? LocalDomain { get; set; }

    /// <summary>
    /// A server certificate to accept even if the platform's trust store does not (a self-signed development
    /// certificate). Validation stays on for every other certificate.
    /// </summary>
    public X509Certificate2? AcceptedServerCertificate { get; set; }

    /// <summary>
    /// Replaces the platform's certificate validation. Leave it unset unless you must: validation is on by default.
    /// </summary>
    public RemoteCertificateValidationCallback? ServerCertificateValidationCallback { get; set; }

    /// <summary>
    /// The DKIM signature to put on every message this sender sends (domain, selector, private key); none when
    /// <see langword="null"/>. Bound from the "Dkim" subsection.
    /// </summary>
    public DkimSettings? Dkim { get; set; }

    /// <summary>Whether authentication is configured (a non-empty <see cref="UserName"/>).</summary>
    public bool HasCredentials => !string.IsNullOrEmpty(UserName);

    /// <summary>The port actually used.</summary>
    public int EffectivePort => SmtpRules.EffectivePort(Port, Mode);
}
