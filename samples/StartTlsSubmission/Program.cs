// The second example of 4D's SMTP_Send documentation, typed: CompanyRelay is [SmtpServer("exchange.example.com", Port = 587,
// Mode = SessionMode.Upgradable, Auth = AuthMode.Login)]; the message is StartTlsTest.
// Default: an embedded Mailbox on loopback offering STARTTLS and requiring AUTH, its self-signed certificate trusted
// explicitly (validation stays on). Your server: set TYPEDMAIL_HOST (and TYPEDMAIL_PORT if not 587), TYPEDMAIL_USER,
// TYPEDMAIL_PASSWORD and TYPEDMAIL_TO, or the same keys as user secrets:
//   dotnet user-secrets --project samples/StartTlsSubmission set TYPEDMAIL_PASSWORD ...
using Microsoft.Extensions.Configuration;
using StartTlsSubmission;
using TypedMail;
using TypedMail.Mailbox;

var configuration = new ConfigurationBuilder()
    .AddUserSecrets(typeof(CompanyRelay).Assembly, optional: true)
    .AddEnvironmentVariables()
    .Build();
var host = configuration["TYPEDMAIL_HOST"];
var embedded = string.IsNullOrEmpty(host);

// The embedded server's account: a fresh password each run, so no secret is ever written in the source.
const string demoUser = "herb_tarlick@wkrp.com";
var demoPassword = Guid.NewGuid().ToString("N");
MailboxServer? mailbox = null;
if (embedded)
{
    var options = new MailboxOptions { Security = MailboxSecurity.StartTls, RequireAuthentication = true };
    options.Users[demoUser] = demoPassword;
    mailbox = await MailboxServer.StartAsync(options);
}

await using (mailbox)
{
    var user = embedded ? demoUser : configuration["TYPEDMAIL_USER"];
    var password = embedded ? demoPassword : configuration["TYPEDMAIL_PASSWORD"];
    if (string.IsNullOrEmpty(user) || string.IsNullOrEmpty(password))
    {
        Console.Error.WriteLine("TYPEDMAIL_USER and TYPEDMAIL_PASSWORD are needed with TYPEDMAIL_HOST (environment variables or user secrets).");
        return 2;
    }

    await using var relay = new CompanyRelay(user, password, settings =>
    {
        if (mailbox is not null)
        {
            settings.Host = mailbox.Host;
            settings.Port = mailbox.Port;
            settings.AcceptedServerCertificate = mailbox.Certificate;
        }
        else
        {
            settings.Host = host;
            settings.Port = int.TryParse(configuration["TYPEDMAIL_PORT"], out var port) ? port : settings.Port;
        }
    });

    var recipient = configuration["TYPEDMAIL_TO"] ?? "someone@example.com";
    var result = await relay.SendAsync(StartTlsTest.Create().Email(recipient).Build());
    Console.WriteLine($"STARTTLS submission to {(embedded ? "the embedded Mailbox" : host)} as {user}: {recipient,-24} {result.Code,6}  {(result.Succeeded ? "sent" : result.ErrorText)}");

    if (mailbox is not null)
    {
        var session = mailbox.Sessions.LastOrDefault();
        Console.WriteLine(session is null
            ? "  the embedded server saw no session"
            : $"  on the wire: STARTTLS issued = {session.StartTlsIssued}, TLS = {session.Secure}, AUTH {session.AuthMechanism} as {session.AuthenticatedUser}, messages = {session.MessagesReceived}");
    }

    return result.Succeeded ? 0 : 1;
}
