// The two examples of 4D's SMTP_Send documentation, ported line by line with the InternetCommands facade.
// Default: two embedded Mailbox servers on loopback (plain for the mail merge, STARTTLS + AUTH LOGIN for the second).
// A real server: dotnet run --project samples/Legacy4D -- --host smtp.example.com --port 587 --user u --password p --from me@example.com --to you@example.com
using TypedMail.Samples;
using TypedMail.Mailbox;
using static TypedMail.InternetCommands;

SampleTarget target;
try
{
    target = SampleTarget.Read(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

var emlDirectory = Path.Combine(Path.GetTempPath(), "typedmail-legacy4d", DateTime.UtcNow.ToString("yyyyMMdd-HHmmss"));
const string demoUser = "user@example.com";
var demoPassword = Guid.NewGuid().ToString("N");

await using var plainBox = target.IsEmbedded
    ? await MailboxServer.StartAsync(new MailboxOptions { EmlDirectory = Path.Combine(emlDirectory, "example1") })
    : null;
var submissionOptions = new MailboxOptions
{
    Security = MailboxSecurity.StartTls,
    RequireAuthentication = true,
    EmlDirectory = Path.Combine(emlDirectory, "example2"),
};
submissionOptions.Users[demoUser] = demoPassword;
await using var submissionBox = target.IsEmbedded ? await MailboxServer.StartAsync(submissionOptions) : null;

var failures = 0;

// ---- Example 1: the mail merge --------------------------------------------------------------------------------
Console.WriteLine("Example 1: mail merge (SMTP_To option 1 replaces the recipient, SMTP_Send leaves the message reusable)");
(string Email, string Salutation)[] people =
[
    ("jennifer.marlowe@wkrp.com", "Ms. Marlowe"),
    ("andy.travis@wkrp.com", "Mr. Travis"),
    ("venus.flytrap@wkrp.com", "Dr. Flytrap"),
    ("les.nessman@wkrp.com", "Mr. Nessman"),
];
if (target.To is { } realTo)
{
    people = [(realTo, "Friend")];
}

IT_SetPort(2, plainBox?.Port ?? (target.Port == 0 ? 25 : target.Port));
var error = SMTP_New(out var smtpId);
error = SMTP_Host(smtpId, plainBox?.Host ?? target.Host!);
error = SMTP_From(smtpId, target.From ?? "herb_tarlick@wkrp.com");
error = SMTP_ReplyTo(smtpId, "bigguy@wkrp.com");
error = SMTP_Subject(smtpId, "Discounts on Ad Space!");
if (!target.IsEmbedded && target.User is not null)
{
    error = SMTP_Auth(smtpId, target.User, target.Password ?? "", 0);
}

foreach (var person in people)
{
    error = SMTP_To(smtpId, person.Email, 1);
    var body = "Dear " + person.Salutation + "," + "\r"
        + "For a limited time, WKRP is offering 50% off all drive-time ad spots." + "\r"
        + "Call Herb today!";
    error = SMTP_Body(smtpId, body);
    error = SMTP_Send(smtpId);
    Report(person.Email, error);
}

error = SMTP_Clear(ref smtpId);

// ---- Example 2: STARTTLS on a submission port with AUTH LOGIN --------------------------------------------------
Console.WriteLine();
Console.WriteLine("Example 2: STARTTLS on a submission port (not 25), authenticated with LOGIN, session mode 0");
var submissionPort = submissionBox?.Port ?? (target.Port == 0 ? 587 : target.Port);
if (submissionBox is not null)
{
    // The embedded server's certificate is self-signed: trust exactly that one (validation stays on for all others).
    IT_SetTrustedCertificate(submissionBox.Certificate);
}

error = IT_SetPort(2, submissionPort);
error = SMTP_New(out smtpId);
error = SMTP_Host(smtpId, submissionBox?.Host ?? target.Host!);
error = SMTP_From(smtpId, target.From ?? demoUser);
error = SMTP_To(smtpId, target.To ?? "someone@example.com");
error = SMTP_Subject(smtpId, "STARTTLS test");
error = SMTP_Body(smtpId, "Sent with STARTTLS");
error = SMTP_Auth(smtpId, target.User ?? demoUser, target.Password ?? demoPassword, 2);
error = SMTP_Send(smtpId, 0);
Report(target.To ?? "someone@example.com", error);
error = SMTP_Clear(ref smtpId);

if (submissionBox is { } box)
{
    var received = box.Messages.LastOrDefault();
    Console.WriteLine(received is null
        ? "  the submission server received nothing"
        : $"  on the wire: STARTTLS issued = {received.StartTlsIssued}, TLS = {received.Secure}, authenticated as {received.AuthenticatedUser}");
}

Console.WriteLine();
if (target.IsEmbedded)
{
    Console.WriteLine($"The .eml files are in {emlDirectory}");
}

return failures == 0 ? 0 : 1;

void Report(string recipient, int code)
{
    if (code != 0)
    {
        failures++;
    }

    Console.WriteLine($"  {recipient,-28} {code,6}  {IT_ErrorText(code)}");
}
