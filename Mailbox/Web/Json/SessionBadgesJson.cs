namespace TypedMail.Mailbox.Web.Json;

/// <summary>
/// What a row of the inbox list shows of a message's session: its listener, TLS and AUTH, never its commands. A row that carried the
/// session's commands grew with every earlier message of the same connection, so a merge's list grew with its square.
/// </summary>
internal sealed record SessionBadgesJson(string Listener, bool Secure, bool StartTlsIssued, string? TlsProtocol, string? AuthMechanism, string? AuthenticatedUser)
{
    public static SessionBadgesJson Of(SessionJson session) =>
        new(session.Listener, session.Secure, session.StartTlsIssued, session.TlsProtocol, session.AuthMechanism, session.AuthenticatedUser);
}
