using System;
using System.Threading.Tasks;
using TypedMail.Mailbox;

namespace TypedMail.Runtime.Tests.Support;

/// <summary>Starts Mailbox servers on loopback for the runtime tests, and the settings that reach them.</summary>
internal static class LoopbackServers
{
    public const string User = "herb_tarlick@wkrp.com";
    public const string Password = "Discounts!";

    /// <summary>How long a test waits for a message before failing (a bound, never an assertion on time).</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    public static Task<MailboxServer> StartAsync(MailboxSecurity security = MailboxSecurity.None, bool withUser = false,
        Action<MailboxOptions>? configure = null)
    {
        var options = new MailboxOptions { Security = security };
        if (withUser)
        {
            options.Users[User] = Password;
        }

        configure?.Invoke(options);
        return MailboxServer.StartAsync(options);
    }

    public static SmtpSettings Settings(MailboxServer server, SessionMode mode, bool withCredentials = false, AuthMode auth = AuthMode.Default,
        string password = Password) => new()
    {
        Host = server.Host,
        Port = server.Port,
        Mode = mode,
        Auth = auth,
        UserName = withCredentials ? User : null,
        Password = withCredentials ? password : null,
        TimeoutSeconds = 15,
        AcceptedServerCertificate = server.Certificate,
    };

    /// <summary>A message ready to send: From, one To, a subject and a text body.</summary>
    public static SmtpMessage Letter(string to = "bigguy@wkrp.com", string subject = "Discounts on Ad Space!")
    {
        var message = new SmtpMessage();
        message.SetFrom("Herb Tarlick <herb_tarlick@wkrp.com>");
        message.SetTo(to);
        message.SetSubject(subject);
        message.SetBody("Dear friend,\rour offer.");
        return message;
    }

    /// <summary>The message pointed at <paramref name="server"/> with its own host and port.</summary>
    public static SmtpMessage LetterFor(MailboxServer server, string to = "bigguy@wkrp.com")
    {
        var message = Letter(to);
        message.Host = server.Host;
        message.Port = server.Port;
        return message;
    }
}
