using TypedMail.Mailbox.Web;

namespace TypedMail.Mailbox.Previews;

/// <summary>One sample of a message type, rendered (<see cref="Document"/>) or not (<see cref="Error"/> says why).</summary>
internal sealed record PreviewEntry(string Id, string MessageType, string Name, string Member, MailDocument? Document, string? Error);
