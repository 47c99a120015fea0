// An order confirmation with a layout, a footer partial, 3 to 20 lines and an optional discount, rendered as text and
// HTML by code the generator wrote from Mail/*.html and Mail/*.txt, sent to an embedded Mailbox on loopback.
// A real server: dotnet run --project samples/Orders -- --host smtp.example.com --port 587 --user u --password p --to you@example.com
// (or TYPEDMAIL_HOST, TYPEDMAIL_PORT, TYPEDMAIL_USER, TYPEDMAIL_PASSWORD, TYPEDMAIL_TO).
using Orders;
using TypedMail;
using TypedMail.Mailbox;
using TypedMail.Samples;

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

var emlDirectory = Path.Combine(Path.GetTempPath(), "typedmail-orders", DateTime.UtcNow.ToString("yyyyMMdd-HHmmss"));
await using var mailbox = target.IsEmbedded ? await MailboxServer.StartAsync(new MailboxOptions { EmlDirectory = emlDirectory }) : null;

var random = new Random(104729);
var catalog = new[] { ("Turkey (live) <fragile>", 12.50m), ("WKRP mug", 8.00m), ("Les Nessman's \"Guide to Birds\"", 14.95m), ("Bumper sticker", 2.25m) };
var orders = Enumerable.Range(1, 3).Select(n => OrderConfirmation.Create()
        .Email(target.To ?? $"customer{n}@example.com")
        .Number(1000 + n)
        .Customer(new Customer(n == 1 ? "Jennifer Marlowe" : $"Listener {n}", "Cincinnati"))
        .Lines(Enumerable.Range(0, n == 1 ? 3 : n == 2 ? 20 : 7)
            .Select(i => catalog[(i + n) % catalog.Length])
            .Select(item => new OrderLine(item.Item1, random.Next(1, 4), item.Item2))
            .ToList())
        .Discount(n == 2 ? 5.00m : null)
        .Signature(new HtmlString("<p>Thank you for shopping with us, <i>the WKRP team</i></p>"))
        .Build())
    .ToList();

void Configure(SmtpSettings settings)
{
    settings.Host = mailbox?.Host ?? target.Host;
    settings.Port = mailbox?.Port ?? target.Port;
}

await using var relay = target.User is { } user ? new OrderRelay(user, target.Password ?? "", Configure) : new OrderRelay(Configure);
var results = await relay.SendManyAsync(orders);
var failures = 0;
for (var i = 0; i < orders.Count; i++)
{
    failures += results[i].Succeeded ? 0 : 1;
    Console.WriteLine($"  order {orders[i].Number} ({orders[i].Lines.Count,2} lines{(orders[i].Discount is null ? "" : ", discount")}) to {orders[i].Email,-24} {(results[i].Succeeded ? "sent" : results[i].ErrorText)}");
}

if (mailbox is not null)
{
    var first = mailbox.Messages[0].Message;
    Console.WriteLine();
    Console.WriteLine($"The embedded Mailbox received {mailbox.Messages.Count} messages; .eml files in {emlDirectory}. The first one's text body:");
    Console.WriteLine();
    Console.WriteLine(first.TextBody);
}

return failures == 0 ? 0 : 1;
