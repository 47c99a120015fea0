using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Sockets;

namespace TypedMail;

/// <summary>
/// Every code the runtime returns, in one table (SMTP_SEND.md §4). Ranges:
/// <list type="bullet">
/// <item><description><c>0</c>: no error.</description></item>
/// <item><description><c>&lt; 0</c>: network errors, the negated <see cref="SocketError"/> number (connection refused = -10061,
/// timed out = -10060, host not found = -11001), on every platform: the portable <see cref="SocketException.SocketErrorCode"/>,
/// never the OS-specific errno.</description></item>
/// <item><description><c>200..599</c>: the SMTP server's own reply code when the server refused something.</description></item>
/// <item><description><c>10000..10029</c>: 4D Internet Commands' published codes, numbers kept exactly.</description></item>
/// <item><description><c>12001..12099</c>: TypedMail's own codes (above 4D's table, below nothing else).</description></item>
/// </list>
/// </summary>
public static class ErrorCodes
{
    /// <summary>No error.</summary>
    public const int NoError = 0;

    /// <summary>Network: the connection timed out (negated <see cref="SocketError.TimedOut"/>); also any I/O timeout.</summary>
    public const int TimedOut = -(int)SocketError.TimedOut;
    /// <summary>Network: nothing listens on that host and port (negated <see cref="SocketError.ConnectionRefused"/>).</summary>
    public const int ConnectionRefused = -(int)SocketError.ConnectionRefused;
    /// <summary>Network: the host name is unknown (negated <see cref="SocketError.HostNotFound"/>).</summary>
    public const int HostNotFound = -(int)SocketError.HostNotFound;
    /// <summary>Network: the peer reset the connection (negated <see cref="SocketError.ConnectionReset"/>).</summary>
    public const int ConnectionReset = -(int)SocketError.ConnectionReset;
    /// <summary>Network: the host is unreachable (negated <see cref="SocketError.HostUnreachable"/>).</summary>
    public const int HostUnreachable = -(int)SocketError.HostUnreachable;
    /// <summary>Network: the network is unreachable (negated <see cref="SocketError.NetworkUnreachable"/>).</summary>
    public const int NetworkUnreachable = -(int)SocketError.NetworkUnreachable;

    /// <summary>4D 10000: the operation was cancelled.</summary>
    public const int Cancelled = 10000;
    /// <summary>4D 10001: the feature is not implemented (the Apple/BinHex/UUEncode attachment encodings, legacy time zone codes).</summary>
    public const int Unimplemented = 10001;
    /// <summary>4D 10003: no more message references can be created.</summary>
    public const int NoMoreReferences = 10003;
    /// <summary>4D 10004: the message reference is invalid (unknown or cleared).</summary>
    public const int InvalidReference = 10004;
    /// <summary>4D 10005: no SMTP host was given.</summary>
    public const int NoHost = 10005;
    /// <summary>4D 10006: the message has no From address.</summary>
    public const int NoFrom = 10006;
    /// <summary>4D 10007: the message has no recipient in To, Cc or Bcc.</summary>
    public const int NoRecipient = 10007;
    /// <summary>4D 10027: the connection no longer exists (the server closed it).</summary>
    public const int ConnectionLost = 10027;

    /// <summary>TypedMail: the TLS handshake failed (certificate not trusted, or the server does not speak TLS).</summary>
    public const int TlsHandshakeFailed = 12001;
    /// <summary>TypedMail: RequireStartTls, but the server does not offer STARTTLS; nothing was sent.</summary>
    public const int StartTlsNotOffered = 12002;
    /// <summary>TypedMail: the AUTH mechanism asked for (or any of CRAM-MD5, LOGIN, PLAIN in mode 0) is not offered.</summary>
    public const int AuthMechanismNotOffered = 12003;
    /// <summary>TypedMail: an address is not a valid RFC 5322 mailbox.</summary>
    public const int InvalidAddress = 12004;
    /// <summary>TypedMail: a line break (CR, LF, U+0085, U+2028, U+2029), NUL or other control character in a header value, subject, display name or attachment name: refused (header injection).</summary>
    public const int HeaderInjection = 12005;
    /// <summary>TypedMail: the message is larger than the SIZE the server announced; nothing was sent.</summary>
    public const int MessageTooLarge = 12006;
    /// <summary>TypedMail: the settings break an error rule of <see cref="SmtpRules"/> (TM0001, TM0002, TM0013).</summary>
    public const int RuleViolation = 12007;
    /// <summary>TypedMail: an attachment file does not exist (when attached, or no longer at send time).</summary>
    public const int AttachmentNotFound = 12008;
    /// <summary>TypedMail: credentials are set but the server offers no authentication at all (at this point of the session).</summary>
    public const int AuthenticationNotOffered = 12009;
    /// <summary>TypedMail: an argument is out of range or malformed (an option number, a port, a header name, a reserved header).</summary>
    public const int InvalidArgument = 12010;
    /// <summary>TypedMail: the server's reply could not be understood.</summary>
    public const int ProtocolError = 12011;
    /// <summary>TypedMail: the message needs SMTPUTF8 or 8BITMIME, which the server does not offer.</summary>
    public const int ExtensionNotOffered = 12012;
    /// <summary>
    /// TypedMail: outcome unknown. The connection was lost (or timed out, or the send was cancelled) after the end of the
    /// message data was written and before the server's reply: the server may have accepted it. Never resent
    /// automatically; the result carries the Message-ID so that the caller can check.
    /// </summary>
    public const int OutcomeUnknown = 12013;
    /// <summary>TypedMail: partially delivered. Some recipients were refused, the others accepted the message (it was delivered to them).</summary>
    public const int PartiallyDelivered = 12014;
    /// <summary>TypedMail: incomplete credentials, a user name without a password or the reverse; refused before connecting.</summary>
    public const int IncompleteCredentials = 12015;
    /// <summary>
    /// TypedMail: not attempted. Nothing of this message went on the wire because the merge stopped before it (the server
    /// could not be reached again) or the sender was disposed first. A merge the caller cancelled marks the rest 10000.
    /// </summary>
    public const int NotAttempted = 12020;
    // Attachments (12030..12039).
    /// <summary>TypedMail: an attachment is larger than the message's limit (<see cref="SmtpMessage.MaxAttachmentBytes"/>); nothing was sent.</summary>
    public const int AttachmentTooLarge = 12030;
    /// <summary>TypedMail: an attachment file exists but cannot be read (permissions, a lock, an I/O error, a stream that cannot be read again).</summary>
    public const int AttachmentUnreadable = 12031;
    /// <summary>TypedMail: a file attached as already Base64 (4D encode type -2) is not Base64.</summary>
    public const int AttachmentNotBase64 = 12032;

    /// <summary>TypedMail: an unexpected error; the text carries the detail.</summary>
    public const int UnexpectedError = 12099;

    private static readonly Dictionary<int, string> Texts = new()
    {
        [NoError] = "No error.",
        [Cancelled] = "The operation was cancelled.",
        [Unimplemented] = "This feature is not implemented (4D's legacy time zone codes 2..6; BinHex, AppleSingle and AppleDouble outside the 4D facade, which sends them as Base64).",
        [NoMoreReferences] = "No more message references are available: clear the ones you no longer use.",
        [InvalidReference] = "The message reference is invalid: it was never created or it was cleared.",
        [NoHost] = "No SMTP host was given.",
        [NoFrom] = "The message has no From address.",
        [NoRecipient] = "The message has no recipient: give at least one To, Cc or Bcc address.",
        [ConnectionLost] = "The connection to the SMTP server no longer exists.",
        [TlsHandshakeFailed] = "The TLS handshake failed: the server's certificate is not trusted or the server does not speak TLS on this port.",
        [StartTlsNotOffered] = "STARTTLS is required but the server does not offer it; nothing was sent.",
        [AuthMechanismNotOffered] = "The server does not offer the authentication mechanism asked for; TypedMail never falls back to another one.",
        [InvalidAddress] = "An address is not a valid RFC 5322 mailbox.",
        [HeaderInjection] = "A header value, subject, display name or attachment name contains a line break (CR, LF, U+0085, U+2028, U+2029), NUL or another control character: refused to prevent header injection.",
        [MessageTooLarge] = "The message is larger than the maximum size the server accepts (SIZE); nothing was sent.",
        [RuleViolation] = "The SMTP settings break a TypedMail rule; nothing was sent.",
        [AttachmentNotFound] = "An attachment file does not exist.",
        [AuthenticationNotOffered] = "Credentials were given but the server offers no authentication (at this point of the session, e.g. before STARTTLS).",
        [InvalidArgument] = "An argument is out of range or malformed.",
        [ProtocolError] = "The SMTP server's reply could not be understood.",
        [ExtensionNotOffered] = "The message needs an SMTP extension (SMTPUTF8 or 8BITMIME) that the server does not offer.",
        [OutcomeUnknown] = "Outcome unknown: the connection was lost after the message was sent and before the server replied; it may have been delivered. Not resent: check with its Message-ID before sending it again.",
        [PartiallyDelivered] = "Partially delivered: some recipients were refused, the others accepted the message. Do not resend it to everyone.",
        [IncompleteCredentials] = "Incomplete credentials: a user name without a password, or a password without a user name; nothing was sent.",
        [NotAttempted] = "Not attempted: nothing of this message was sent (the merge stopped before it, or the sender was disposed).",
        [AttachmentTooLarge] = "An attachment is larger than the limit set on the message; nothing was sent.",
        [AttachmentUnreadable] = "An attachment file exists but cannot be read (permissions, a lock or an I/O error); nothing more was sent.",
        [AttachmentNotBase64] = "A file attached as already Base64 (encode type -2) is not Base64.",
        [UnexpectedError] = "An unexpected error occurred.",
        [421] = "The SMTP service is not available and is closing the connection (421).",
        [450] = "The mailbox is temporarily unavailable (450).",
        [451] = "The server aborted the request: local error in processing (451).",
        [452] = "The server has insufficient storage (452).",
        [454] = "TLS or authentication is temporarily not available (454).",
        [500] = "The server did not recognise the command (500).",
        [501] = "Syntax error in the command's parameters (501).",
        [502] = "The command is not implemented by the server (502).",
        [503] = "Bad sequence of commands (503).",
        [504] = "The command parameter is not implemented (504).",
        [521] = "The server does not accept mail (521).",
        [530] = "Authentication required (530).",
        [534] = "The authentication mechanism is too weak (534).",
        [535] = "Authentication failed: user name or password refused (535).",
        [538] = "Encryption required for the requested authentication mechanism (538).",
        [550] = "The mailbox is unavailable: the server refused the recipient or the message (550).",
        [551] = "The user is not local (551).",
        [552] = "Exceeded storage allocation: the message is too large (552).",
        [553] = "The mailbox name is not allowed (553).",
        [554] = "The transaction failed (554).",
        [555] = "MAIL FROM or RCPT TO parameters not recognised (555).",
    };

    /// <summary>
    /// The codes with a sentence of their own (every code the runtime returns, besides the general ranges: other negative
    /// network codes and other SMTP reply codes also get a sentence from <see cref="Text"/>).
    /// </summary>
    public static IReadOnlyCollection<int> Known => Texts.Keys;

    /// <summary>A sentence for any code (4D's <c>IT_ErrorText</c>).</summary>
    public static string Text(int code)
    {
        if (Texts.TryGetValue(code, out var text))
        {
            return text;
        }

        if (code < 0)
        {
            var name = Enum.IsDefined(typeof(SocketError), -code) ? ((SocketError)(-code)).ToString() : "unknown";
            return string.Format(CultureInfo.InvariantCulture, "Network error {0} ({1}).", code, name);
        }

        if (code is >= 200 and <= 599)
        {
            return code >= 400
                ? string.Format(CultureInfo.InvariantCulture, "The SMTP server refused the request ({0}).", code)
                : string.Format(CultureInfo.InvariantCulture, "The SMTP server replied {0}.", code);
        }

        return string.Format(CultureInfo.InvariantCulture, "Unknown error code {0}.", code);
    }

    /// <summary>Whether <paramref name="code"/> is a network code (negative).</summary>
    public static bool IsNetworkError(int code) => code < 0;

    /// <summary>Whether <paramref name="code"/> is an SMTP server reply code.</summary>
    public static bool IsServerReply(int code) => code is >= 200 and <= 599;
}
