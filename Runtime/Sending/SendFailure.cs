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
                var command = auth.InnerException as SmtpCommandException;
                var status = command is null ? 535 : (int)command.StatusCode;
                return SendResult.Failure(status, "The server refused the credentials.", status, command?.Message ?? auth.Message, recipients, messageId);
            }

            case SmtpCommandException command:
            {
                // With every recipient refused, the first refusal says why better than MailKit's summary.
                foreach (var outcome in recipients)
                {
                    if (!outcome.Accepted && outcome.SmtpStatus is { } refused)
                    {
                        return SendResult.Failure(refused, $"No recipient was accepted; {outcome.Address} was refused.", refused, outcome.ServerText, recipients, messageId);
                    }
                }

                var status = (int)command.StatusCode;
                return SendResult.Failure(status, null, status, command.Message, recipients, messageId);
            }

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

    /// <summary>Whether the exception means the (reused) connection was gone, so one reconnection is worth it.</summary>
    public static bool IsConnectionLoss(Exception exception) =>
        exception is ServiceNotConnectedException or IOException or SocketException
        || exception is SmtpProtocolException;

    private static SendResult Network(SocketException socket, SmtpSettings settings, IReadOnlyList<RecipientOutcome> recipients, string? messageId)
    {
        // The portable SocketError number, negated: the same code on Windows, Linux and macOS.
        var error = socket.SocketErrorCode == SocketError.SocketError ? SocketError.NotConnected : socket.SocketErrorCode;
        return SendResult.Failure(-(int)error, $"{settings.Host}:{settings.EffectivePort}: {FirstLine(socket.Message)}", recipients: recipients, messageId: messageId);
    }

    private static string FirstLine(string text)
    {
        var end = text.IndexOfAny(new[] { '\r', '\n' });
        return end < 0 ? text : text.Substring(0, end);
    }
}
