using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace TypedMail;

/// <summary>Turns what MailKit throws into a <see cref="SendResult"/> with the code of <see cref="ErrorCodes"/>.</summary>
internal static class SendFailure
{
    public static SendResult From(Exception exception, SessionPhase phase, SmtpSettings settings, IReadOnlyList<RecipientOutcome> recipients,
        string? messageId, bool cancellationRequested)
    {
        switch (exception)
        {
            case OperationCanceledException when cancellationRequested:
                return SendResult.Failure(ErrorCodes.Cancelled, "The send was cancelled.", recipients: recipients, messageId: messageId);
            case TypedMailException typed:
                return SendResult.Failure(typed.Code, typed.Detail, recipients: recipients, messageId: messageId);
            case AuthenticationException auth:
            {
                // MailKit puts the reply in the inner exception, or (AUTH with one mechanism) in the message as "454: text".
                var command = auth.InnerException as SmtpCommandException;
                var leading = LeadingStatus(auth.Message);
                var status = command is not null ? (int)command.StatusCode : leading ?? 535;
                var what = status < 500 ? "The server could not authenticate now." : "The server refused the credentials.";
                var text = command?.Message ?? (leading is not null ? auth.Message.Substring(3).TrimStart(':', ' ', '-') : auth.Message);
                return SendResult.Failure(status, what, status, text, recipients, messageId);
            }

            case SmtpCommandException command:
            {
                var status = (int)command.StatusCode;
                return SendResult.Failure(status, null, status, command.Message, recipients, messageId);
            }

            case SslHandshakeException when cancellationRequested:
                return SendResult.Failure(ErrorCodes.Cancelled, "The send was cancelled during the TLS handshake.", recipients: recipients, messageId: messageId);
            case SslHandshakeException { InnerException: IOException or SocketException or TimeoutException or OperationCanceledException } tls:
                // The handshake did not fail on the certificate: the connection dropped or the server fell silent.
                return From(tls.InnerException!, phase, settings, recipients, messageId, cancellationRequested);
            case SslHandshakeException tls:
                return SendResult.Failure(ErrorCodes.TlsHandshakeFailed, FirstLine(tls.Message), recipients: recipients, messageId: messageId);
            case NotSupportedException when phase == SessionPhase.Connect && settings.Mode == SessionMode.RequireStartTls:
                return SendResult.Failure(ErrorCodes.StartTlsNotOffered, $"{settings.Host}:{settings.EffectivePort} did not announce STARTTLS.", recipients: recipients, messageId: messageId);
            case NotSupportedException notSupported when phase == SessionPhase.Authenticate:
                return SendResult.Failure(ErrorCodes.AuthenticationNotOffered, notSupported.Message, recipients: recipients, messageId: messageId);
            case NotSupportedException notSupported:
                return SendResult.Failure(ErrorCodes.ExtensionNotOffered, notSupported.Message, recipients: recipients, messageId: messageId);
            case SocketException socket:
                return Network(socket, settings, recipients, messageId);
            case TimeoutException or OperationCanceledException:
                return SendResult.Failure(ErrorCodes.TimedOut, $"No answer from {settings.Host}:{settings.EffectivePort} within {settings.TimeoutSeconds} s.", recipients: recipients, messageId: messageId);
            case IOException io when io.InnerException is SocketException inner:
                return Network(inner, settings, recipients, messageId);
            case IOException io when io.InnerException is TimeoutException:
                return SendResult.Failure(ErrorCodes.TimedOut, $"No answer from {settings.Host}:{settings.EffectivePort} within {settings.TimeoutSeconds} s.", recipients: recipients, messageId: messageId);
            case ServiceNotConnectedException or IOException:
                return SendResult.Failure(ErrorCodes.ConnectionLost, FirstLine(exception.Message), recipients: recipients, messageId: messageId);
            case SmtpProtocolException protocol when protocol.InnerException is IOException or SocketException:
                return From(protocol.InnerException!, phase, settings, recipients, messageId, cancellationRequested);
            case SmtpProtocolException protocol:
                return protocol.Message.IndexOf("disconnect", StringComparison.OrdinalIgnoreCase) >= 0
                    ? SendResult.Failure(ErrorCodes.ConnectionLost, FirstLine(protocol.Message), recipients: recipients, messageId: messageId)
                    : SendResult.Failure(ErrorCodes.ProtocolError, FirstLine(protocol.Message), recipients: recipients, messageId: messageId);
            default:
                return SendResult.Failure(ErrorCodes.UnexpectedError, exception.GetType().Name + ": " + FirstLine(exception.Message), recipients: recipients, messageId: messageId);
        }
    }

    /// <summary>
    /// Whether the exception means the connection was gone (closed, reset, broken pipe), so that one reconnection is
    /// worth it; an <see cref="IOException"/> from an attachment's own stream is not one.
    /// </summary>
    public static bool IsConnectionLoss(Exception exception) => exception switch
    {
        ServiceNotConnectedException or SocketException => true,
        SmtpProtocolException protocol => protocol.InnerException is null || IsConnectionLoss(protocol.InnerException),
        IOException io => io.InnerException is SocketException || io.InnerException is null && io.Message.IndexOf("disconnect", StringComparison.OrdinalIgnoreCase) >= 0,
        _ => false,
    };

    private static SendResult Network(SocketException socket, SmtpSettings settings, IReadOnlyList<RecipientOutcome> recipients, string? messageId)
    {
        // The portable SocketError number, negated: the same code on Windows, Linux and macOS.
        var error = socket.SocketErrorCode == SocketError.SocketError ? SocketError.NotConnected : socket.SocketErrorCode;
        return SendResult.Failure(-(int)error, $"{settings.Host}:{settings.EffectivePort}: {FirstLine(socket.Message)}", recipients: recipients, messageId: messageId);
    }

    private static int? LeadingStatus(string text) =>
        text.Length >= 3 && int.TryParse(text.Substring(0, 3), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var status)
            && status is >= 400 and <= 599 ? status : null;

    private static string FirstLine(string text)
    {
        var end = text.IndexOfAny(new[] { '\r', '\n' });
        return end < 0 ? text : text.Substring(0, end);
    }
}
