using System.Collections.Generic;
using TypedMail.Mailbox.Web;

namespace TypedMail.Mailbox.Tool;

/// <summary>What <see cref="MailboxTool.RunAsync"/> started: its SMTP servers (STARTTLS first, then implicit TLS) and its web inbox.</summary>
/// <param name="Servers">The SMTP servers.</param>
/// <param name="Inbox">The web inbox.</param>
public sealed record MailboxToolStarted(IReadOnlyList<MailboxServer> Servers, WebInbox Inbox);
