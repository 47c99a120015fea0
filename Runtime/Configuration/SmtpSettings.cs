using System;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;

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

    /// <summary>
    /// Gives the OAuth2 access token for <see cref="AuthMode.OAuth2"/> (e.g. from MSAL or Google's client library). It is
    /// asked for on every new connection, so it can refresh an expired token; the token is never logged. Setting it
    /// configures authentication, as a user name does.
    /// </summary>
    public Func<CancellationToken, Task<string>>? AccessTokenProvider { get; set; }

    /// <summary>
    /// Whether a send that breaks an error rule of <see cref="SmtpRules"/> (STARTTLS mode without authentication, STARTTLS
    /// mode on port 25, a port out of range...) is refused with 12007 before connecting (default <see langword="true"/>:
    /// the rules protect credentials). <see langword="false"/> is for legacy relays, such as 4D code that authenticates
    /// in mode 0 on port 25: the broken rules are logged as warnings and the send goes ahead. Credentials are still never
    /// sent in clear text unless the mode is <see cref="SessionMode.NeverTls"/>: TLS still comes before AUTH when the
    /// server offers STARTTLS, and without STARTTLS mode 0 still fails (12002). The analyzers report the rules at build
    /// time whatever this says.
    /// </summary>
    public bool EnforceRules { get; set; } = true;

    /// <summary>The timeout of the connection and of each server reply, 1..127 seconds (default 30).</summary>
    public int TimeoutSeconds { get; set; } = SmtpDefaults.TimeoutSeconds;

    /// <summary>The name this client gives in EHLO; by default MailKit's choice.</summary>
    public string? LocalDomain { get; set; }

    /// <summary>
    /// A server certificate to accept even if the platform's trust store does not (a self-signed development
    /// certificate). Validation stays on for every other certificate.
    /// </summary>
    public X509Certificate2? AcceptedServerCertificate { get; set; }

    /// <summary>
    /// The SHA-256 thumbprint (64 hex digits; colons, spaces and case ignored) of a server certificate to accept even if
    /// the platform's trust store does not: the configuration-bindable form of <see cref="AcceptedServerCertificate"/>,
    /// e.g. for the self-signed certificate of <c>typedmail-mailbox</c>, which prints its thumbprint at start-up. Put it
    /// in <c>appsettings.Development.json</c> only: validation stays on for every other certificate.
    /// </summary>
    public string? TrustedCertificateThumbprint { get; set; }

    /// <summary>
    /// Replaces the platform's certificate validation. Leave it unset unless you must: validation is on by default.
    /// </summary>
    public RemoteCertificateValidationCallback? ServerCertificateValidationCallback { get; set; }

    /// <summary>
    /// How long a kept connection may stay idle before the next send checks it with NOOP, in seconds (default 5).
    /// A connection used more recently is trusted without the extra round trip: if the server closed it anyway, the
    /// message is resent once on a new connection, which is safe because nothing of it can have been accepted.
    /// </summary>
    public int IdleCheckSeconds { get; set; } = 5;

    /// <summary>
    /// How many connections one <see cref="SmtpSender"/> may keep open for concurrent sends (default 1: one connection,
    /// sends queue behind each other, 4D's way). A web application that sends from concurrent requests sets a few (e.g.
    /// 4); the sender never opens more.
    /// </summary>
    public int MaxConnections { get; set; } = 1;

    /// <summary>
    /// Whether authentication is configured: a user name and a password, both non-empty, or OAuth2 (an
    /// <see cref="AccessTokenProvider"/>, or <see cref="Auth"/> set to OAuth2: a missing provider is then 12010 at send).
    /// </summary>
    public bool HasCredentials =>
        (!string.IsNullOrEmpty(UserName) && !string.IsNullOrEmpty(Password)) || AccessTokenProvider is not null || Auth == AuthMode.OAuth2;

    /// <summary>Whether only one of <see cref="UserName"/> and <see cref="Password"/> is given (error 12015: nothing is sent).</summary>
    public bool HasIncompleteCredentials =>
        AccessTokenProvider is null && Auth != AuthMode.OAuth2 && string.IsNullOrEmpty(UserName) != string.IsNullOrEmpty(Password);

    /// <summary>A copy, so that a sender is not affected by later changes to the settings it was given.</summary>
    internal SmtpSettings Copy() => (SmtpSettings)MemberwiseClone();

    /// <summary>
    /// The DKIM signature to put on every message this sender sends (domain, selector, private key); none when
    /// <see langword="null"/>. Bound from the "Dkim" subsection.
    /// </summary>
    public DkimSettings? Dkim { get; set; }


    /// <summary>The port actually used.</summary>
    public int EffectivePort => SmtpRules.EffectivePort(Port, Mode);
}
