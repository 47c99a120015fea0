using System;
using System.Buffers;
using System.IO.Pipelines;
using System.Threading;
using System.Threading.Tasks;
using SmtpServer;

namespace TypedMail.Mailbox.OAuth;

/// <summary>
/// The session's input as SmtpServer reads it, with a bearer AUTH line replaced (see <see cref="BearerAuthLine"/>).
/// Reads the current input of the pipe each time, so it follows the switch to TLS after STARTTLS.
/// </summary>
internal sealed class BearerLineReader : PipeReader
{
    private readonly Func<PipeReader> _input;
    private readonly ISessionContext _context;
    private ReadOnlySequence<byte>? _replacement;
    private SequencePosition _originalStart;
    private SequencePosition _originalEnd;

    public BearerLineReader(Func<PipeReader> input, ISessionContext context)
    {
        _input = input;
        _context = context;
    }

    public override async ValueTask<ReadResult> ReadAsync(CancellationToken cancellationToken = default) =>
        Replace(await _input().ReadAsync(cancellationToken).ConfigureAwait(false));

    public override bool TryRead(out ReadResult result)
    {
        if (!_input().TryRead(out var read))
        {
            result = default;
            return false;
        }

        result = Replace(read);
        return true;
    }

    public override void AdvanceTo(SequencePosition consumed) => AdvanceTo(consumed, consumed);

    public override void AdvanceTo(SequencePosition consumed, SequencePosition examined)
    {
        if (_replacement is not { } replacement)
        {
            _input().AdvanceTo(consumed, examined);
            return;
        }

        _replacement = null;
        if (replacement.Slice(consumed).IsEmpty)
        {
            _input().AdvanceTo(_originalEnd);
        }
        else
        {
            _input().AdvanceTo(_originalStart, _originalEnd);
        }
    }

    public override void CancelPendingRead() => _input().CancelPendingRead();

    public override void Complete(Exception? exception = null) => _input().Complete(exception);

    private ReadResult Replace(ReadResult read)
    {
        _replacement = null;
        if (read.IsCanceled || !BearerAuthLine.TryRewrite(read.Buffer, _context, out var line))
        {
            return read;
        }

        _originalStart = read.Buffer.Start;
        _originalEnd = read.Buffer.End;
        _replacement = new ReadOnlySequence<byte>(line);
        return new ReadResult(_replacement.Value, read.IsCanceled, read.IsCompleted);
    }
}
