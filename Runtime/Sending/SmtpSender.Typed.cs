using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace TypedMail;

// The typed half of ISmtpSender, kept apart from the connection logic of SmtpSender.cs.
public sealed partial class SmtpSender : ISmtpSender
{
    /// <inheritdoc />
    public Task<SendResult> SendAsync(ITypedMailMessage message, CancellationToken cancellationToken = default) =>
        TypedMessageSending.SendAsync(this, message, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<SendResult>> SendManyAsync(IEnumerable<ITypedMailMessage> messages, IProgress<SendProgress>? progress = null,
        CancellationToken cancellationToken = default) =>
        TypedMessageSending.SendManyAsync(this, messages, progress, cancellationToken);
}
