using System;
using System.Linq;
using MailKit;

namespace TypedMail;

/// <summary>
/// Watches what MailKit has written to the socket (its protocol logger is called after each successful write) and
/// read from it, to tell where a transaction stopped: before <c>MAIL FROM</c>, inside it, or after the end-of-data
/// marker. A loss after the marker may leave a delivered message behind (12013); a loss before it cannot, so resending
/// is safe. The server's side is parsed into whole replies (lines ended by CRLF, a reply ended by its "NNN " line), so
/// the state never depends on how the bytes happened to be split across reads.
/// </summary>
internal sealed class TransactionTracker : IProtocolLogger
{
    private static readonly byte[] EndOfData = { (byte)'\r', (byte)'\n', (byte)'.', (byte)'\r', (byte)'\n' };
    private readonly byte[] _tail = new byte[EndOfData.Length];
    private int _tailLength;
    private readonly System.Text.StringBuilder _line = new();
    private const int LongestKeptLine = 1000;

    /// <summary>Whether <c>MAIL FROM</c> of the current transaction was written (a refusal before it is MailKit's own, e.g. SIZE).</summary>
    public bool MailFromWritten { get; private set; }

    /// <summary>The SIZE= MailKit declared in MAIL FROM (it measures the message once for it), or null.</summary>
    public long? DeclaredSize { get; private set; }

    /// <summary>Whether the server answered DATA with 354 in the current transaction.</summary>
    public bool DataAccepted { get; private set; }

    /// <summary>Whether the end-of-data marker (or a BDAT chunk) was handed to the network: from here the outcome may be unknown.</summary>
    public bool EndOfDataWritten { get; private set; }

    /// <summary>The last line ("NNN text") of the server's last complete reply on this connection (e.g. a 421 before it closed).</summary>
    public string? LastReply { get; private set; }

    public IAuthenticationSecretDetector? AuthenticationSecretDetector { get; set; }

    /// <summary>Starts a new transaction.</summary>
    public void Reset()
    {
        MailFromWritten = false;
        DeclaredSize = null;
        DataAccepted = false;
        EndOfDataWritten = false;
        _tailLength = 0;
    }

    public void LogConnect(Uri uri)
    {
    }

    public void LogClient(byte[] buffer, int offset, int count)
    {
        if (DataAccepted)
        {
            Remember(buffer, offset, count);
            if (_tailLength == EndOfData.Length && _tail.AsSpan().SequenceEqual(EndOfData))
            {
                EndOfDataWritten = true;
            }

            return;
        }

        if (StartsWith(buffer, offset, count, "MAIL FROM:"))
        {
            MailFromWritten = true;
            DeclaredSize = SizeParameter(System.Text.Encoding.UTF8.GetString(buffer, offset, count));
        }

        // BDAT carries the data with the command: once any of it is written, treat the outcome as open.
        if (Contains(buffer, offset, count, "BDAT "))
        {
            EndOfDataWritten = true;
        }
    }

    public void LogServer(byte[] buffer, int offset, int count)
    {
        for (var i = offset; i < offset + count; i++)
        {
            var b = buffer[i];
            if (b == '\n')
            {
                EndOfLine();
            }
            else if (b != '\r' && _line.Length < LongestKeptLine)
            {
                // Replies are ASCII apart from their text, which is only kept for the error message.
                _line.Append((char)b);
            }
        }
    }

    /// <summary>A whole line of a reply: a "NNN " (or bare "NNN") line ends the reply, "NNN-" lines continue it.</summary>
    private void EndOfLine()
    {
        var line = _line.ToString();
        _line.Clear();
        if (line.Length < 3 || !char.IsDigit(line[0]) || !char.IsDigit(line[1]) || !char.IsDigit(line[2]) || (line.Length > 3 && line[3] == '-'))
        {
            return;
        }

        LastReply = line;
        if (MailFromWritten && !DataAccepted && line.StartsWith("354", StringComparison.Ordinal))
        {
            DataAccepted = true;
            _tail[0] = (byte)'\r';
            _tail[1] = (byte)'\n';
            _tailLength = 2;
        }
    }

    public void Dispose()
    {
    }

    private void Remember(byte[] buffer, int offset, int count)
    {
        for (var i = Math.Max(offset, offset + count - EndOfData.Length); i < offset + count; i++)
        {
            if (_tailLength == EndOfData.Length)
            {
                Array.Copy(_tail, 1, _tail, 0, EndOfData.Length - 1);
                _tailLength--;
            }

            _tail[_tailLength++] = buffer[i];
        }
    }

    private static long? SizeParameter(string command)
    {
        var line = command.Split('\r')[0];
        var at = line.IndexOf(" SIZE=", StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return null;
        }

        var digits = new string(line.Substring(at + 6).TakeWhile(char.IsDigit).ToArray());
        return long.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var size) ? size : null;
    }

    private static bool StartsWith(byte[] buffer, int offset, int count, string text)
    {
        if (count < text.Length)
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (char.ToUpperInvariant((char)buffer[offset + i]) != text[i])
            {
                return false;
            }
        }

        return true;
    }

    private static bool Contains(byte[] buffer, int offset, int count, string text)
    {
        for (var start = offset; start + text.Length <= offset + count; start++)
        {
            if ((start == offset || buffer[start - 1] == '\n') && StartsWith(buffer, start, offset + count - start, text))
            {
                return true;
            }
        }

        return false;
    }
}
