using System;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging.Abstractions;
using TypedMail;
using TypedMail.Outbox;

// Usage: CrashWorker sqlite|postgresql <connection string> <smtp port>
// Delivers until nothing is Pending or Sending, then exits 0. The crash test kills it at random moments and starts it again.
IOutboxStore store = args[0] == "postgresql" ? new TypedMail.Outbox.PostgreSql.PostgreSqlOutboxStore(args[1]) : new SqliteOutboxStore(args[1]);
var options = new OutboxOptions
{
    LeaseDuration = TimeSpan.FromSeconds(2),
    PollInterval = TimeSpan.FromMilliseconds(50),
    RetryBaseDelay = TimeSpan.FromMilliseconds(100),
    MaxRetryDelay = TimeSpan.FromSeconds(1),
    MaxAttempts = 1000,
};
await using var sender = new SmtpSender(new SmtpSettings { Host = "127.0.0.1", Port = int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture), Mode = SessionMode.NeverTls, MaxConnections = 4 });
var worker = new DeliveryWorker(store, new DeliveryTransport(sender), options, new DeliverySignal(), TimeProvider.System, NullLogger.Instance);
Console.WriteLine("started");
while (true)
{
    if (await worker.RunOnceAsync(default) > 0)
    {
        continue;
    }

    var counts = await store.CountAsync(default);
    if (counts.Pending == 0 && counts.Sending == 0)
    {
        return 0;
    }

    await Task.Delay(50);
}
