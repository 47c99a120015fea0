using System;
using System.Collections.Generic;
using System.Security.Cryptography.X509Certificates;

namespace TypedMail.Mailbox;

/// <summary>How a <see cref="MailboxServer"/> listens, secures, authenticates and stores.</summary>
public sealed class MailboxOptions
{
    /// <summary>The loopback port to listen on; 0 takes a free one, reported by <see cref="MailboxServer.Port"/>.</summary>
    public int Port { get; set; }

    /// <summary>Plain, STARTTLS or implicit TLS.</summary>
    public MailboxSecurity Security { get; set; } = MailboxSecurity.None;

    /// <summary>The certificate for TLS; null makes a self-signed one for "localhost" and 127.0.0.1 at start.</summary>
    public X509Certificate2? Certificate { get; set; }

    /// <summary>User name to password; AUTH PLAIN and LOGIN are offered when it is not empty.</summary>
    public IDictionary<string, string> Users { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// Account to its valid OAuth2 access token. When not empty, EHLO also offers XOAUTH2 and OAUTHBEARER (beside PLAIN
    /// and LOGIN); any other token for the account (an expired one) gets 535 5.7.8, as Microsoft 365 and Gmail answer.
    /// </summary>
    public IDictionary<string, string> AccessTokens { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>When true, MAIL FROM is refused with 530 until the session has authenticated.</summary>
    public bool RequireAuthentication { get; set; }

    /// <summary>
    /// Offer AUTH before TLS is in place. Used with <see cref="MailboxSecurity.StartTls"/>;
    /// with <see cref="MailboxSecurity.None"/> AUTH is always offered, with implicit TLS the session is already secure.
    /// </summary>
    public bool AllowUnsecureAuthentication { get; set; }

    /// <summary>Recipients (compared without regard to case) whose RCPT TO gets 550 5.1.1.</summary>
    public ISet<string> RejectedRecipients { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// When set, each received message is written there as an .eml file and kept only there: parsed in place (its parts
    /// are read from the file until the server stops or is cleared) and <see cref="ReceivedMessage.RawMime"/> reads the
    /// file on first use, so large messages do not fill the memory.
    /// </summary>
    public string? EmlDirectory { get; set; }

    /// <summary>The message size advertised with SIZE; null advertises none.</summary>
    public long? MaxMessageSize { get; set; }

    /// <summary>The name the server gives in its greeting and EHLO reply.</summary>
    public string ServerName { get; set; } = "mailbox.typedmail.test";
}
