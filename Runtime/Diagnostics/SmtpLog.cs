using System;
using Microsoft.Extensions.Logging;

namespace TypedMail;

/// <summary>The runtime's log events. Credentials (user names and passwords) are never part of them.</summary>
internal static class SmtpLog
{
    private static readonly Action<ILogger, string, int, SessionMode, Exception?> ConnectingMessage =
        LoggerMessage.Define<string, int, SessionMode>(LogLevel.Debug, new EventId(1, "Connecting"), "Connecting to {Host}:{Port} ({Mode})");

    private static readonly Action<ILogger, bool, Exception?> ConnectedMessage =
        LoggerMessage.Define<bool>(LogLevel.Debug, new EventId(2, "Connected"), "Connected; TLS: {Secure}");

    private static readonly Action<ILogger, string, Exception?> AuthenticatedMessage =
        LoggerMessage.Define<string>(LogLevel.Debug, new EventId(3, "Authenticated"), "Authenticated with {Mechanism}");

    private static readonly Action<ILogger, string?, int, Exception?> SentMessage =
        LoggerMessage.Define<string?, int>(LogLevel.Information, new EventId(4, "Sent"), "Message {MessageId} sent to {Count} recipient(s)");

    private static readonly Action<ILogger, string?, int, string, Exception?> FailedMessage =
        LoggerMessage.Define<string?, int, string>(LogLevel.Warning, new EventId(5, "SendFailed"), "Message {MessageId} failed with {Code}: {Text}");

    private static readonly Action<ILogger, string, string, Exception?> RuleWarningMessage =
        LoggerMessage.Define<string, string>(LogLevel.Warning, new EventId(6, "RuleWarning"), "{RuleId}: {RuleMessage}");

    private static readonly Action<ILogger, string, string, Exception?> RuleInfoMessage =
        LoggerMessage.Define<string, string>(LogLevel.Information, new EventId(7, "RuleInfo"), "{RuleId}: {RuleMessage}");

    private static readonly Action<ILogger, string, string, Exception?> RuleNotEnforcedMessage =
        LoggerMessage.Define<string, string>(LogLevel.Warning, new EventId(9, "RuleNotEnforced"),
            "{RuleId}: {RuleMessage} (sent anyway: EnforceRules is off)");

    private static readonly Action<ILogger, string, Exception?> LegacyOptionMessage =
        LoggerMessage.Define<string>(LogLevel.Warning, new EventId(10, "LegacyOption"), "{Difference}");

    private static readonly Action<ILogger, Exception?> ReconnectingMessage =
        LoggerMessage.Define(LogLevel.Information, new EventId(8, "Reconnecting"), "The server closed the connection; reconnecting once");

    public static void Connecting(ILogger logger, string host, int port, SessionMode mode) => ConnectingMessage(logger, host, port, mode, null);

    public static void Connected(ILogger logger, bool secure) => ConnectedMessage(logger, secure, null);

    public static void Authenticated(ILogger logger, string mechanism) => AuthenticatedMessage(logger, mechanism, null);

    public static void Sent(ILogger logger, string? messageId, int count) => SentMessage(logger, messageId, count, null);

    public static void Failed(ILogger logger, string? messageId, SendResult result) => FailedMessage(logger, messageId, result.Code, result.ErrorText, null);

    public static void Rule(ILogger logger, RuleViolation violation)
    {
        if (violation.Severity == RuleSeverity.Error)
        {
            RuleNotEnforcedMessage(logger, violation.Id, violation.Message, null);
        }
        else if (violation.Severity == RuleSeverity.Warning)
        {
            RuleWarningMessage(logger, violation.Id, violation.Message, null);
        }
        else
        {
            RuleInfoMessage(logger, violation.Id, violation.Message, null);
        }
    }

    /// <summary>A 4D option TypedMail honours another way (e.g. a Macintosh attachment encoding sent as Base64): the sentence says how.</summary>
    public static void LegacyOption(ILogger logger, string difference) => LegacyOptionMessage(logger, difference, null);

    public static void Reconnecting(ILogger logger) => ReconnectingMessage(logger, null);
}
