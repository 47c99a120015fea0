using System.Collections.Generic;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace TypedMail;

public static partial class InternetCommands
{
    /// <summary>4D's protocol number for SMTP (default port 25): used by session modes 0 and 2 (and 3 once set).</summary>
    public const int SmtpProtocol = 2;

    /// <summary>4D's protocol number for SMTP over SSL (default port 465): used by session mode 1.</summary>
    public const int SmtpSslProtocol = 12;

    /// <summary>The timeout IT_SetTimeOut starts with, in seconds.</summary>
    public const int DefaultTimeoutSeconds = SmtpDefaults.TimeoutSeconds;

    private static readonly object SettingsLock = new();
    private static readonly Dictionary<int, int> Ports = new();
    private static int _timeoutSeconds = DefaultTimeoutSeconds;
    private static X509Certificate2? _trustedCertificate;
    private static bool _enforceRules = true;
    private static ILogger _logger = NullLogger.Instance;

    /// <summary>
    /// IT_SetPort: the port of a protocol, process-global as in 4D (2 = SMTP, 12 = SMTP over SSL; other numbers are
    /// kept but unused here). Port 0 restores the default (25 and 465).
    /// </summary>
    public static int IT_SetPort(int protocol, int port)
    {
        if (protocol <= 0 || port is < 0 or > 65535)
        {
            return ErrorCodes.InvalidArgument;
        }

        lock (SettingsLock)
        {
            if (port == 0)
            {
                Ports.Remove(protocol);
            }
            else
            {
                Ports[protocol] = port;
            }
        }

        return ErrorCodes.NoError;
    }

    /// <summary>IT_GetPort: the port of a protocol (2 → 25 and 12 → 465 unless set); 12010 for another protocol never set.</summary>
    public static int IT_GetPort(int protocol, out int port)
    {
        lock (SettingsLock)
        {
            if (Ports.TryGetValue(protocol, out port))
            {
                return ErrorCodes.NoError;
            }
        }

        port = protocol switch
        {
            SmtpProtocol => 25,
            SmtpSslProtocol => 465,
            _ => 0,
        };
        return port == 0 ? ErrorCodes.InvalidArgument : ErrorCodes.NoError;
    }

    /// <summary>
    /// IT_SetTimeOut: the timeout of the connection and of each server reply, 0..127 s, process-global as in 4D.
    /// 0 means the default (30 s): TypedMail never waits without a bound.
    /// </summary>
    public static int IT_SetTimeOut(int seconds)
    {
        if (seconds is < 0 or > SmtpRules.MaxTimeoutSeconds)
        {
            return ErrorCodes.InvalidArgument;
        }

        lock (SettingsLock)
        {
            _timeoutSeconds = seconds;
        }

        return ErrorCodes.NoError;
    }

    /// <summary>IT_GetTimeOut: the value given to <see cref="IT_SetTimeOut"/> (30 by default).</summary>
    public static int IT_GetTimeOut(out int seconds)
    {
        lock (SettingsLock)
        {
            seconds = _timeoutSeconds;
        }

        return ErrorCodes.NoError;
    }

    /// <summary>
    /// Not in 4D: trusts this exact server certificate for TLS (e.g. a development server's self-signed one) in
    /// SMTP_Send and SMTP_QuickSend, process-global like IT_SetPort. Every other certificate is still validated by the
    /// platform's trust store; there is no switch that turns validation off. <see langword="null"/> removes it.
    /// </summary>
    public static int IT_SetTrustedCertificate(X509Certificate2? certificate)
    {
        lock (SettingsLock)
        {
            _trustedCertificate = certificate;
        }

        return ErrorCodes.NoError;
    }

    /// <summary>
    /// Not in 4D: 1 (the default) refuses a send that breaks a settings rule with 12007 before connecting (e.g.
    /// <c>SMTP_Auth</c> with mode 0 on port 25, which 4D allows); 0 logs each broken rule as a warning and sends, for
    /// legacy relays. Process-global like IT_SetPort; see <see cref="SmtpSettings.EnforceRules"/>. With 0, credentials
    /// still never go in clear text unless the session mode is 2: TLS comes before AUTH when the server offers
    /// STARTTLS, and mode 0 without STARTTLS fails with 12002. The analyzers report the rules at build time either way.
    /// </summary>
    /// <param name="enforce">1 = refuse (default), 0 = warn in the log; -1 keeps the current setting.</param>
    public static int IT_SetEnforceRules(int enforce)
    {
        if (enforce is < -1 or > 1)
        {
            return ErrorCodes.InvalidArgument;
        }

        lock (SettingsLock)
        {
            _enforceRules = enforce == -1 ? _enforceRules : enforce == 1;
        }

        return ErrorCodes.NoError;
    }

    /// <summary>
    /// Not in 4D: where the facade logs its warnings (rules not enforced, 4D options honoured another way, unknown
    /// charset&amp;Encoding values) and its sends; <see langword="null"/> logs nothing (the default). Process-global.
    /// </summary>
    public static int IT_SetLogger(ILogger? logger)
    {
        lock (SettingsLock)
        {
            _logger = logger ?? NullLogger.Instance;
        }

        return ErrorCodes.NoError;
    }

    /// <summary>The logger given to <see cref="IT_SetLogger"/>.</summary>
    private static ILogger Logger
    {
        get
        {
            lock (SettingsLock)
            {
                return _logger;
            }
        }
    }

    /// <summary>The settings of one facade send: the message's port, else IT_SetPort's table for the mode; the global timeout and trusted certificate.</summary>
    private static SmtpSettings SettingsFor(string? host, int messagePort, int? messageTimeout, SessionMode mode)
    {
        lock (SettingsLock)
        {
            int port = messagePort;
            if (port == 0)
            {
                port = mode switch
                {
                    SessionMode.ImplicitTls => Ports.TryGetValue(SmtpSslProtocol, out var ssl) ? ssl : 465,
                    // Mode 3 starts plain like SMTP: it takes protocol 2's port once set, else the submission port.
                    SessionMode.RequireStartTls => Ports.TryGetValue(SmtpProtocol, out var set) ? set : SmtpRules.SubmissionPort,
                    _ => Ports.TryGetValue(SmtpProtocol, out var smtp) ? smtp : 25,
                };
            }

            return new SmtpSettings
            {
                Host = host,
                Port = port,
                Mode = mode,
                TimeoutSeconds = messageTimeout ?? (_timeoutSeconds == 0 ? DefaultTimeoutSeconds : _timeoutSeconds),
                AcceptedServerCertificate = _trustedCertificate,
                EnforceRules = _enforceRules,
            };
        }
    }
}
