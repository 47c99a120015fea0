using System.Collections.Generic;

namespace TypedMail.Mailbox;

/// <summary>The part of a session's commands that belongs to one message: the session's opening and its own transaction.</summary>
/// <param name="Opening">The commands before the session's first MAIL FROM (EHLO, STARTTLS, AUTH...), the same for every message of the session.</param>
/// <param name="Transaction">
/// This message's commands: from the end of the previous message (or of the opening) to its DATA, refused recipients and
/// RSETs of abandoned transactions in between included.
/// </param>
/// <param name="EarlierMessages">How many messages the session had accepted before this one (their commands are left out).</param>
public sealed record SessionTranscript(IReadOnlyList<string> Opening, IReadOnlyList<string> Transaction, int EarlierMessages);
