using System.Collections.Generic;

namespace TypedMail.Mailbox.Previews;

/// <summary>A <c>[MailMessage]</c> class of a previewed assembly and its samples (none when it has no <c>[PreviewData]</c> member).</summary>
internal sealed record PreviewedType(string MessageType, string Assembly, IReadOnlyList<PreviewEntry> Previews);
