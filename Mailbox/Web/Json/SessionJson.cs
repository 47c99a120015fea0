using System.Collections.Generic;

namespace TypedMail.Mailbox.Web.Json;

/// <summary>
/// What the SMTP session of a received message looked like, as the inbox shows it and keeps it beside a stored .eml: the
/// session's opening (<see cref="Opening"/>, before its first MAIL FROM) and this message's own <see cref="Transaction"/>,
/// never the commands of the session's other messages, so its size does not grow with the messages sent before it.
/// </summary>
internal sealed record SessionJson(
    int? Number,
    string Listener,
    bool Secure,
    bool StartTlsIssued,
    string? TlsProtocol,
    string? AuthMechanism,
    string? AuthenticatedUser,
    IReadOnlyList<string> Opening,
    IReadOnlyList<string> Transaction,
    int EarlierMessages)
{
    /// <summary>Facts read from a file written before the transcript existed have no opening or transaction: empty, never null.</summary>
    public SessionJson Complete() => this with { Opening = Opening ?? [], Transaction = Transaction ?? [] };
}
