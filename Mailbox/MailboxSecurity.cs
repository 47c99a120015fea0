namespace TypedMail.Mailbox;

/// <summary>How the mailbox protects its sessions.</summary>
public enum MailboxSecurity
{
    /// <summary>Plain text only: STARTTLS is not offered.</summary>
    None = 0,

    /// <summary>Plain text at first; STARTTLS is offered and upgrades the session to TLS.</summary>
    StartTls = 1,

    /// <summary>TLS from the first byte (as on port 465).</summary>
    ImplicitTls = 2,
}
