using System.IO;
using System.Linq;
using System.Text;
using MimeKit;

namespace TypedMail;

public static partial class InternetCommands
{
    /// <summary>
    /// SMTP_Send: sends the message and leaves it unchanged (a loop can edit it and send again). Session mode 0 =
    /// STARTTLS when offered, 1 = TLS from the first byte, 2 = never TLS, 3 (beyond 4D) = STARTTLS required. Checks
    /// 10004, 10005, 10006, 10007 and the settings rules (12007 unless <see cref="IT_SetEnforceRules"/> turned them into
    /// logged warnings) before anything goes on the wire. SMTP_Charset and SMTP_SetPrefs as they are now apply. Returns 0, or a negative
    /// network code, an SMTP reply code (e.g. 535, 550), or a code of <see cref="ErrorCodes"/>.
    /// </summary>
    public static int SMTP_Send(int smtpId, int sessionParam = 0) => Guard(() =>
    {
        if (!MessageHandles.TryGet(smtpId, out var message))
        {
            return ErrorCodes.InvalidReference;
        }

        if (sessionParam is < 0 or > 3)
        {
            throw Option(sessionParam, "0, 1, 2 or 3");
        }

        var mode = (SessionMode)sessionParam;
        // 4D's SMTP_Charset and SMTP_SetPrefs apply to the messages sent afterwards: the settings in force now win.
        message.Format = CurrentFormat();
        var own = message.ToSettings(mode);
        var settings = SettingsFor(own.Host, own.Port, message.TimeoutSeconds, mode);
        settings.Auth = own.Auth;
        settings.UserName = own.UserName;
        settings.Password = own.Password;
        return BlockingSend.Run(settings, Logger, sender => sender.SendAsync(message)).Code;
    });

    /// <summary>
    /// SMTP_QuickSend: one message in one call, no handle. Modes 0/1/2 as SMTP_Send (plain-text body); 4 = HTML body,
    /// 5 = HTML body with SSL; 8 = the body is a complete MIME message, 9 = the same with SSL. Port 0 takes IT_SetPort's
    /// table; no user and no password means no authentication, one without the other is 12015 (nothing sent).
    /// Sends QUIT before returning.
    /// </summary>
    public static int SMTP_QuickSend(string host, string from, string to, string subject, string body, int sessionParam = 0, int port = 0,
        string user = "", string password = "") => Guard(() =>
    {
        var (mode, html, raw) = sessionParam switch
        {
            0 => (SessionMode.Upgradable, false, false),
            1 => (SessionMode.ImplicitTls, false, false),
            2 => (SessionMode.NeverTls, false, false),
            4 => (SessionMode.Upgradable, true, false),
            5 => (SessionMode.ImplicitTls, true, false),
            8 => (SessionMode.Upgradable, false, true),
            9 => (SessionMode.ImplicitTls, false, true),
            _ => throw Option(sessionParam, "0, 1, 2, 4, 5, 8 or 9"),
        };

        if (port is < 0 or > 65535)
        {
            throw Option(port, "a port in 0..65535");
        }

        if (string.IsNullOrEmpty(user) != string.IsNullOrEmpty(password))
        {
            return ErrorCodes.IncompleteCredentials;
        }

        using var message = new SmtpMessage { Format = CurrentFormat() };
        message.Host = host;
        message.SetFrom(from);
        message.SetTo(to);
        message.SetAuth(user, password);
        var settings = SettingsFor(message.Host, port, null, mode);
        if (message.HasCredentials)
        {
            settings.UserName = user;
            settings.Password = password;
        }

        if (!raw)
        {
            message.SetSubject(subject);
            message.SetBody(body, BodyOption.Replace, html);
            return BlockingSend.Run(settings, Logger, sender => sender.SendAsync(message)).Code;
        }

        if (string.IsNullOrWhiteSpace(host))
        {
            return ErrorCodes.NoHost;
        }

        // The body is the whole message; the envelope comes from the from and to arguments.
        var mime = MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(body ?? string.Empty)));
        EncodeEightBitHeaders(mime);
        var sender = message.EnvelopeSender();
        var recipients = message.EnvelopeRecipients();
        return BlockingSend.Run(settings, Logger, smtp => smtp.SendAsync(mime, sender!, recipients)).Code;
    });

    /// <summary>
    /// A 4D text is Unicode, so the headers of a mode 8 message may hold raw non-ASCII text (4D writes the bytes as
    /// they are). Each such header is encoded again (RFC 2047), so that no 8-bit byte reaches a server that offers
    /// neither SMTPUTF8 nor 8BITMIME; bodies are converted to 7-bit by the send itself when the server lacks 8BITMIME.
    /// </summary>
    private static void EncodeEightBitHeaders(MimeMessage mime)
    {
        EncodeEightBit(mime.Headers);
        EncodeEightBit(mime.Body);
    }

    private static void EncodeEightBit(MimeEntity? entity)
    {
        if (entity is null)
        {
            return;
        }

        EncodeEightBit(entity.Headers);
        if (entity is Multipart multipart)
        {
            foreach (var part in multipart)
            {
                EncodeEightBit(part);
            }
        }
    }

    private static void EncodeEightBit(HeaderList headers)
    {
        foreach (var header in headers.ToList())
        {
            if (header.RawValue.Any(b => b > 127))
            {
                header.SetValue(FormatOptions.Default, Encoding.UTF8, header.Value);
            }
        }
    }
}
