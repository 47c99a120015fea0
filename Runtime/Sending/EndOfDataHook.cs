using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using MimeKit;

namespace TypedMail;

/// <summary>
/// Stands in for a message's body while MailKit writes it: writes the body unchanged, then runs a callback, before
/// MailKit writes the end-of-data marker. A caller that must record durably that a message may have been delivered (the
/// outbox) does it there: after the callback the server can have the whole message, before it the server discards the
/// transaction if the connection is lost. Measuring passes (before <c>MAIL FROM</c>) do not run the callback.
/// </summary>
internal sealed class EndOfDataHook : MimeEntity
{
    private readonly MimeEntity _body;
    private readonly Func<CancellationToken, Task> _beforeEndOfData;
    private readonly Func<bool> _transmitting;

    public EndOfDataHook(MimeEntity body, Func<CancellationToken, Task> beforeEndOfData, Func<bool> transmitting)
        : base(body.ContentType)
    {
        _body = body;
        _beforeEndOfData = beforeEndOfData;
        _transmitting = transmitting;
    }

    public override void Prepare(EncodingConstraint constraint, int maxLineLength = 78) => _body.Prepare(constraint, maxLineLength);

    public override void Accept(MimeVisitor visitor) => _body.Accept(visitor);

    public override void WriteTo(FormatOptions options, Stream stream, bool contentOnly, CancellationToken cancellationToken = default)
    {
        _body.WriteTo(options, stream, contentOnly, cancellationToken);
        if (_transmitting())
        {
            _beforeEndOfData(cancellationToken).GetAwaiter().GetResult();
        }
    }

    public override async Task WriteToAsync(FormatOptions options, Stream stream, bool contentOnly, CancellationToken cancellationToken = default)
    {
        await _body.WriteToAsync(options, stream, contentOnly, cancellationToken).ConfigureAwait(false);
        if (_transmitting())
        {
            await _beforeEndOfData(cancellationToken).ConfigureAwait(false);
        }
    }
}
