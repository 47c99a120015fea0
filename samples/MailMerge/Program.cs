// The mail merge of 4D's SMTP_Send documentation with typed definitions: DiscountOffer (a [MailMessage] class) for each person of an SQLite
// mailing list, sent by MergeRelay (an [SmtpServer] class) over one connection, with a progress line and a summary.
// Default: an embedded Mailbox on loopback that writes .eml files. A real server:
//   dotnet run --project samples/MailMerge -- --host smtp.example.com --port 587 --user u --password p --to you@example.com
// (or TYPEDMAIL_HOST, TYPEDMAIL_PORT, TYPEDMAIL_USER, TYPEDMAIL_PASSWORD, TYPEDMAIL_TO).
// --outbox: through a SQLite outbox with one idempotency key per person; stop it with Ctrl+C, run it again, and only
// the rest is sent (OutboxMerge.cs).
using MailMerge;
using TypedMail.Samples;
using TypedMail;
using TypedMail.Mailbox;

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

// TYPEDMAIL_MAILMERGE_DIR moves the people list, the outbox and the .eml files elsewhere (the sample's test uses its own).
var workDirectory = Environment.GetEnvironmentVariable("TYPEDMAIL_MAILMERGE_DIR") is { Length: > 0 } dir ? dir : Path.Combine(Path.GetTempPath(), "typedmail-mailmerge");
var people = PeopleDatabase.Load(Path.Combine(workDirectory, "people.db"));
Console.WriteLine($"{people.Count} people in {Path.Combine(workDirectory, "people.db")}");

var emlDirectory = Path.Combine(workDirectory, "eml", DateTime.UtcNow.ToString("yyyyMMdd-HHmmss"));
await using var mailbox = target.IsEmbedded ? await MailboxServer.StartAsync(new MailboxOptions { EmlDirectory = emlDirectory }) : null;

var offers = people
    .Select(person => DiscountOffer.Create()
        .Email(target.To ?? person.Email)
        .Salutation(person.Salutation)
        .Offer($"For a limited time, WKRP is offering {person.Discount}% off all drive-time ad spots.")
        .UnsubscribeToken(UnsubscribeToken(person.Email))
        .Build())
    .ToList();

void Configure(SmtpSettings settings)
{
    settings.Host = mailbox?.Host ?? target.Host;
    settings.Port = mailbox?.Port ?? target.Port;
}

if (args.Contains("--outbox"))
{
    return await OutboxMerge.RunAsync(offers, people, Path.Combine(workDirectory, "outbox.db"), mailbox, target);
}

await using var relay = target.User is { } user
    ? new MergeRelay(user, target.Password ?? "", Configure)
    : new MergeRelay(Configure);
var results = await relay.SendManyAsync(offers, new ConsoleProgress());
Console.WriteLine();

var failures = 0;
for (var i = 0; i < offers.Count; i++)
{
    var result = results[i];
    failures += result.Succeeded ? 0 : 1;
    Console.WriteLine($"  {offers[i].Email,-28} {people[i].Salutation,-14} {result.Code,6}  {(result.Succeeded ? "sent" : result.ErrorText)}");
}

Console.WriteLine($"{results.Count - failures} sent, {failures} failed.");
if (mailbox is not null)
{
    Console.WriteLine($"The embedded Mailbox received {mailbox.Messages.Count} messages over {mailbox.Sessions.Count(s => s.MessagesReceived > 0)} connection(s); .eml files in {emlDirectory}");
}

return failures == 0 ? 0 : 1;

// A stand-in for the token an application stores per subscriber: its unsubscribe endpoint looks the token up.
static string UnsubscribeToken(string email) =>
    Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(email.ToLowerInvariant())))[..16].ToLowerInvariant();

/// <summary>Rewrites one console line as each message is sent.</summary>
internal sealed class ConsoleProgress : IProgress<SendProgress>
{
    public void Report(SendProgress value) =>
        Console.Write($"\rSending: {value.Completed}/{value.Total?.ToString() ?? "?"} (last: {(value.Last.Succeeded ? "sent" : value.Last.ErrorText)})   ");
}
