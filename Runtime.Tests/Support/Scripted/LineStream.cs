using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace TypedMail.Runtime.Tests.Support.Scripted;

/// <summary>Reads CRLF lines (UTF-8, so SMTPUTF8 addresses stay intact) and writes replies over a stream that can be swapped for TLS.</summary>
internal sealed class LineStream
{
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;

    public LineStream(Stream stream, ReplyFragmenter? fragmenter = null)
    {
        Stream = stream;
        Fragmenter = fragmenter;
    }

    /// <summary>Splits each reply into pieces written apart, or null to write each reply at once.</summary>
    public ReplyFragmenter? Fragmenter { get; }

    public Stream Stream { get; private set; }

    /// <summary>Switches to a new stream (after STARTTLS); pipelined bytes read before the switch are dropped, as RFC 3207 requires.</summary>
    public void Swap(Stream stream)
    {
        Stream = stream;
        _start = _end = 0;
    }

    /// <summary>The next line without its CRLF, or null at the end of the stream.</summary>
    public async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        var line = new MemoryStream();
        while (true)
        {
            for (var i = _start; i < _end; i++)
            {
                if (_buffer[i] == '\n')
                {
                    line.Write(_buffer, _start, i - _start);
                    _start = i + 1;
                    var bytes = line.ToArray();
                    var length = bytes.Length > 0 && bytes[^1] == '\r' ? bytes.Length - 1 : bytes.Length;
                    return Encoding.UTF8.GetString(bytes, 0, length);
                }
            }

            line.Write(_buffer, _start, _end - _start);
            _start = 0;
            _end = await Stream.ReadAsync(_buffer.AsMemory(), cancellationToken);
            if (_end == 0)
            {
                return null;
            }
        }
    }

    public async Task WriteLineAsync(string line, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(line + "\r\n");
        var start = 0;
        foreach (var cut in Fragmenter?.Cuts(line, bytes.Length) ?? Array.Empty<int>())
        {
            await Stream.WriteAsync(bytes.AsMemory(start, cut - start), cancellationToken);
            await Stream.FlushAsync(cancellationToken);
            // Apart in time too, or the client's one read would see them together again.
            await Task.Delay(Fragmenter!.Pause, cancellationToken);
            start = cut;
        }

        await Stream.WriteAsync(bytes.AsMemory(start), cancellationToken);
        await Stream.FlushAsync(cancellationToken);
    }
}
